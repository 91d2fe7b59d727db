/**
 * A chunk job for the pool's tests: each record as `recordId@offset`, one string per slot.
 * `failSlot` makes the job throw on that slot, or with `exitOnFail` end its worker thread.
 */
import type { ChunkInfo, EvtxRecord } from '../../src/index.js';

export interface RecordKeysOptions {
  failSlot?: number;
  exitOnFail?: boolean;
}

/** `createChunkJob` as the pool's workers call it. */
export function createChunkJob(options: RecordKeysOptions) {
  return (records: readonly EvtxRecord[], chunk: ChunkInfo): string => {
    if (chunk.index === options.failSlot) {
      if (options.exitOnFail === true) process.exit(3);
      throw new Error(`asked to fail on slot ${chunk.index}`);
    }
    return records.map((record) => `${record.recordId}@${record.offset}`).join(' ');
  };
}

/** The module's URL, for the pool's `job.module`. */
export const RECORD_KEYS_JOB = new URL('./record-keys-job.js', import.meta.url);
