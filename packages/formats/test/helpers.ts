/** Helpers for the tests: bytes in pieces, records of a text. */
import { readRecordBatches, type ReadOptions } from '../src/read.js';
import type { FormatDiagnostic, ImportedRecord } from '../src/types.js';

export const FIXTURES = new URL('../../test/fixtures/', import.meta.url).pathname;

/** `bytes` as pieces of `size` bytes, to show a reader does not depend on where pieces end. */
export async function* pieces(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

/** Every record and diagnostic of `bytes`, read in pieces of `size`. */
export async function readAll(
  bytes: Uint8Array | string,
  size = 1 << 20,
  options: ReadOptions = {},
): Promise<{ records: ImportedRecord[]; diagnostics: FormatDiagnostic[] }> {
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  const records: ImportedRecord[] = [];
  const diagnostics: FormatDiagnostic[] = [];
  const onDiagnostic = (diagnostic: FormatDiagnostic) => diagnostics.push(diagnostic);
  for await (const batch of readRecordBatches(pieces(data, size), { ...options, onDiagnostic })) {
    records.push(...batch);
  }
  return { records, diagnostics };
}
