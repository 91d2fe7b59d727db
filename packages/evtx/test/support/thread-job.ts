/** A chunk job for the pool's tests: names the thread that ran it, `main` or `worker`. */
import { isMainThread } from 'node:worker_threads';

/** `createChunkJob` as the pool calls it, in its workers and on the main thread. */
export function createChunkJob() {
  return (): string => (isMainThread ? 'main' : 'worker');
}

/** The module's URL, for the pool's `job.module`. */
export const THREAD_JOB = new URL('./thread-job.js', import.meta.url);
