/** A chunk job for the pool's tests: names the thread that ran it, `main` or `worker`. */
import { setTimeout as sleep } from 'node:timers/promises';
import { isMainThread } from 'node:worker_threads';

/**
 * How the job is made: `workerStartMs` delays its making in a worker (a slow start-up);
 * `stamp` makes each output the time the slot was parsed (ms since the epoch) instead.
 */
export interface ThreadJobOptions {
  readonly workerStartMs?: number;
  readonly stamp?: boolean;
}

/** `createChunkJob` as the pool calls it, in its workers and on the main thread. */
export async function createChunkJob(options: ThreadJobOptions = {}) {
  if (!isMainThread && options.workerStartMs !== undefined) await sleep(options.workerStartMs);
  if (options.stamp === true)
    return (): string => String(performance.timeOrigin + performance.now());
  return (): string => (isMainThread ? 'main' : 'worker');
}

/** The module's URL, for the pool's `job.module`. */
export const THREAD_JOB = new URL('./thread-job.js', import.meta.url);
