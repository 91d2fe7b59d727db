/**
 * The chunk job of `pivot --threads`: a worker parses a chunk and applies the selection, and
 * sends in full only the records it takes; the others go as their identity alone.
 */
import type { EventRecord } from '@evtxhunt/hunt';
import type { ChunkJob, EvtxRecord } from '@evtxhunt/evtx/node';

import { selectionFor } from '../record-selection.js';

/** What the main thread tells each worker: the options that select records. */
export interface PivotJobOptions {
  readonly where: readonly string[];
  readonly allEvents: boolean;
  readonly query: string | undefined;
}

/**
 * One record: in full when `selected`, else only the fields the duplicate check reads (the
 * main thread's selection must then leave it out).
 */
export interface PivotRow {
  readonly record: EventRecord;
  readonly selected: boolean;
}

/** This module, for the pool's `job.module`. */
export const PIVOT_JOB = new URL('./pivot-job.js', import.meta.url);

/** Builds the job: one row per record of the chunk, in record order. */
export function createChunkJob(options: PivotJobOptions): ChunkJob<PivotRow[]> {
  const select = selectionFor(options.where, options.allEvents, options.query);
  return (records) => records.map((record) => pivotRow(record, select));
}

function pivotRow(record: EvtxRecord, select: (record: EventRecord) => boolean): PivotRow {
  const full = { ...record.toStructured(), file: record.file };
  if (select(full)) return { record: full, selected: true };

  const { recordId, timeCreated, eventId, provider, channel, computer } = full;
  const identity = { recordId, timeCreated, eventId, provider, channel, computer, data: {} };
  return { record: identity, selected: false };
}
