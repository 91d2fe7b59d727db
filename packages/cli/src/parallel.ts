/**
 * When a file is worth the pool: workers pay off only on a file with several runs of chunks
 * to hand out, so small files are read on the main thread, with the same output.
 */
import { ChunkPool, EvtxFile, type JobSpec } from '@evtxhunt/evtx/node';

/**
 * Files with fewer chunk slots (2 MiB) are read on the main thread. Tests that hold the pool's
 * output to the main thread's on small files set EVTXHUNT_POOL_MIN_SLOTS=0.
 */
export const MIN_POOLED_SLOTS = 32;

/** A log read through a pool: the pool, and the path its workers open. */
export interface PooledRead<Output> {
  readonly pool: ChunkPool<Output>;
  readonly path: string;
}

/**
 * How `evtx` is read through `pool`, or undefined when it is read here: there is no pool, the
 * file is small, or its bytes are not on disk for the workers to open (`onDisk`, see
 * FileVisitor: a gzipped log or a zip's member unpacked in memory).
 */
export function pooledRead<Output>(
  pool: ChunkPool<Output> | undefined,
  evtx: EvtxFile,
  onDisk: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): PooledRead<Output> | undefined {
  // An export read by @evtxhunt/formats has no chunks to hand out: it is read here.
  if (pool === undefined || onDisk === undefined || !(evtx instanceof EvtxFile)) return undefined;
  return evtx.summary.chunks.slots >= minPooledSlots(env) ? { pool, path: onDisk } : undefined;
}

function minPooledSlots(env: NodeJS.ProcessEnv): number {
  const text = env['EVTXHUNT_POOL_MIN_SLOTS'];
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : MIN_POOLED_SLOTS;
}

/**
 * Chunk slots per task of the CLI's pools: a quarter of the pool's default. A dump's output is
 * about three times its input, and a task's output waits whole to be written, so 8-slot tasks
 * peaked at 133-150 MB where 16-slot tasks peaked at 169-175 (100 MB log, two threads); over
 * 1 GB, 4-slot tasks peaked at 168-178 MB where 8-slot tasks peaked at 178-186, for the same
 * CPU time.
 */
const SLOTS_PER_TASK = 4;

/**
 * Tasks of a file in flight or waiting per thread: half the pool's default, since a dump's
 * output waits whole to be written, and the main thread's memory grows with it.
 */
const TASKS_PER_THREAD = 4;

/**
 * The pool for `--threads N`: none for 1; else N - 1 worker threads, with this thread parsing
 * too whenever the next chunks due are not ready, so N threads parse in all and one isolate's
 * memory is saved. This thread also writes or counts the output, so it takes fewer tasks.
 */
export function parsingPool<Output>(
  threads: number,
  job: JobSpec<unknown>,
): ChunkPool<Output> | undefined {
  if (threads <= 1) return undefined;
  return new ChunkPool<Output>({
    threads: threads - 1,
    parseHere: true,
    job,
    slotsPerTask: SLOTS_PER_TASK,
    window: threads * TASKS_PER_THREAD,
  });
}
