/**
 * What Sessions keep in IndexedDB, and the readers that check it on the way back: another tab,
 * an older version of this app or a hand edit can have written anything there, so every value
 * read back is untrusted, like a file. Each reader checks the shape and every size against a
 * named limit and throws a KeptDataError naming the field; nothing read back is used unchecked.
 * A view is kept as the share link's fragment text, and so read back by the link's own decoder.
 */
import { VIEW_MAX_NAMES, VIEW_NAME_MAX_CHARS, VIEW_STATE_MAX_CHARS } from '@evtxhunt/hunt';

import { NOTE_LIMIT } from './bookmarks.js';

/** Longest file name kept. */
export const FILE_NAME_MAX_CHARS = 1024;
/** Most bookmarks kept for one file. */
export const BOOKMARKS_PER_FILE_MAX = 10_000;
/** Most files in one session. */
export const SESSION_FILES_MAX = 1000;
/** Most finding bookmarks kept for one set of files. */
export const FINDINGS_MAX = 1000;
/** Longest finding key kept (its kind, host, image, addresses, first sighting and rule). */
export const FINDING_KEY_MAX_CHARS = 4096;
/** Longest name of a saved search or column layout. */
export const SAVED_NAME_MAX_CHARS = 200;
/** Most saved searches, and most column layouts, kept or imported. */
export const SAVED_MAX = 500;

/** A bookmarked event as kept: its record in the file the hash names, and the note on it. */
export interface KeptBookmark {
  readonly recordId: string;
  readonly recovered: boolean;
  /** The event's time (UTC ISO-8601), or '' when it had none; orders a bookmark not found. */
  readonly time: string;
  readonly note: string;
}

/** One file as kept, keyed by its SHA-256: what it was called and its bookmarks. */
export interface FileRecord {
  readonly sha256: string;
  readonly name: string;
  readonly size: number;
  readonly bookmarks: readonly KeptBookmark[];
}

/** A file of a session: its hash, name and size, never its content. */
export interface SessionFile {
  readonly sha256: string;
  readonly name: string;
  readonly size: number;
}

/** A bookmarked finding as kept: its key in the hunt report (findings.ts) and the note on it. */
export interface KeptFinding {
  readonly key: string;
  /** When the finding was first seen (UTC ISO-8601). */
  readonly time: string;
  readonly note: string;
}

/** The view and finding bookmarks of one set of files, keyed by their sorted hashes. */
export interface SessionRecord {
  readonly key: string;
  readonly files: readonly SessionFile[];
  /** The view as the share link's fragment carries it (without `#`). */
  readonly view: string;
  /** Findings come from the whole set of files, so their bookmarks are kept with the set. */
  readonly findings: readonly KeptFinding[];
}

/** A query and view under a name. */
export interface SavedSearch {
  readonly name: string;
  /** The view as the share link's fragment carries it (without `#`): query, columns, sort... */
  readonly view: string;
}

/** Columns in order under a name. */
export interface ColumnLayout {
  readonly name: string;
  readonly columns: readonly string[];
}

/** A log file kept in this browser because the person asked for it, by its SHA-256. */
export interface KeptLog {
  readonly sha256: string;
  readonly name: string;
  readonly size: number;
  readonly blob: Blob;
}

/** Reads a kept log: its bytes are hashed again when it is opened, like any file. */
export function readKeptLog(value: unknown): KeptLog {
  const log = object(value, 'kept log');
  const blob = log['blob'];
  const bytes = size(log['size'], 'size');
  if (!(blob instanceof Blob)) throw new KeptDataError(`blob is ${kindOf(blob)}, not a file`);
  if (blob.size !== bytes) throw new KeptDataError(`blob holds ${blob.size} bytes, not ${bytes}`);
  return {
    sha256: sha256(log['sha256'], 'sha256'),
    name: text(log['name'], 'name', FILE_NAME_MAX_CHARS),
    size: bytes,
    blob,
  };
}

/**
 * A value read back from IndexedDB or an imported file that is not what it should be.
 * TODO: its message is English in every language (the page quotes it for a refused name).
 */
export class KeptDataError extends Error {
  override name = 'KeptDataError';
}

const SHA256 = /^[0-9a-f]{64}$/;
const RECORD_ID = /^[0-9]{1,20}$/;
const UTC_TIME = /^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]{1,9})?Z)?$/;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** The key of the session of files with these hashes, whatever order they were opened in. */
export function sessionKey(hashes: readonly string[]): string {
  return [...new Set(hashes)].sort().join(',');
}

/** Reads a kept file record. */
export function readFileRecord(value: unknown): FileRecord {
  const record = object(value, 'file record');
  const bookmarks = list(record['bookmarks'], 'bookmarks', BOOKMARKS_PER_FILE_MAX);
  return {
    sha256: sha256(record['sha256'], 'sha256'),
    name: text(record['name'], 'name', FILE_NAME_MAX_CHARS),
    size: size(record['size'], 'size'),
    bookmarks: bookmarks.map((item, i) => readKeptBookmark(item, `bookmarks[${i}]`)),
  };
}

function readKeptBookmark(value: unknown, where: string): KeptBookmark {
  const bookmark = object(value, where);
  const time = text(bookmark['time'], `${where}.time`, 40);
  if (!UTC_TIME.test(time)) throw new KeptDataError(`${where}.time is not a UTC time`);
  const recordId = text(bookmark['recordId'], `${where}.recordId`, 20);
  if (!RECORD_ID.test(recordId)) throw new KeptDataError(`${where}.recordId is not a number`);
  return {
    recordId,
    recovered: flag(bookmark['recovered'], `${where}.recovered`),
    time,
    note: text(bookmark['note'], `${where}.note`, NOTE_LIMIT),
  };
}

/** Reads a kept session record. */
export function readSessionRecord(value: unknown): SessionRecord {
  const record = object(value, 'session record');
  const files = list(record['files'], 'files', SESSION_FILES_MAX).map((item, i) => {
    const file = object(item, `files[${i}]`);
    return {
      sha256: sha256(file['sha256'], `files[${i}].sha256`),
      name: text(file['name'], `files[${i}].name`, FILE_NAME_MAX_CHARS),
      size: size(file['size'], `files[${i}].size`),
    };
  });
  const key = text(record['key'], 'key', 65 * SESSION_FILES_MAX);
  if (key !== sessionKey(files.map((file) => file.sha256))) {
    throw new KeptDataError('key does not name the hashes of its files');
  }
  const findings = list(record['findings'] ?? [], 'findings', FINDINGS_MAX);
  return {
    key,
    files,
    view: text(record['view'], 'view', VIEW_STATE_MAX_CHARS),
    findings: findings.map((item, i) => readKeptFinding(item, `findings[${i}]`)),
  };
}

function readKeptFinding(value: unknown, where: string): KeptFinding {
  const finding = object(value, where);
  const time = text(finding['time'], `${where}.time`, 40);
  if (!UTC_TIME.test(time)) throw new KeptDataError(`${where}.time is not a UTC time`);
  return {
    key: text(finding['key'], `${where}.key`, FINDING_KEY_MAX_CHARS),
    time,
    note: text(finding['note'], `${where}.note`, NOTE_LIMIT),
  };
}

/** Reads a saved search; `where` names it in errors (`searches[3]`). */
export function readSavedSearch(value: unknown, where = 'saved search'): SavedSearch {
  const search = object(value, where);
  return {
    name: savedName(search['name'], `${where}.name`),
    view: text(search['view'], `${where}.view`, VIEW_STATE_MAX_CHARS),
  };
}

/** Reads a column layout; `where` names it in errors (`layouts[0]`). */
export function readColumnLayout(value: unknown, where = 'column layout'): ColumnLayout {
  const layout = object(value, where);
  const columns = list(layout['columns'], `${where}.columns`, VIEW_MAX_NAMES);
  return {
    name: savedName(layout['name'], `${where}.name`),
    columns: columns.map((column, i) =>
      text(column, `${where}.columns[${i}]`, VIEW_NAME_MAX_CHARS),
    ),
  };
}

/** A name a person gave: 1 to SAVED_NAME_MAX_CHARS characters, no control characters. */
export function savedName(value: unknown, where: string): string {
  const name = text(value, where, SAVED_NAME_MAX_CHARS);
  if (name.trim() === '') throw new KeptDataError(`${where} is empty`);
  if (CONTROL.test(name)) throw new KeptDataError(`${where} holds a control character`);
  return name;
}

function object(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new KeptDataError(`${where} is ${kindOf(value)}, not an object`);
  }
  return value as Record<string, unknown>;
}

function list(value: unknown, where: string, limit: number): readonly unknown[] {
  if (!Array.isArray(value)) throw new KeptDataError(`${where} is ${kindOf(value)}, not a list`);
  if (value.length > limit) {
    throw new KeptDataError(`${where} holds ${value.length} items; the limit is ${limit}`);
  }
  return value;
}

function text(value: unknown, where: string, limit: number): string {
  if (typeof value !== 'string') throw new KeptDataError(`${where} is ${kindOf(value)}, not text`);
  if (value.length > limit) {
    throw new KeptDataError(`${where} is ${value.length} characters long; the limit is ${limit}`);
  }
  return value;
}

function flag(value: unknown, where: string): boolean {
  if (typeof value !== 'boolean')
    throw new KeptDataError(`${where} is ${kindOf(value)}, not true or false`);
  return value;
}

function size(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new KeptDataError(`${where} is not a byte count`);
  }
  return value;
}

function sha256(value: unknown, where: string): string {
  const hash = text(value, where, 64);
  if (!SHA256.test(hash)) throw new KeptDataError(`${where} is not a SHA-256 in hex`);
  return hash;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'missing';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object'
    ? 'an object'
    : typeof value === 'string'
      ? 'text'
      : `a ${typeof value}`;
}
