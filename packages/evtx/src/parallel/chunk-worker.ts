/**
 * A worker thread of a chunk pool: opens the files it is asked about itself, reads each task's
 * run of slots with one read, parses every slot and runs the job on its records. A slot that
 * throws is reported failed and the others of the task are still sent; a job that cannot be
 * loaded fails only the slots with records.
 */
import { parentPort, workerData } from 'node:worker_threads';

import { CHUNK_SIZE } from '../chunk-header.js';
import { openFileSource } from '../node-source.js';
import { parseSlot, readRun } from '../slots.js';
import type { ByteSource } from '../source.js';
import { describeThrown, failedSlot } from './slot-failure.js';
import { ownBuffer } from './protocol.js';
import type {
  ChunkJob,
  ChunkJobFactory,
  PoolRequest,
  TaskReply,
  TaskRequest,
  WorkerSlot,
  WorkerStart,
} from './protocol.js';

type OpenFile = ByteSource & { close(): Promise<void> };

/** The job, or why it could not be had (then only slots with records fail). */
type LoadedJob = { run: ChunkJob<unknown> } | { failure: string };

/** One thread's state: the job, once loaded, and the file open now. */
class ChunkWorker {
  private job: Promise<ChunkJob<unknown>> | undefined;
  private open: { path: string; source: Promise<OpenFile> } | undefined;

  constructor(private readonly start: WorkerStart) {}

  async task(request: TaskRequest): Promise<TaskReply> {
    const { id, first, count } = request;
    const job = await this.loadJob().then(
      (run): LoadedJob => ({ run }),
      (error: unknown): LoadedJob => ({
        failure: `the chunk job could not be loaded: ${describeThrown(error)}`,
      }),
    );
    try {
      const source = await this.sourceFor(request.file);
      const bytes = await readRun(source, first, count);
      return { kind: 'task', id, slots: runSlots(bytes, request, job) };
    } catch (error) {
      // The file could not be read: every slot of the task fails alike.
      const cause = `the worker thread could not read the file: ${describeThrown(error)}`;
      const slots = Array.from({ length: count }, (_, i) => failedSlot(first + i, cause));
      return { kind: 'task', id, slots };
    }
  }

  /** Closes the open file, if one opened. */
  async close(): Promise<void> {
    const open = this.open;
    this.open = undefined;
    const source = await open?.source.catch(() => undefined);
    await source?.close();
  }

  private loadJob(): Promise<ChunkJob<unknown>> {
    this.job ??= importJob(this.start);
    return this.job;
  }

  private async sourceFor(path: string): Promise<OpenFile> {
    if (this.open?.path === path) return this.open.source;
    await this.close();
    const source = openFileSource(path);
    this.open = { path, source };
    return source;
  }
}

/** Parses each slot of the run and runs the job on it; a slot that throws is reported failed. */
function runSlots(bytes: Uint8Array, request: TaskRequest, job: LoadedJob): WorkerSlot[] {
  const slots: WorkerSlot[] = [];
  for (let i = 0; i < request.count; i++) {
    const index = request.first + i;
    const slotBytes = bytes.subarray(i * CHUNK_SIZE, (i + 1) * CHUNK_SIZE);
    slots.push(runSlot(slotBytes, index, request.file, job));
  }
  return slots;
}

function runSlot(bytes: Uint8Array, index: number, file: string, job: LoadedJob): WorkerSlot {
  let parsed;
  try {
    parsed = parseSlot(bytes, index, file);
  } catch (error) {
    return failedSlot(index, `parsing threw ${describeThrown(error)}`);
  }

  const { info, diagnostics, recordIds, records } = parsed;
  if (records.length === 0) return { info, diagnostics, recordIds, output: undefined };
  if ('failure' in job) return failedSlot(index, job.failure, parsed);
  try {
    return { info, diagnostics, recordIds, output: job.run(records, info) };
  } catch (error) {
    return failedSlot(index, `the chunk job threw ${describeThrown(error)}`, parsed);
  }
}

async function importJob(start: WorkerStart): Promise<ChunkJob<unknown>> {
  const module: { createChunkJob?: unknown } = await import(start.module);
  const factory = module.createChunkJob;
  if (typeof factory !== 'function') {
    throw new TypeError(`job module ${start.module} does not export a createChunkJob function`);
  }
  return (factory as ChunkJobFactory<unknown, unknown>)(start.options);
}

/**
 * The buffers of byte outputs that own their whole buffer: moved to the main thread rather
 * than copied. A view into a larger buffer is copied, since moving it would take the rest.
 */
function ownBuffers(reply: TaskReply): ArrayBuffer[] {
  const buffers: ArrayBuffer[] = [];
  for (const { output } of reply.slots) {
    const buffer = ownBuffer(output);
    if (buffer !== undefined) buffers.push(buffer);
  }
  return buffers;
}

function serve(): void {
  const port = parentPort;
  if (port === null) throw new Error('chunk-worker.js must run as a worker thread');
  const worker = new ChunkWorker(workerData as WorkerStart);

  // Tasks are handled one at a time, in the order they came.
  let queue = Promise.resolve();
  port.on('message', (request: PoolRequest) => {
    // Recycled buffers need nothing done: they are garbage here, freed at the next collection.
    if (request.kind === 'recycle') return;
    queue = queue.then(async () => {
      if (request.kind === 'close') {
        await worker.close();
        port.close();
        return;
      }
      const reply = await worker.task(request);
      port.postMessage(reply, ownBuffers(reply));
    });
  });
}

serve();
