/**
 * The chunk job of `hunt --threads`: a worker parses a chunk into the plain records the hunt
 * engine takes; the engine itself runs on the main thread, in record order.
 */
import type { EventRecord } from '@evtxhunt/hunt';
import type { ChunkJob } from '@evtxhunt/evtx/node';

/** This module, for the pool's `job.module`. */
export const HUNT_JOB = new URL('./hunt-job.js', import.meta.url);

/**
 * Builds the job: every record of the chunk as the engine's input, with `file` as the path
 * given. TODO: whole records cross the thread boundary; sending only the engine's per-record
 * activity (and the few fields its config inference reads) would be cheaper, once the engine
 * takes activities directly.
 */
export function createChunkJob(): ChunkJob<EventRecord[]> {
  return (records) => records.map((record) => ({ ...record.toStructured(), file: record.file }));
}
