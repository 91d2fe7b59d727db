/**
 * The page's state and what the user can do with it: open files, cancel them, sort, choose
 * columns, select a row and read its XML. State lives in signals the UI reads; rows arriving
 * from workers are gathered and shown at most once per frame.
 */
import { batch, computed, signal } from '@preact/signals';

import { isActive, type LoadedFile } from '../files/loaded-file.js';
import type { Hunter } from '../hunt/hunter.js';
import type { ParsePool } from '../pool/worker-pool.js';
import type { ParseOutcome, Progress } from '../protocol.js';
import type { RowColumns } from '../row-columns.js';
import { EventStore } from '../store/event-store.js';
import { FilterSession } from './filter.js';
import { sortedIndex, type SortOrder } from '../store/sort.js';
import { identityView, indexView, type RowView } from '../store/view.js';
import { Bookmarks } from './bookmarks.js';
import type { FileHasher, PendingHash } from './hasher.js';
import { HuntSession } from './hunt.js';
import { followOpenedHunt } from './open-hunt.js';
import { ReadyHuntsSession } from './ready-hunts.js';

/** A file to open: its bytes and the name to show. */
export interface FileInput {
  readonly blob: Blob;
  readonly name: string;
}

/** Runs `task` after `delayMs` (0: at the next frame). */
export type Schedule = (task: () => void, delayMs: number) => void;

/** What a workbench runs on. */
export interface WorkbenchOptions {
  readonly pool: ParsePool;
  readonly schedule: Schedule;
  readonly now: () => number;
  /** While files load, a sorted view is rebuilt at most this often. */
  readonly resortMs?: number;
  /** The hunt worker; without one the hunt views stay empty. */
  readonly hunter?: Hunter;
  /** The hash worker; without one files get no SHA-256 (and so no session). */
  readonly hasher?: FileHasher;
}

/** Columns shown before the user chooses. */
export const DEFAULT_COLUMNS: readonly string[] = [
  'timeCreated',
  'file',
  'recordId',
  'eventId',
  'level',
  'provider',
  'computer',
];

const RESORT_MS = 1000;

/** The state of one page. */
export class Workbench {
  readonly store = new EventStore();
  readonly files = signal<readonly LoadedFile[]>([]);
  readonly rowCount = signal(0);
  readonly sort = signal<SortOrder | undefined>(undefined);
  readonly view = signal<RowView>(identityView(0));
  readonly columns = signal<readonly string[]>(DEFAULT_COLUMNS);
  /** The selected position in the view, -1 for none. */
  readonly selected = signal(-1);
  /** The store row whose details are open. */
  readonly detailsRow = signal<number | undefined>(undefined);
  /** The query, facets, time histogram and time zone; the view shows the rows it keeps. */
  readonly filter: FilterSession;
  /** Starred events and findings with their notes, in memory for this page. */
  readonly bookmarks = new Bookmarks();

  readonly #blobs: Blob[] = [];
  readonly #jobs = new Map<number, number>();
  readonly #hashes = new Map<number, PendingHash>();
  readonly #started = new Map<number, number>();
  #drafts: LoadedFile[] = [];
  #refreshQueued = false;
  #sortedAt = -Infinity;
  #sortedRows = -1;
  /** The filter's kept rows the view was built from (undefined: every row). */
  #viewKept: Uint32Array | undefined;

  /** The hunt over every row: outbound connections, findings, coverage and exports. */
  readonly hunt: HuntSession;
  /** The Hunts menu: ready-made hunts and how many events each matches. */
  readonly readyHunts: ReadyHuntsSession;

  constructor(private readonly options: WorkbenchOptions) {
    const { schedule, now } = options;
    this.filter = new FilterSession(this.store, {
      schedule,
      now,
      onResult: () => this.refreshView(),
    });
    this.hunt = new HuntSession(this, {
      ...(options.hunter ? { hunter: options.hunter } : {}),
      // Exports write times in the zone the table shows.
      timeZone: () => this.filter.timeZone.peek(),
    });
    const findings = computed(() => this.hunt.result.value?.findings);
    const counted = () => followOpenedHunt(this);
    this.readyHunts = new ReadyHuntsSession(this.store, { schedule, now, findings, counted });
  }

  /** Starts reading each file; rows show up as they are read. */
  open(inputs: readonly FileInput[]): void {
    for (const input of inputs) {
      const index = this.store.addFile(input.name);
      this.#blobs[index] = input.blob;
      this.#started.set(index, this.options.now());
      this.#drafts.push(freshFile(index, input));
      const job = this.options.pool.parse(input.blob, input.name, this.listener(index));
      this.#jobs.set(index, job);
      this.startHash(index, input);
    }
    this.queueRefresh();
  }

  /** Hashes the file beside its parse; the hash shows in the file list and keys its session. */
  private startHash(index: number, input: FileInput): void {
    const hasher = this.options.hasher;
    if (hasher === undefined) return;
    const pending = hasher.hash(input.blob, input.name);
    this.#hashes.set(index, pending);
    void pending.sha256
      .then(
        (sha256) => this.update(index, { sha256 }),
        (error: unknown) => {
          const hashError = error instanceof Error ? error.message : String(error);
          this.update(index, { hashError });
        },
      )
      .finally(() => this.#hashes.delete(index));
  }

  /** Stops reading file `index`; the rows read so far stay. */
  cancel(index: number): void {
    const job = this.#jobs.get(index);
    if (job !== undefined) this.options.pool.cancel(job);
    this.#hashes.get(index)?.stop();
  }

  /** Stops reading every file. */
  cancelAll(): void {
    this.options.pool.cancelAll();
    for (const pending of this.#hashes.values()) pending.stop();
  }

  /** True while any file waits or is being read. */
  get loading(): boolean {
    return this.#drafts.some(isActive);
  }

  private listener(index: number) {
    return {
      rows: (rows: RowColumns, progress: Progress) => this.onRows(index, rows, progress),
      done: (outcome: ParseOutcome) => this.onDone(index, outcome),
      failed: (error: string) => this.update(index, { state: 'failed', error }),
      dropped: () => this.update(index, { state: 'cancelled' }),
    };
  }

  private onRows(index: number, rows: RowColumns, progress: Progress): void {
    this.store.appendColumns(index, rows);
    const first = this.#drafts[index]?.firstRowsMs;
    this.update(index, {
      state: 'reading',
      records: progress.records,
      bytes: progress.bytes,
      firstRowsMs: first ?? this.elapsed(index),
    });
  }

  private onDone(index: number, outcome: ParseOutcome): void {
    const { summary, diagnosticsOmitted, progress, format } = outcome;
    const state = outcome.cancelled ? 'cancelled' : 'done';
    const lastRecordMs = this.elapsed(index);
    const read = { summary, diagnosticsOmitted, ...progress, lastRecordMs };
    this.update(index, { state, ...read, ...(format === undefined ? {} : { format }) });
    this.#jobs.delete(index);
    if (!this.loading) this.store.trim();
  }

  private elapsed(index: number): number {
    return this.options.now() - (this.#started.get(index) ?? this.options.now());
  }

  private update(index: number, change: Partial<LoadedFile>): void {
    const file = this.#drafts[index];
    if (file === undefined) return;
    this.#drafts[index] = { ...file, ...change };
    this.queueRefresh();
  }

  private queueRefresh(delayMs = 0): void {
    if (this.#refreshQueued) return;
    this.#refreshQueued = true;
    this.options.schedule(() => {
      this.#refreshQueued = false;
      this.refresh();
    }, delayMs);
  }

  /** Publishes what arrived since the last frame. */
  private refresh(): void {
    batch(() => {
      this.files.value = [...this.#drafts];
      this.rowCount.value = this.store.rowCount;
      this.refreshView();
    });
    this.filter.rowsAdded();
    this.readyHunts.rowsAdded();
  }

  private refreshView(): void {
    const order = this.sort.value;
    const rows = this.store.rowCount;
    const kept = this.filter.kept.peek();
    if (order === undefined) {
      const grown = kept === undefined && this.view.value.length !== rows;
      if (grown || kept !== this.#viewKept) this.unsort();
      return;
    }
    if (this.#sortedRows === rows && kept === this.#viewKept) return;
    const wait = this.#sortedAt + (this.options.resortMs ?? RESORT_MS) - this.options.now();
    if (this.loading && wait > 0) {
      this.queueRefresh(wait);
      return;
    }
    this.resort(order);
  }

  /**
   * TODO: sorting runs in one go on this thread (about 0.4 s for a million kept rows), so a new
   * filter result under a sort holds the page that long; filtering itself is sliced.
   */
  private resort(order: SortOrder): void {
    const selectedRow = this.view.value.row(this.selected.value);
    this.#viewKept = this.filter.kept.peek();
    this.view.value = indexView(sortedIndex(this.store, order, this.#viewKept));
    this.#sortedAt = this.options.now();
    this.#sortedRows = this.store.rowCount;
    if (this.selected.value >= 0) this.selected.value = this.view.value.positionOf(selectedRow);
  }

  /** Sorts by `key`: ascending, then descending, then back to file order. */
  toggleSort(key: string): void {
    const current = this.sort.value;
    const next: SortOrder | undefined =
      current?.key !== key
        ? { key, direction: 'asc' }
        : current.direction === 'asc'
          ? { key, direction: 'desc' }
          : undefined;
    this.setSort(next);
  }

  /** Sorts by `order`, or back to file order when undefined. */
  setSort(order: SortOrder | undefined): void {
    batch(() => {
      this.sort.value = order;
      this.#sortedRows = -1;
      if (order === undefined) this.unsort();
      else this.resort(order);
    });
  }

  private unsort(): void {
    const selectedRow = this.view.value.row(this.selected.value);
    this.#viewKept = this.filter.kept.peek();
    const kept = this.#viewKept;
    this.view.value = kept === undefined ? identityView(this.store.rowCount) : indexView(kept);
    if (this.selected.value >= 0) this.selected.value = this.view.value.positionOf(selectedRow);
  }

  /** Shows `key` as a column (at the end), or hides it. */
  setColumnShown(key: string, shown: boolean): void {
    const columns = this.columns.value.filter((column) => column !== key);
    this.columns.value = shown ? [...columns, key] : columns;
  }

  /** Opens the details of the row at `position` in the view. */
  openDetails(position: number): void {
    const row = this.view.value.row(position);
    if (row >= 0 && row < this.store.rowCount) this.detailsRow.value = row;
  }

  closeDetails(): void {
    this.detailsRow.value = undefined;
  }

  /** The bytes of file `index` as it was opened. */
  blob(index: number): Blob | undefined {
    return this.#blobs[index];
  }

  /** Reads store row `row`'s record again in a worker and resolves to its XML. */
  xml(row: number): Promise<string> {
    const { file, chunk, offset } = this.store.location(row);
    const blob = this.#blobs[file];
    const name = this.store.fileName(file);
    if (blob === undefined || name === undefined) {
      return Promise.reject(new Error(`row ${row}: its file ${file} is no longer open`));
    }
    return this.options.pool.xml(blob, name, chunk, offset);
  }
}

function freshFile(index: number, input: FileInput): LoadedFile {
  return {
    index,
    name: input.name,
    size: input.blob.size,
    state: 'waiting',
    records: 0,
    bytes: 0,
    diagnosticsOmitted: 0,
  };
}
