/**
 * Compressed data that ends early or is damaged (a gzip file cut off in a copy, a zip member
 * with a bad block): what came out before the break is still the log's, so it is read, and the
 * break becomes an error diagnostic instead of losing everything after the last whole batch.
 */
import type { ByteChunks, FormatDiagnostic } from './types.js';

/** Where the bytes come from, and who hears of a break. */
export interface BreakReport {
  /** `gzip`, `zip member "a.evtx"`. */
  readonly structure: string;
  readonly report: (diagnostic: FormatDiagnostic) => void;
}

/** The bytes of `chunks` up to where decompression failed; the failure is reported. */
export async function* untilBroken(
  chunks: ByteChunks,
  where: BreakReport,
): AsyncGenerator<Uint8Array> {
  let offset = 0;
  const iterator = chunks[Symbol.asyncIterator]();
  try {
    for (;;) {
      let next;
      try {
        next = await iterator.next();
      } catch (error) {
        where.report(breakDiagnostic(where.structure, offset, error));
        return;
      }
      if (next.done) return;
      offset += next.value.length;
      yield next.value;
    }
  } finally {
    await iterator.return?.();
  }
}

function breakDiagnostic(structure: string, offset: number, error: unknown): FormatDiagnostic {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    severity: 'error',
    structure,
    offset,
    message: `compressed data ends early or is damaged (${reason}); the ${offset} bytes unpacked before it were read (offsets are in the unpacked data)`,
  };
}
