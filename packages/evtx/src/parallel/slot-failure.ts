/**
 * A slot that a worker could not finish becomes a report with an error diagnostic, so the
 * failure is counted as loss in the file's summary and every other slot is still read.
 */
import type { ChunkInfo } from '../chunk.js';
import type { SlotReport } from '../slots.js';
import { slotOffset } from '../slots.js';
import type { Diagnostic } from '../types.js';
import type { WorkerSlot } from './protocol.js';

/**
 * The slot with its records moved to `failed` and an error naming the slot and the cause;
 * without `report` (the worker died, or parsing threw) nothing of the slot is known.
 */
export function failedSlot(
  index: number,
  cause: string,
  report?: SlotReport,
): WorkerSlot<undefined> {
  const info: ChunkInfo = report?.info ?? {
    index,
    offset: slotOffset(index),
    status: 'ok',
    records: 0,
    failed: 0,
    damaged: true,
  };
  const lost = info.records;
  const failed = { ...info, records: 0, failed: info.failed + lost, damaged: true };
  const diagnostic: Diagnostic = {
    severity: 'error',
    structure: 'chunk',
    offset: info.offset,
    chunkIndex: index,
    message: `slot ${index} not read: ${cause}${lost > 0 ? `; its ${lost} records are lost` : ''}`,
  };
  const diagnostics = [...(report?.diagnostics ?? []), diagnostic];
  return { info: failed, diagnostics, recordIds: report?.recordIds, output: undefined };
}

/** The text of a thrown value. */
export function describeThrown(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
