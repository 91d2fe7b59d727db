/**
 * A slot whose chunk header was destroyed borrows templates from the chunks before it
 * (destroyed-chunk.ts). A sequential reader has parsed them all by then; a thread that reads a
 * file in tasks (a worker thread, a Web Worker) may not have. Before such a slot it parses every
 * earlier slot it has not into its cache, once per file, so it recovers exactly what a
 * sequential reader does. Costly, but only for files with a destroyed chunk header.
 */
import type { TemplateCache } from '../binxml/template-cache.js';
import { CHUNK_SIZE, hasChunkSignature, isAllZero } from '../chunk-header.js';
import type { ChunkReadOptions } from '../chunk.js';
import { parseSlot, readRun } from '../slots.js';
import type { ByteSource } from '../source.js';

/** One thread's compiled templates for one file, and how far into the file they reach. */
export interface FileTemplates {
  readonly templates: TemplateCache;
  /** Slots before this one have all been parsed into `templates`. */
  warmed: number;
}

/** A task's run of slots: `count` slots from slot `first`, read as `bytes`. */
export interface SlotRun {
  readonly first: number;
  readonly count: number;
  readonly bytes: Uint8Array;
}

/** Parses into `file.templates` every slot before the run's first destroyed one not yet seen. */
export async function warmTemplates(
  source: ByteSource,
  name: string,
  run: SlotRun,
  file: FileTemplates,
  options?: ChunkReadOptions,
): Promise<void> {
  const destroyed = firstDestroyed(run);
  if (destroyed >= 0) await warmBefore(source, name, destroyed, file, options);
}

/**
 * Parses into `file.templates` every slot before slot `index` not yet seen, read with `options`
 * as a sequential reader reads them (slack records may define templates too).
 */
export async function warmBefore(
  source: ByteSource,
  name: string,
  index: number,
  file: FileTemplates,
  options?: ChunkReadOptions,
): Promise<void> {
  if (file.warmed >= index) return;

  for (let earlier = file.warmed; earlier < index; earlier++) {
    parseSlot(await readRun(source, earlier, 1), earlier, name, file.templates, options);
  }
  file.warmed = index;
}

/** The index of the run's first slot holding neither a chunk nor zeros; -1 when none. */
function firstDestroyed(run: SlotRun): number {
  for (let i = 0; i < run.count; i++) {
    const slot = run.bytes.subarray(i * CHUNK_SIZE, (i + 1) * CHUNK_SIZE);
    if (slot.length > 0 && !hasChunkSignature(slot) && !isAllZero(slot)) return run.first + i;
  }
  return -1;
}
