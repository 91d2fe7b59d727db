/** What one pass over a file found: chunk slots by kind, records read, failed and missing. */
import type { Diagnostic } from './types.js';

export interface FileSummary {
  file: string;
  size: number;
  chunks: {
    /** 64 KiB slots after the header, counting a partial last one. */
    slots: number;
    /** Slots that carry the chunk signature. */
    found: number;
    /** Found chunks with no problem at all. */
    valid: number;
    /** Found chunks with a problem: CRC mismatch, cut off, records that failed. */
    damaged: number;
    /**
     * All-zero slots past the end of the log (after its last chunk and beyond the chunk count
     * the header names): not yet written by Windows.
     */
    empty: number;
    /**
     * Slots with no chunk signature, and all-zero slots inside the log (wiped): nothing in
     * them was read.
     */
    unreadable: number;
    /**
     * Slots past the end of the log holding neither zeros, a chunk nor a record: bytes appended
     * to the file, not part of the log. Absent when there are none.
     */
    trailing?: number;
  };
  records: {
    read: number;
    failed: number;
    /**
     * Record ids missing from the log, worked out from the ids of the chunks around wiped or
     * unreadable slots and from jumps between chunks. Open-ended ranges are not counted.
     */
    missing: number;
    /**
     * Records found by their signatures that no chunk header vouches for (flagged recovered,
     * never counted in `read`): behind a destroyed chunk header, past damage in a chunk whose
     * records CRC fails, or in unused chunk space when asked for. Absent when there are none.
     */
    recovered?: number;
    /**
     * Records not read again because they repeat ones already read: a chunk repeated byte for
     * byte, or a record in unused chunk space equal to a live one. Absent when there are none.
     */
    duplicates?: number;
  };
  /**
   * Records failed because they went over a named limit (see the parser's `Limits`), by the
   * limit's name, e.g. `{ maxElementDepth: 2 }`. Absent when no limit was hit.
   */
  limitsHit?: Record<string, number>;
  diagnostics: Diagnostic[];
  /** True when something that was in the file could not be read. */
  lost: boolean;
}

/** The summary before any chunk is read: without a header, chunk slots mean loss. */
export function freshSummary(
  source: { readonly name: string; readonly size: number },
  slots: number,
  headerDiagnostics: readonly Diagnostic[],
  hasHeader: boolean,
): FileSummary {
  return {
    file: source.name,
    size: source.size,
    chunks: { slots, found: 0, valid: 0, damaged: 0, empty: 0, unreadable: 0 },
    records: { read: 0, failed: 0, missing: 0 },
    diagnostics: [...headerDiagnostics],
    lost: !hasHeader && slots > 0,
  };
}
