/**
 * What the ECS and Timesketch writers read of a record: the engine's record and the rest of
 * System the parser gives. The CLI hands them parser records; the web app builds the same from
 * its store, so both write the same document for the same event.
 */
import type { EventRecord } from '../record.js';

/** A record with the System fields an export names, each optional. */
export interface ExportRecord extends EventRecord {
  readonly level?: number;
  readonly task?: number;
  readonly opcode?: number;
  /** System/Keywords as Windows renders it, `0x8020000000000000`. */
  readonly keywords?: string;
  readonly version?: number;
  readonly qualifiers?: number;
  readonly providerGuid?: string;
  readonly eventSourceName?: string;
  readonly processId?: number;
  readonly threadId?: number;
  /** System/Security/@UserID, a SID. */
  readonly userId?: string;
  readonly activityId?: string;
  readonly relatedActivityId?: string;
  /**
   * When the record was written to the log (its header's time): the time of last resort for a
   * record without TimeCreated. The web app's store keeps no such time.
   */
  readonly writtenTime?: string;
  /** Problems met decoding the record, which did not stop it. */
  readonly issues?: readonly string[];
  /**
   * The names Windows rendered for Level and Keywords (`Information`, `Audit Success`), as an
   * export kept them where it kept no numbers (Winlogbeat): used only when the number is absent.
   */
  readonly rendered?: { readonly level?: string; readonly keywords?: readonly string[] };
}
