/**
 * Sessions: what the analyst did with a set of files, kept in this browser and brought back
 * when the same files are opened again, in any order. Once every loaded file is read and
 * hashed, each file's kept bookmarks come back by hash + record id (whatever other files are
 * open with it), and the view kept for exactly this set of files comes back when the page
 * shows the default view (a share link's view wins). From then on every change is kept, a
 * moment after it is made. The logs themselves are not kept here (kept-logs.ts keeps those,
 * and only when the person asks).
 */
import { batch, effect, signal } from '@preact/signals';
import { decodeViewState, type Finding } from '@evtxhunt/hunt';

import { isActive, type LoadedFile } from '../files/loaded-file.js';
import { eventStarrable } from './bookmarks-open.js';
import { bookmarkKey, type Bookmark } from './bookmarks.js';
import { isNoSessionDb, type NoSessionDb, type SessionStore } from './session-db.js';
import { keptFindings, placeFindings } from './session-findings.js';
import {
  BOOKMARKS_PER_FILE_MAX,
  sessionKey,
  type KeptBookmark,
  type KeptFinding,
  type SessionFile,
} from './session-records.js';
import { applyViewState, currentViewState, viewFragment } from './view-link.js';
import type { Schedule, Workbench } from './workbench.js';

/** Whether this page keeps sessions, and why not. */
export type SessionStatus =
  | { readonly kind: 'starting' }
  | { readonly kind: 'on' }
  | { readonly kind: 'off'; readonly why: NoSessionDb }
  /** The browser refused to write the session (its storage is full, most often). */
  | { readonly kind: 'failing'; readonly detail: string }
  | { readonly kind: 'forgotten' };

/** What the last restore brought back. */
export interface Restored {
  readonly bookmarks: number;
  /** Kept bookmarks whose record is not among the rows read (kept for later, not shown). */
  readonly missing: number;
  readonly view: boolean;
  /** Finding bookmarks brought back, once the hunt reported their findings. */
  readonly findings: number;
}

/** A change is kept this long after it is made, so typing a query writes once. */
const SAVE_DELAY_MS = 400;

/** Keeps the sessions of one page. */
export class SessionKeeper {
  readonly status = signal<SessionStatus>({ kind: 'starting' });
  readonly restored = signal<Restored | undefined>(undefined);
  /** How many times the state was written: tests wait for it. */
  readonly saves = signal(0);
  /** True while a change waits to be written or is being written. */
  readonly pending = signal(false);

  #db: SessionStore | undefined;
  /** Hashes whose kept bookmarks were read back: only those are written again. */
  readonly #restoredHashes = new Set<string>();
  /** Kept bookmarks whose record was not found, per hash: written back, never dropped. */
  readonly #missing = new Map<string, KeptBookmark[]>();
  #viewKey: string | undefined;
  /** Kept finding bookmarks of the open set whose findings the hunt has not reported yet. */
  #waitingFindings: readonly KeptFinding[] = [];
  #work = Promise.resolve();
  #saveQueued = false;
  readonly #stops: (() => void)[] = [];

  constructor(
    private readonly bench: Workbench,
    db: Promise<SessionStore | NoSessionDb>,
    private readonly schedule: Schedule,
  ) {
    void db.then((opened) => {
      if (isNoSessionDb(opened)) {
        this.status.value = { kind: 'off', why: opened };
        return;
      }
      this.#db = opened;
      this.status.value = { kind: 'on' };
      this.#watch();
    });
  }

  /** Empties this browser's sessions, saved searches and layouts; this page keeps no more. */
  async forget(): Promise<void> {
    const db = this.#db;
    this.#db = undefined;
    this.status.value = { kind: 'forgotten' };
    for (const stop of this.#stops.splice(0)) stop();
    await this.#work;
    await db?.forget();
  }

  #watch(): void {
    const restore = effect(() => {
      const files = this.bench.files.value;
      if (!files.every(settled)) return;
      this.#work = this.#work.then(() => this.#restore(files)).catch(() => undefined);
    });
    const save = effect(() => {
      // Read what is kept so the effect runs again when any of it changes.
      viewFragment(currentViewState(this.bench));
      void this.bench.bookmarks.list.value;
      void this.bench.files.value;
      this.#queueSave();
    });
    const findings = effect(() => {
      const reported = this.bench.hunt.result.value?.findings;
      if (reported !== undefined) this.#placeFindings(reported);
    });
    this.#stops.push(restore, save, findings);
  }

  /** Brings back what is kept for files not restored yet, and the view of a new set. */
  async #restore(files: readonly LoadedFile[]): Promise<void> {
    const db = this.#db;
    const hashed = hashedFiles(files);
    if (db === undefined || hashed.length === 0) return;
    let bookmarks = 0;
    let missing = 0;
    for (const [sha256, indexes] of filesByHash(hashed)) {
      if (this.#restoredHashes.has(sha256)) continue;
      const kept = (await db.file(sha256))?.bookmarks ?? [];
      const placed = this.#placeBookmarks(kept, indexes);
      this.#missing.set(sha256, placed.missing);
      this.#restoredHashes.add(sha256);
      bookmarks += placed.count;
      missing += placed.missing.length;
    }

    const key = sessionKey(hashed.map((file) => file.sha256));
    if (key === this.#viewKey) return;
    this.#viewKey = key;
    const record = await db.session(key);
    const view = this.#restoreView(record?.view ?? '');
    if (bookmarks > 0 || missing > 0 || view) {
      this.restored.value = { bookmarks, missing, view, findings: 0 };
    }
    this.#waitingFindings = record?.findings ?? [];
    const reported = this.bench.hunt.result.peek()?.findings;
    if (reported !== undefined) this.#placeFindings(reported);
    this.#queueSave();
  }

  /** Stars the waiting kept findings that `reported` holds. */
  #placeFindings(reported: readonly Finding[]): void {
    if (this.#waitingFindings.length === 0) return;
    const { placed, waiting } = placeFindings(
      this.bench.bookmarks,
      this.#waitingFindings,
      reported,
    );
    this.#waitingFindings = waiting;
    if (placed === 0) return;
    const before = this.restored.peek() ?? { bookmarks: 0, missing: 0, view: false, findings: 0 };
    this.restored.value = { ...before, findings: before.findings + placed };
  }

  /** Stars the kept bookmarks found among the rows of file `indexes`; returns those not found. */
  #placeBookmarks(kept: readonly KeptBookmark[], indexes: readonly number[]) {
    if (kept.length === 0) return { count: 0, missing: [] };
    const rows = rowsByRecord(this.bench, new Set(indexes));
    const missing: KeptBookmark[] = [];
    let count = 0;
    const { store, bookmarks } = this.bench;
    batch(() => {
      for (const bookmark of kept) {
        const row = rows.get(recordKey(bookmark.recordId, bookmark.recovered));
        if (row === undefined) {
          missing.push(bookmark);
          continue;
        }
        const { target, time } = eventStarrable(store, row);
        const key = bookmarkKey(target);
        if (!bookmarks.has(key)) bookmarks.toggle(target, time);
        bookmarks.setNote(key, bookmark.note);
        count += 1;
      }
    });
    return { count, missing };
  }

  /** Shows the kept `view` when the page shows the default one; true when it did. */
  #restoreView(view: string): boolean {
    if (view === '' || viewFragment(currentViewState(this.bench)) !== '') return false;
    applyViewState(this.bench, decodeViewState(view).state);
    return true;
  }

  #queueSave(): void {
    if (this.#saveQueued || this.#db === undefined) return;
    this.#saveQueued = true;
    this.pending.value = true;
    this.schedule(() => {
      this.#saveQueued = false;
      this.#work = this.#work
        .then(() => this.#save())
        .catch((error: unknown) => {
          const detail = error instanceof Error ? error.message : String(error);
          if (this.#db !== undefined) this.status.value = { kind: 'failing', detail };
        })
        .then(() => {
          if (!this.#saveQueued) this.pending.value = false;
        });
    }, SAVE_DELAY_MS);
  }

  /** Writes the view of the open set of files and the bookmarks of each restored file. */
  async #save(): Promise<void> {
    const db = this.#db;
    const files = this.bench.files.peek();
    const hashed = hashedFiles(files).filter((file) => this.#restoredHashes.has(file.sha256));
    if (db === undefined || hashed.length === 0) return;
    const key = sessionKey(hashed.map((file) => file.sha256));
    if (key !== this.#viewKey) return;

    const view = viewFragment(currentViewState(this.bench)).replace(/^#/, '');
    const sessionFiles = uniqueFiles(hashed);
    const list = this.bench.bookmarks.list.peek();
    const findings = keptFindings(list, this.#waitingFindings);
    await db.putSession({ key, files: sessionFiles, view, findings });
    const kept = this.#keptBookmarks(list);
    for (const file of sessionFiles) {
      const bookmarks = [
        ...(kept.get(file.sha256) ?? []),
        ...(this.#missing.get(file.sha256) ?? []),
      ];
      await db.putFile({ ...file, bookmarks: bookmarks.slice(0, BOOKMARKS_PER_FILE_MAX) });
    }
    this.saves.value += 1;
    if (this.status.peek().kind === 'failing') this.status.value = { kind: 'on' };
  }

  /** The page's event bookmarks by the hash of their file, each record once. */
  #keptBookmarks(list: readonly Bookmark[]): Map<string, KeptBookmark[]> {
    const files = this.bench.files.peek();
    const byHash = new Map<string, Map<string, KeptBookmark>>();
    for (const { target, time, note } of list) {
      if (target.kind !== 'event') continue;
      const sha256 = files[this.bench.store.fileOf(target.row)]?.sha256;
      if (sha256 === undefined) continue;
      const { recordId, recovered } = target.event;
      const kept = byHash.get(sha256) ?? new Map<string, KeptBookmark>();
      kept.set(recordKey(recordId, recovered), { recordId, recovered, time, note });
      byHash.set(sha256, kept);
    }
    return new Map([...byHash].map(([sha256, kept]) => [sha256, [...kept.values()]]));
  }
}

/** Read (or stopped) and hashed (or failed to be): nothing about it will change. */
function settled(file: LoadedFile): boolean {
  return !isActive(file) && (file.sha256 !== undefined || file.hashError !== undefined);
}

type HashedFile = LoadedFile & { readonly sha256: string };

function hashedFiles(files: readonly LoadedFile[]): HashedFile[] {
  return files.filter((file): file is HashedFile => file.sha256 !== undefined);
}

/** Store file indexes by hash: one file opened twice has two. */
function filesByHash(files: readonly HashedFile[]): Map<string, number[]> {
  const byHash = new Map<string, number[]>();
  for (const file of files)
    byHash.set(file.sha256, [...(byHash.get(file.sha256) ?? []), file.index]);
  return byHash;
}

function uniqueFiles(files: readonly HashedFile[]): SessionFile[] {
  const byHash = new Map(files.map((file) => [file.sha256, file]));
  return [...byHash.values()].map(({ sha256, name, size }) => ({ sha256, name, size }));
}

function recordKey(recordId: string, recovered: boolean): string {
  return `${recordId}${recovered ? 'r' : ''}`;
}

/**
 * The first row of each record of files `indexes`, by record id (and whether recovered).
 * TODO: this walks every row once per restore; a store index by record id would not.
 */
function rowsByRecord(bench: Workbench, indexes: ReadonlySet<number>): Map<string, number> {
  const { store } = bench;
  const rows = new Map<string, number>();
  for (let row = 0; row < store.rowCount; row++) {
    if (!indexes.has(store.fileOf(row))) continue;
    const key = recordKey(store.cell(row, 'recordId') ?? '', store.recovered(row));
    if (!rows.has(key)) rows.set(key, row);
  }
  return rows;
}
