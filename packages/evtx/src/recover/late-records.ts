/**
 * A record found behind a destroyed chunk header may name a template that no earlier chunk
 * defines: in a destroyed slot 0, or when only later chunks hold it. Such records wait for the
 * end of the pass (recover/destroyed-chunk.ts) and are read then, their slot read again from
 * the source, with the templates of every chunk: by template id, refused when two templates of
 * the file share that id. Nothing of the slot is kept in between but the records' offsets.
 */
import { ChunkContext } from '../binxml/chunk-context.js';
import type { TemplateCache } from '../binxml/template-cache.js';
import { EvtxError, hex } from '../errors.js';
import type { EvtxRecord } from '../record.js';
import type { Diagnostic } from '../types.js';
import { recordAt } from './record-scan.js';
import { readRecoveredRecord, recoverySite } from './recovered-record.js';

/** What reading a slot's waiting records gave; structured-cloneable, for the accountant. */
export interface LateReport {
  readonly index: number;
  /** Records read, flagged recovered. */
  readonly recovered: number;
  /** Records that could not be read even so, each with an error in `diagnostics`. */
  readonly failed: number;
  readonly diagnostics: Diagnostic[];
}

/**
 * Reads the records at file offsets `late` of slot `index` (its `bytes`, at file offset
 * `slotOffset`) with every template `templates` holds; never throws for bad data.
 */
export function readLate(
  bytes: Uint8Array,
  slot: { readonly index: number; readonly offset: number; readonly file: string },
  templates: TemplateCache,
  late: readonly number[],
): { records: EvtxRecord[]; report: LateReport } {
  const { index, offset, file } = slot;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const site = recoverySite(new ChunkContext(bytes, offset, templates), index, file, Infinity);
  const records: EvtxRecord[] = [];
  const diagnostics: Diagnostic[] = [];

  for (const at of late) {
    const candidate = recordAt(view, at - offset, bytes.length);
    try {
      if (candidate === undefined) throw new EvtxError('record', at, 'no record found here again');
      records.push(readRecoveredRecord(site, candidate));
    } catch (error) {
      if (!(error instanceof EvtxError)) throw error;
      diagnostics.push(failure(error, index, at, candidate?.recordId));
    }
  }
  const failed = diagnostics.length;
  diagnostics.unshift(outcome(records.length, failed, index, offset));
  return { records, report: { index, recovered: records.length, failed, diagnostics } };
}

function failure(error: EvtxError, index: number, at: number, id: bigint | undefined): Diagnostic {
  return {
    severity: 'error',
    structure: error.structure,
    offset: error.offset,
    chunkIndex: index,
    ...(id === undefined ? {} : { recordId: id.toString() }),
    message: `record found by its signature at ${hex(at)} cannot be read: ${error.reason}`,
  };
}

/** What became of the records that waited, as the account counts them (recovered, failed). */
function outcome(read: number, failed: number, index: number, offset: number): Diagnostic {
  const found = `${read + failed} records found by their signatures`;
  const waited = `${found} waited for templates of later chunks`;
  const counts = `${read} read at the end with them (recovered), ${failed} failed`;
  return {
    severity: failed > 0 ? 'warning' : 'info',
    structure: 'chunk',
    offset,
    chunkIndex: index,
    message: `${waited}: ${counts}`,
  };
}
