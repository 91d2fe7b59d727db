/**
 * The chunk job of `hunt --threads`: a worker parses a chunk into the plain records the hunt
 * engine takes; the engine itself runs on the main thread, in record order.
 */
import type { EventRecord } from '@evtxhunt/hunt';
import type { ChunkJob } from '@evtxhunt/evtx/node';

import { EvtxFieldSource, plainRecord } from '../field-source.js';

/** This module, for the pool's `job.module`. */
export const HUNT_JOB = new URL('./hunt-job.js', import.meta.url);

/**
 * Builds the job: every record of the chunk as the engine's input, with `file` as the path
 * given, holding only the fields the engine reads of its kind of event. TODO: records still
 * cross the thread boundary one object each; sending the engine's per-record activity as
 * columns would be cheaper, once the engine takes activities directly.
 */
export function createChunkJob(): ChunkJob<EventRecord[]> {
  const source = new EvtxFieldSource();
  return (records) => records.map((record) => plainRecord(source.record(record, record.file)));
}
