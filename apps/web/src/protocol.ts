/**
 * The messages between the page and its parse workers: a union keyed on `kind`, each carrying
 * the request id it answers. Records cross as columns (row-columns.ts; an export's still as
 * compact rows, row-batch.ts), in batches that list repeated texts once; a row keeps where its
 * record lies (chunk and offset) so its XML can be read again on demand instead of being kept
 * in memory.
 */
import type { FileSummary, LateReport, SlotReport } from '@evtxhunt/evtx';
import type { FormatDiagnostic } from '@evtxhunt/formats';
import type { FieldValue } from '@evtxhunt/hunt';

import type { RowColumns } from './row-columns.js';

/** One event as it crosses from a worker to the page. */
export interface CompactRow {
  /** System/TimeCreated/@SystemTime as the parser renders it, or undefined when absent. */
  readonly time: string | undefined;
  readonly eventId: number;
  readonly level: number | undefined;
  readonly provider: string;
  readonly channel: string;
  readonly computer: string;
  /** EventRecordID, decimal. */
  readonly recordId: string;
  /** The rest of System (keywords, task, ... provider GUID), as store/system-extras writes it. */
  readonly system: string;
  /** Index of the 64 KiB chunk slot that holds the record. */
  readonly chunk: number;
  /** Absolute byte offset of the record in the file. */
  readonly offset: number;
  /**
   * True for a record found by its signature that no chunk header vouches for (behind a
   * destroyed chunk header, past damage in a chunk): not a live record. Absent when live.
   */
  readonly recovered?: true;
  /** EventData/UserData field names in document order, with `values` beside them. */
  readonly names: readonly string[];
  readonly values: readonly FieldValue[];
}

/**
 * A CompactRow as it crosses: its texts that repeat from row to row (provider, channel,
 * computer, the rest of System) and its field names are indexes into its batch's lists.
 */
export interface WireRow {
  readonly time: string | undefined;
  readonly eventId: number;
  readonly level: number | undefined;
  /** Index into the batch's `texts`, as are channel, computer and system. */
  readonly provider: number;
  readonly channel: number;
  readonly computer: number;
  readonly recordId: string;
  readonly system: number;
  readonly chunk: number;
  readonly offset: number;
  /** As CompactRow's: present only on recovered rows, so live rows cost nothing on the wire. */
  readonly recovered?: true;
  /** Index into the batch's `shapes`: the row's field names, `values` beside them. */
  readonly shape: number;
  readonly values: readonly FieldValue[];
}

/** Rows with the texts and field-name lists they refer to, each listed once (row-batch.ts). */
export interface RowBatch {
  readonly texts: readonly string[];
  readonly shapes: readonly (readonly string[])[];
  readonly rows: readonly WireRow[];
}

/** How far a parse has got. */
export interface Progress {
  /** Bytes of the file behind the last record read. */
  readonly bytes: number;
  readonly size: number;
  /** Records read so far. */
  readonly records: number;
}

/**
 * Parse chunk slots `first` to `first + count` of a file and answer with their reports and
 * rows. The page splits each file into such tasks, hands them to its workers and accounts for
 * the slots in slot order (pool/file-read.ts), as packages/evtx's ChunkPool does in Node.
 */
export interface SlotsRequest {
  readonly kind: 'slots';
  readonly id: number;
  /** The file's parse: a worker keeps the templates it compiled for it until told to forget. */
  readonly parse: number;
  readonly file: Blob;
  readonly name: string;
  readonly first: number;
  readonly count: number;
  /**
   * Set at the end of a parse: rows only of the recovered records at these file offsets (those
   * that repeat no other record), not of the live ones.
   */
  readonly recovered?: readonly number[];
  /** Of `recovered`, those that waited for templates of later chunks. */
  readonly late?: readonly number[];
}

/** Parse `parse` is over: its compiled templates can go. */
export interface ForgetRequest {
  readonly kind: 'forget';
  readonly parse: number;
}

/** Read one record again and render it as XML. */
export interface XmlRequest {
  readonly kind: 'xml';
  readonly id: number;
  readonly file: Blob;
  readonly name: string;
  readonly chunk: number;
  readonly offset: number;
}

/**
 * Read `file`, an export (XML, JSON, CSV, gzipped or not), from start to end: the worker
 * answers with `export` replies of rows in input order, waiting for a `more` after each.
 */
export interface ExportRequest {
  readonly kind: 'export';
  readonly id: number;
  readonly file: Blob;
  readonly name: string;
}

/** The page took in export `id`'s last batch: the worker may read on, or stop when `stop`. */
export interface MoreRequest {
  readonly kind: 'more';
  readonly id: number;
  readonly stop?: true;
}

/** What the page asks of a worker. */
export type WorkerRequest = SlotsRequest | ForgetRequest | XmlRequest | ExportRequest | MoreRequest;

/** One slot of a task: what the accountant needs, and how many of the task's rows are its. */
export interface WireSlot extends SlotReport {
  readonly rows: number;
  /** At the end of a parse: what reading the records that waited gave. */
  readonly late?: LateReport | undefined;
}

/** The slots of task `id` in slot order, their rows in one batch of columns in the same order. */
export interface SlotsReply {
  readonly kind: 'slots';
  readonly id: number;
  readonly slots: readonly WireSlot[];
  readonly batch: RowColumns;
}

/** The request `id` failed outright (the file could not be read at all, say). */
export interface FailedReply {
  readonly kind: 'failed';
  readonly id: number;
  readonly message: string;
}

/** The XML of the record asked for by `id`. */
export interface XmlReply {
  readonly kind: 'xml';
  readonly id: number;
  readonly xml: string;
}

/**
 * The next rows of export `id`, with the problems met since the last reply. Each row's `chunk`
 * is its record's 0-based position in the export (an export has no chunks), which is how its
 * XML is asked for again.
 */
export interface ExportReply {
  readonly kind: 'export';
  readonly id: number;
  /** The format sniffed: `json`, `xml`, `csv`, with `gzip ` before it when it was gzipped. */
  readonly format: string;
  readonly batch: RowBatch;
  readonly diagnostics: readonly FormatDiagnostic[];
  /** Problems met since the last reply and left out of `diagnostics` (past DIAGNOSTICS_POSTED). */
  readonly omitted: number;
  /** Records met since the last reply that could not be read (error diagnostics). */
  readonly failed: number;
  /** Bytes of the file read so far (compressed bytes for a gzipped export). */
  readonly bytes: number;
  /** True on the last reply: the export is read to its end. */
  readonly done: boolean;
}

/** What a worker answers. */
export type WorkerReply = SlotsReply | FailedReply | XmlReply | ExportReply;

/** How a file's parse ended: read to the end, or cancelled. */
export interface ParseOutcome {
  readonly cancelled: boolean;
  /** The parser's summary, its diagnostics cut to DIAGNOSTICS_POSTED. */
  readonly summary: FileSummary;
  /** Diagnostics left out of `summary` by the cut. */
  readonly diagnosticsOmitted: number;
  readonly progress: Progress;
  /** Set for an export: its format as ExportReply says it (`json`, `gzip xml`, ...). */
  readonly format?: string;
}

/** The most diagnostics one file's summary keeps on the page; a hostile file has millions. */
export const DIAGNOSTICS_POSTED = 500;
