/**
 * When a file is worth the pool: workers pay off only on a file with several runs of chunks
 * to hand out, so small files are read on the main thread, with the same output.
 */
import type { ChunkPool, EvtxFile } from '@evtxhunt/evtx/node';

/**
 * Files with fewer chunk slots (2 MiB) are read on the main thread. Tests that hold the pool's
 * output to the main thread's on small files set EVTXHUNT_POOL_MIN_SLOTS=0.
 */
export const MIN_POOLED_SLOTS = 32;

/** True when `evtx` should be read through `pool` (there is one, and the file is large enough). */
export function pooledFile<Output>(
  pool: ChunkPool<Output> | undefined,
  evtx: EvtxFile,
  env: NodeJS.ProcessEnv = process.env,
): pool is ChunkPool<Output> {
  return pool !== undefined && evtx.summary.chunks.slots >= minPooledSlots(env);
}

function minPooledSlots(env: NodeJS.ProcessEnv): number {
  const text = env['EVTXHUNT_POOL_MIN_SLOTS'];
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : MIN_POOLED_SLOTS;
}
