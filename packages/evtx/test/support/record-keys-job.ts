/**
 * A chunk job for the pool's tests: each record as `recordId@offset`, one string per slot (or
 * its UTF-8 bytes).
 * `failSlot` makes the job throw on that slot, or with `exitOnFail` end its worker thread.
 */
import type { ChunkInfo, EvtxRecord } from '../../src/index.js';

export interface RecordKeysOptions {
  failSlot?: number;
  exitOnFail?: boolean;
  /** Give the keys as UTF-8 bytes rather than a string. */
  bytes?: boolean;
}

/** `createChunkJob` as the pool's workers call it. */
export function createChunkJob(options: RecordKeysOptions) {
  const utf8 = new TextEncoder();
  return (records: readonly EvtxRecord[], chunk: ChunkInfo): string | Uint8Array => {
    if (chunk.index === options.failSlot) {
      if (options.exitOnFail === true) process.exit(3);
      throw new Error(`asked to fail on slot ${chunk.index}`);
    }
    const keys = records.map((record) => `${record.recordId}@${record.offset}`).join(' ');
    return options.bytes === true ? utf8.encode(keys) : keys;
  };
}

/** The module's URL, for the pool's `job.module`. */
export const RECORD_KEYS_JOB = new URL('./record-keys-job.js', import.meta.url);
