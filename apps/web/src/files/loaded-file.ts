/** One file the user opened, as the page tracks it from waiting to read. */
import type { FileSummary } from '@evtxhunt/evtx';

/** Where a file's parse is. */
export type LoadState = 'waiting' | 'reading' | 'done' | 'cancelled' | 'failed';

/** A file's state, replaced (never changed in place) on each update so views can compare. */
export interface LoadedFile {
  /** The file's index in the event store. */
  readonly index: number;
  readonly name: string;
  readonly size: number;
  readonly state: LoadState;
  /** Records read so far. */
  readonly records: number;
  /** Bytes of the file behind the last record read. */
  readonly bytes: number;
  /** The parser's account, once the parse is over (cancelled parses have one too). */
  readonly summary?: FileSummary;
  /** Set for an export: the format it was read as (`json`, `gzip xml`, ...). */
  readonly format?: string;
  /** Diagnostics the worker left out of `summary` because there were too many. */
  readonly diagnosticsOmitted: number;
  /** The file's SHA-256 (64 hex digits, as `sha256sum` prints it), once the hash worker has it. */
  readonly sha256?: string;
  /** Why the file's SHA-256 could not be computed (it could not be read, or was cancelled). */
  readonly hashError?: string;
  /** Why the file could not be read at all. */
  readonly error?: string;
  /** Milliseconds from opening to the first rows shown, and to the last record. */
  readonly firstRowsMs?: number;
  readonly lastRecordMs?: number;
}

/** True while the file is waiting for a worker or being read. */
export function isActive(file: LoadedFile): boolean {
  return file.state === 'waiting' || file.state === 'reading';
}
