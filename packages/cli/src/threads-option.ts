/**
 * `--threads N`: how many threads parse chunks; 1 reads on the main thread alone. For `dump`
 * and `pivot`, N is N - 1 worker threads and the main thread (parallel.ts: parsingPool).
 */
import { availableParallelism } from 'node:os';

import { UsageError } from './errors.js';

/** More threads than this are refused: each holds its own heap and a few MiB of work. */
export const MAX_THREADS = 64;

/** What `--threads` does, for help texts. */
export const THREADS_HELP = `threads that parse chunks (default 1: the main thread alone,
                     in the least memory): N - 1 worker threads and the main
                     thread; more than the cores here (${availableParallelism()}) are cut to them`;

/** The cores available, within 1 to MAX_THREADS: the default thread count. */
export function defaultThreads(cores: number = availableParallelism()): number {
  return Math.max(1, Math.min(cores, MAX_THREADS));
}

/**
 * The thread count `--threads` names, cut to the cores available (`cores`), or `fallback`
 * without the option; throws UsageError for anything but a whole number from 1 to MAX_THREADS.
 */
export function threadsOption(
  text: string | undefined,
  fallback: number = defaultThreads(),
  cores: number = availableParallelism(),
): number {
  if (text === undefined) return fallback;

  const threads = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!(threads >= 1 && threads <= MAX_THREADS)) {
    throw new UsageError(
      `option '--threads' needs a whole number from 1 to ${MAX_THREADS}, not '${text}'`,
    );
  }
  // Measured: 64 threads on 2 cores took 7x as long and 1.1 GB for what one thread did in 93 MB.
  return Math.min(threads, Math.max(1, cores));
}
