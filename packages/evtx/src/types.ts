/** Public shapes of the parser's output: structured records, diagnostics and file summaries. */

/** A field value: one string, or every value in order when a name repeats. */
export type FieldValue = string | readonly string[];

/**
 * One event as plain data. Every 64-bit quantity is a decimal or hex string so it stays exact;
 * every time is ISO-8601 UTC with seven fraction digits and `Z`.
 */
export interface StructuredRecord {
  /** The source's name (a path in Node, the File name in a browser). */
  file?: string;
  /**
   * System/EventRecordID, decimal: the number Event Viewer shows. The record header's own
   * identifier when the event has none.
   */
  recordId: string;
  /**
   * The record header's identifier, decimal. It differs from `recordId` in logs saved from a
   * filtered view, where Windows renumbers the records but keeps each event's EventRecordID.
   */
  headerRecordId: string;
  /** System/TimeCreated/@SystemTime; undefined when the event has none. */
  timeCreated: string | undefined;
  /** The record header's FILETIME: when the record was written to the log. */
  writtenTime: string;
  eventId: number;
  /** System/EventID/@Qualifiers, for classic events. */
  qualifiers?: number;
  version?: number;
  level?: number;
  task?: number;
  opcode?: number;
  /** System/Keywords as Windows renders it, e.g. `0x8000000000000000`. */
  keywords?: string;
  provider: string;
  providerGuid?: string;
  eventSourceName?: string;
  channel: string;
  computer: string;
  processId?: number;
  threadId?: number;
  /** System/Security/@UserID, a SID string. */
  userId?: string;
  activityId?: string;
  relatedActivityId?: string;
  /**
   * EventData/UserData fields by name, in document order. Unnamed `Data` elements are kept in
   * order under the name `Data`; a name seen more than once keeps every value as an array;
   * UserData leaves are keyed by their element name.
   */
  data: Record<string, FieldValue>;
  /** Problems met while decoding this record that did not stop it (e.g. an unpaired surrogate). */
  issues?: string[];
  /**
   * Present (true) only for a record found by its signature where no chunk header vouches for
   * it: in a chunk whose header was destroyed, the unused space of a chunk, or past damage in a
   * chunk whose records CRC fails. Never counted with the live records.
   */
  recovered?: true;
}

/** Where in the file a problem lies, and what it is. */
export interface Diagnostic {
  /** `info` notes a fact (a dirty header); `warning` a problem read past; `error` a loss. */
  severity: 'info' | 'warning' | 'error';
  /** The structure being read: `file header`, `chunk header`, `record`, `binxml`, `value`. */
  structure: string;
  /** Absolute byte offset in the file. */
  offset: number;
  /** Index of the 64 KiB chunk slot, when the problem is inside a chunk. */
  chunkIndex?: number;
  /** Record identifier, when known. */
  recordId?: string;
  /**
   * The named limit the input went over (`maxElementDepth`, `maxTemplateDepth`,
   * `maxSubstitutions`), when that is what failed the record.
   */
  limit?: string;
  message: string;
}
