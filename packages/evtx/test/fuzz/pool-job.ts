/**
 * The chunk job of the fuzzer's pooled check: each record of a slot as the oracle keys it
 * (`id|offset|xml|structured`), the slot's keys as one JSON array, so records read by a
 * ChunkPool's workers compare with those of a sequential parse.
 */
import type { EvtxRecord } from '../../src/index.js';

/** What the job needs: the file name the sequential parse gave its records. */
export interface PoolJobOptions {
  name: string;
}

/** `createChunkJob` as the pool's workers call it. */
export function createChunkJob(options: PoolJobOptions) {
  return (records: readonly EvtxRecord[]): string =>
    JSON.stringify(records.map((r) => keyOf(r, options.name)));
}

/** The oracle's key of one record, its structured form named as the sequential parse names it. */
export function keyOf(record: EvtxRecord, name: string): string {
  const structured = { ...record.toStructured(), file: name };
  return [record.recordId, record.offset, record.toXml(), JSON.stringify(structured)].join('|');
}

/** The module's URL, for the pool's `job.module`. */
export const POOL_JOB = new URL('./pool-job.js', import.meta.url);
