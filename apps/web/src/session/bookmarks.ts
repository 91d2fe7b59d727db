/**
 * Bookmarks: events and findings the analyst starred, each with a note, kept in time order so
 * the list, the jumps between them and the report all read as a timeline. They live in memory
 * for this page. A bookmark is keyed by what names its event outside this page (the file and
 * the record id), never by a store row alone; Sessions (sessions.ts) keep them in IndexedDB by
 * the SHA-256 of the row's file + record id, so a renamed copy of the file gets them back.
 */
import type { Finding } from '@evtxhunt/hunt';
import { signal, type ReadonlySignal } from '@preact/signals';

import { findingKey } from './findings.js';

/**
 * The longest note kept, in UTF-16 code units (what a textarea's maxlength counts); a longer
 * one is cut there, or one unit earlier so a character is never split in two.
 */
export const NOTE_LIMIT = 10_000;

/** `note` cut to at most NOTE_LIMIT units, never between the two halves of a surrogate pair. */
export function noteWithinLimit(note: string): string {
  if (note.length <= NOTE_LIMIT) return note;
  const last = note.charCodeAt(NOTE_LIMIT - 1);
  const splitsPair = last >= 0xd800 && last <= 0xdbff;
  return note.slice(0, splitsPair ? NOTE_LIMIT - 1 : NOTE_LIMIT);
}

/** An event as it is named outside this page. */
export interface EventRef {
  /** The file's name as opened; Sessions key the bookmark by the file's hash instead. */
  readonly file: string;
  readonly recordId: string;
  /** Recovered records can repeat a live record's id, so they are told apart. */
  readonly recovered: boolean;
}

/**
 * What a bookmark points at: an event (and its row in this page's store) or a finding.
 * TODO: a finding bookmark keeps the finding as it was starred; after a new report (another
 * allowlist or configuration) the list still opens it by key, but the export writes the old
 * counts and times.
 */
export type BookmarkTarget =
  | { readonly kind: 'event'; readonly event: EventRef; readonly row: number }
  | { readonly kind: 'finding'; readonly finding: Finding };

/** One starred event or finding. */
export interface Bookmark {
  readonly key: string;
  readonly target: BookmarkTarget;
  /** UTC ISO-8601: the event's time, or the finding's first sighting; orders the list. */
  readonly time: string;
  readonly note: string;
}

/** The key of an event bookmark. TODO: two recovered records with one id share a key. */
export function eventBookmarkKey(event: EventRef): string {
  return JSON.stringify(['event', event.file, event.recordId, event.recovered]);
}

/** The key of a finding bookmark: the finding's own key, which finds it in a newer report. */
export function findingBookmarkKey(finding: Finding): string {
  return JSON.stringify(['finding', findingKey(finding)]);
}

/** The key of whatever `target` points at. */
export function bookmarkKey(target: BookmarkTarget): string {
  return target.kind === 'event'
    ? eventBookmarkKey(target.event)
    : findingBookmarkKey(target.finding);
}

/** The bookmarks of one page. */
export class Bookmarks {
  readonly #list = signal<readonly Bookmark[]>([]);
  /**
   * Notes of bookmarks whose star was taken away, by key, for this page: starring the same
   * event or finding again brings its note back, so a click on the star never loses writing.
   * TODO: these set-aside notes are not in the report, the JSONL or a saved session.
   */
  readonly #unstarredNotes = signal<ReadonlyMap<string, string>>(new Map());
  /** The key of the bookmark last jumped to, where Previous and Next count from. */
  readonly current = signal<string | undefined>(undefined);

  /** Every bookmark, oldest time first (ties: the order they were starred). */
  get list(): ReadonlySignal<readonly Bookmark[]> {
    return this.#list;
  }

  /** Whether `key` is bookmarked. */
  has(key: string): boolean {
    return this.#list.value.some((bookmark) => bookmark.key === key);
  }

  get(key: string): Bookmark | undefined {
    return this.#list.value.find((bookmark) => bookmark.key === key);
  }

  /** The note set aside when `key` lost its star, if it had one. */
  unstarredNote(key: string): string | undefined {
    return this.#unstarredNotes.value.get(key);
  }

  /**
   * Stars `target` at `time` (with the note it had when last unstarred, else none), or removes
   * its star, setting its note aside; true when now starred.
   */
  toggle(target: BookmarkTarget, time: string): boolean {
    const key = bookmarkKey(target);
    if (this.has(key)) {
      this.remove(key);
      return false;
    }
    const list = this.#list.value;
    const at = list.findIndex((other) => other.time > time);
    const note = this.unstarredNote(key) ?? '';
    this.forgetUnstarred(key);
    const added: Bookmark = { key, target, time, note };
    this.#list.value = at < 0 ? [...list, added] : [...list.slice(0, at), added, ...list.slice(at)];
    return true;
  }

  /** Sets the note of `key`, cut by noteWithinLimit; does nothing when `key` is not bookmarked. */
  setNote(key: string, note: string): void {
    const kept = noteWithinLimit(note);
    this.#list.value = this.#list.value.map((bookmark) =>
      bookmark.key === key ? { ...bookmark, note: kept } : bookmark,
    );
  }

  /** Takes the star from `key`; a note it had is set aside until it is starred again. */
  remove(key: string): void {
    const note = this.get(key)?.note ?? '';
    if (note !== '')
      this.#unstarredNotes.value = new Map(this.#unstarredNotes.value).set(key, note);
    this.#list.value = this.#list.value.filter((bookmark) => bookmark.key !== key);
    if (this.current.value === key) this.current.value = undefined;
  }

  private forgetUnstarred(key: string): void {
    if (!this.#unstarredNotes.peek().has(key)) return;
    const notes = new Map(this.#unstarredNotes.peek());
    notes.delete(key);
    this.#unstarredNotes.value = notes;
  }

  /**
   * The bookmark `step` places after the current one (before it when negative), wrapping round
   * the ends; from no current bookmark, Next is the first and Previous the last. It becomes the
   * current one. Undefined when there are none.
   */
  step(step: 1 | -1): Bookmark | undefined {
    const list = this.#list.value;
    if (list.length === 0) return undefined;
    const at = list.findIndex((bookmark) => bookmark.key === this.current.value);
    const from = at < 0 ? (step > 0 ? -1 : 0) : at;
    const next = list[(from + step + list.length) % list.length];
    this.current.value = next?.key;
    return next;
  }
}
