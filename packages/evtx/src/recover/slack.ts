/**
 * The unused space of a chunk, after the last record its header names, often still holds
 * records: from before the log wrapped round and reused the chunk, or left by Windows. They are
 * read when asked for, flagged recovered and never counted as live; one equal to a live record
 * of the chunk (same id, written time and bytes) is a duplicate and is not read twice here. One
 * repeating a live record of another chunk, or another recovered record, is recognised at the
 * end of the pass (recover/duplicates.ts).
 *
 * Read by `EvtxFile` (EvtxFileOptions.slack) and by a ChunkPool's threads for such a file; the
 * CLI's `--slack` asks for it.
 * TODO: a slack record whose template only a later chunk defines is a warning ("cannot be
 * read"), not held for the end of the pass as a record behind a destroyed chunk header is
 * (recover/late-records.ts); most such leftovers name templates since overwritten anyway.
 */
import { ChunkContext } from '../binxml/chunk-context.js';
import type { ChunkResult } from '../chunk.js';
import { EvtxError, hex } from '../errors.js';
import type { EvtxRecord } from '../record.js';
import type { Diagnostic } from '../types.js';
import { RECORD_HEADER_SIZE, scanRecords, type RecordCandidate } from './record-scan.js';
import { readRecoveredRecord, recoverySite } from './recovered-record.js';

/**
 * Reads the records found from chunk offset `from` (where the live records ended) to the end
 * of `chunk` into `result`, flagged recovered. Those that cannot be read are warnings, not
 * failures: the live log lost nothing.
 */
export function readSlack(chunk: ChunkContext, from: number, result: ChunkResult, file: string) {
  const candidates = scanRecords(chunk.bytes, 0, { from, step: 8 });
  if (candidates.length === 0) return;

  const live = new Map(result.records.map((record) => [record.recordId, record]));
  // A context of its own: a slack record's template offsets may name bytes since reused.
  const context = new ChunkContext(chunk.bytes, chunk.fileOffset, chunk.templateCache);
  // The chunk's own templates count: it was read before its unused space.
  const site = recoverySite(context, result.info.index, file, chunk.fileOffset + 1);
  const { info } = result;

  for (const candidate of candidates) {
    const twin = live.get(candidate.recordId);
    if (twin !== undefined && sameRecord(chunk, twin, candidate)) {
      info.duplicates = (info.duplicates ?? 0) + 1;
      note(result, 'info', candidate, `duplicate of the live record at ${hex(twin.offset)}`);
      continue;
    }
    try {
      result.records.push(readRecoveredRecord(site, candidate));
      info.recovered = (info.recovered ?? 0) + 1;
      if (twin !== undefined) {
        note(result, 'warning', candidate, `differs from the live record with its id`);
      }
    } catch (error) {
      if (!(error instanceof EvtxError)) throw error;
      note(result, 'warning', candidate, `cannot be read: ${error.reason}`);
      result.slackUnread = true;
    }
  }
}

/** Same written time and the same bytes after the record header's id. */
function sameRecord(chunk: ChunkContext, live: EvtxRecord, found: RecordCandidate): boolean {
  if (live.writtenTime !== found.writtenTime) return false;
  const at = live.offset - chunk.fileOffset;
  if (chunk.view.getUint32(at + 4, true) !== found.size) return false;

  const { bytes } = chunk;
  for (let i = RECORD_HEADER_SIZE; i < found.size; i++) {
    if (bytes[at + i] !== bytes[found.offset + i]) return false;
  }
  return true;
}

function note(
  result: ChunkResult,
  severity: Diagnostic['severity'],
  candidate: RecordCandidate,
  what: string,
): void {
  result.diagnostics.push({
    severity,
    structure: 'record',
    offset: result.info.offset + candidate.offset,
    chunkIndex: result.info.index,
    recordId: candidate.recordId.toString(),
    message: `record in the chunk's unused space ${what}`,
  });
}
