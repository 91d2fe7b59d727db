/**
 * The shapes this package produces: records of the same shape as the EVTX parser's structured
 * records (so the hunt engine and the CLI take them unchanged), and diagnostics that say where
 * in the input a problem lies.
 */

/** A field value: one string, or every value in order when a name repeats. */
export type FieldValue = string | readonly string[];

/**
 * One event read from an export, with the fields of the EVTX parser's StructuredRecord. Times
 * are ISO-8601 UTC with seven fraction digits and `Z`; 64-bit values are decimal or hex text.
 */
export interface ImportedRecord {
  file?: string;
  /** System/EventRecordID as decimal text; the 1-based position in the input when absent. */
  recordId: string;
  /** The same as recordId: an export keeps no record header. */
  headerRecordId: string;
  timeCreated: string | undefined;
  /** An export keeps no record header, so this is timeCreated (empty when there is none). */
  writtenTime: string;
  eventId: number;
  qualifiers?: number;
  version?: number;
  level?: number;
  task?: number;
  opcode?: number;
  keywords?: string;
  provider: string;
  providerGuid?: string;
  eventSourceName?: string;
  channel: string;
  computer: string;
  processId?: number;
  threadId?: number;
  userId?: string;
  activityId?: string;
  relatedActivityId?: string;
  /** EventData/UserData fields by name, in document order; repeated names as arrays. */
  data: Record<string, FieldValue>;
  /** What was odd about this record but did not stop it (a time that could not be read). */
  issues?: string[];
  /**
   * Present (true) when the export marks the record recovered, as evtxhunt's own exports do
   * for a record no chunk header vouched for: it is not a live one of the log.
   */
  recovered?: true;
  /**
   * The names Windows rendered for System values, as the export kept them: Winlogbeat keeps
   * Level, Task, Opcode and Keywords only as these names, Event Viewer beside the numbers.
   */
  rendered?: RenderedNames;
}

/** System values by the names Event Viewer shows (`Information`, `Audit Success`). */
export interface RenderedNames {
  level?: string;
  task?: string;
  opcode?: string;
  keywords?: string[];
}

/** A problem in the input: where it lies and what it is. Reading goes on past it. */
export interface FormatDiagnostic {
  severity: 'info' | 'warning' | 'error';
  /** The structure being read: `json record`, `xml event`, `csv row`, `gzip`, `input`. */
  structure: string;
  /** Byte offset in the (decompressed) input where the structure starts. */
  offset: number;
  /** 1-based line of the input where the structure starts, for text formats. */
  line?: number;
  message: string;
}

/** The formats told apart by content. */
export type InputFormat = 'evtx' | 'xml' | 'json' | 'csv' | 'gzip' | 'zip';

/** Bytes arriving in pieces, in order: a file stream, a Blob's stream, one array. */
export type ByteChunks = AsyncIterable<Uint8Array>;

/** Turns a gzip stream into its bytes (zlib in Node, DecompressionStream in a browser). */
export type Gunzip = (compressed: ByteChunks) => ByteChunks;
