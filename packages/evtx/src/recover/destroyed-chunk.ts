/**
 * A slot whose chunk header was destroyed (zeroed or overwritten) can still hold intact records
 * after the damage. They are found by their signatures, read with the templates still in the
 * slot or borrowed from earlier chunks, and flagged recovered: no header vouches for them. A
 * record whose template only a later chunk defines (a destroyed slot 0, say) waits for the end
 * of the pass, when every chunk has been read (recover/late-records.ts).
 */
import { ChunkContext } from '../binxml/chunk-context.js';
import type { TemplateCache } from '../binxml/template-cache.js';
import { CHUNK_HEADER_SIZE } from '../chunk-header.js';
import type { ChunkResult } from '../chunk.js';
import { EvtxError } from '../errors.js';
import { recordIdRange } from '../record-ids.js';
import { scanRecords } from './record-scan.js';
import { MissingTemplateError, readRecoveredRecord, recoverySite } from './recovered-record.js';

/**
 * Reads the records found in a slot without a chunk signature into `result` (flagged
 * recovered; those that cannot be read are failed, with an error each). Returns a clause for
 * the slot's own error, e.g. `15 records recovered by their signatures (ids 47613-47627)`, or
 * undefined when no record signature was found.
 */
export function recoverDestroyedChunk(
  bytes: Uint8Array,
  result: ChunkResult,
  file: string,
  templates: TemplateCache | undefined,
): string | undefined {
  const { info } = result;
  const candidates = scanRecords(bytes, 0, { from: CHUNK_HEADER_SIZE, step: 8 });
  if (candidates.length === 0) return undefined;

  const chunk = new ChunkContext(bytes, info.offset, templates);
  const site = recoverySite(chunk, info.index, file, info.offset);
  let recovered = 0;
  for (const candidate of candidates) {
    try {
      result.records.push(readRecoveredRecord(site, candidate));
      recovered++;
    } catch (error) {
      if (!(error instanceof EvtxError)) throw error;
      if (error instanceof MissingTemplateError) {
        (result.deferred ??= []).push(candidate);
        continue;
      }
      info.failed++;
      result.diagnostics.push({
        severity: 'error',
        structure: error.structure,
        offset: error.offset,
        chunkIndex: info.index,
        recordId: candidate.recordId.toString(),
        ...(error.limit === undefined ? {} : { limit: error.limit }),
        message: `record found by its signature cannot be read: ${error.reason}`,
      });
    }
  }
  const found = recordIdRange(candidates);
  if (found !== undefined) info.foundIds = found;
  if (candidates.length > recovered) info.foundUnreadable = candidates.length - recovered;
  return describe(result, recovered, candidates.length);
}

function describe(result: ChunkResult, recovered: number, found: number): string {
  const ids = recordIdRange(result.records);
  if (recovered > 0) result.info.recovered = recovered;

  const span = ids === undefined ? '' : ` (ids ${ids.first}-${ids.last})`;
  const waiting = result.deferred?.length ?? 0;
  const failed = found - recovered - waiting;
  const rest = failed === 0 ? '' : `, ${failed} found but unreadable`;
  if (waiting > 0) result.info.waiting = waiting;
  // Their outcome is not known yet: the account counts them recovered or failed at the end.
  const late =
    waiting === 0
      ? ''
      : `, ${waiting} waiting for templates of later chunks ` +
        '(read at the end, then counted recovered or failed)';
  return `${recovered} records recovered by their signatures${span}${rest}${late}`;
}
