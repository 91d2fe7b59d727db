/**
 * Runs the tasks of a chunk job where it lives: in a worker thread, or on the main thread when
 * a pool lets it parse too. It opens the files it is asked about itself, reads each task's run
 * of slots with one read, parses every slot and runs the job on its records. A slot that
 * throws is reported failed and the others of the task are still given; a job that cannot be
 * loaded fails only the slots with records.
 */
import { TemplateCache } from '../binxml/template-cache.js';
import { CHUNK_SIZE } from '../chunk-header.js';
import { openFileSource } from '../node-source.js';
import { warmTemplates } from '../recover/warm-templates.js';
import { parseSlot, readRun } from '../slots.js';
import type { ByteSource } from '../source.js';
import { describeThrown, failedSlot } from './slot-failure.js';
import type {
  ChunkJob,
  ChunkJobFactory,
  TaskReply,
  TaskRequest,
  WorkerSlot,
  WorkerStart,
} from './protocol.js';

type OpenFile = ByteSource & { close(): Promise<void> };

/** The file a thread has open, and the templates compiled from its chunks so far. */
interface OpenEntry {
  readonly path: string;
  readonly source: Promise<OpenFile>;
  readonly templates: TemplateCache;
  /** Slots before this one have all been parsed into `templates` (recover/warm-templates.ts). */
  warmed: number;
}

/** The job, or why it could not be had (then only slots with records fail). */
type LoadedJob = { run: ChunkJob<unknown> } | { failure: string };

/**
 * One thread's state: the job, once loaded, and the file open now with the templates compiled
 * from its chunks so far (reuse is checked byte by byte, so tasks of one file share them).
 */
export class TaskRunner {
  private job: Promise<LoadedJob> | undefined;
  private open: OpenEntry | undefined;

  /** `thread` names where it runs, in the error of a file that cannot be read. */
  constructor(
    private readonly start: WorkerStart,
    private readonly thread = 'the worker thread',
  ) {}

  /** Every slot the request names, in slot order; never rejects. */
  async task(request: TaskRequest): Promise<TaskReply> {
    const { id, first, count } = request;
    const job = await this.loadJob();
    try {
      const open = await this.fileFor(request.file);
      const bytes = await readRun(await open.source, first, count);
      await warmTemplates(await open.source, request.file, { first, count, bytes }, open);
      return { kind: 'task', id, slots: runSlots(bytes, request, job, open.templates) };
    } catch (error) {
      // The file could not be read: every slot of the task fails alike.
      const cause = `${this.thread} could not read the file: ${describeThrown(error)}`;
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

  private loadJob(): Promise<LoadedJob> {
    this.job ??= importJob(this.start).then(
      (run): LoadedJob => ({ run }),
      (error: unknown): LoadedJob => ({
        failure: `the chunk job could not be loaded: ${describeThrown(error)}`,
      }),
    );
    return this.job;
  }

  private async fileFor(path: string): Promise<OpenEntry> {
    if (this.open?.path === path) return this.open;
    await this.close();
    const open = { path, source: openFileSource(path), templates: new TemplateCache(), warmed: 0 };
    this.open = open;
    return open;
  }
}

/** Parses each slot of the run and runs the job on it; a slot that throws is reported failed. */
function runSlots(
  bytes: Uint8Array,
  request: TaskRequest,
  job: LoadedJob,
  templates: TemplateCache,
): WorkerSlot[] {
  const slots: WorkerSlot[] = [];
  for (let i = 0; i < request.count; i++) {
    const index = request.first + i;
    const slotBytes = bytes.subarray(i * CHUNK_SIZE, (i + 1) * CHUNK_SIZE);
    slots.push(runSlot(slotBytes, index, request.file, job, templates));
  }
  return slots;
}

function runSlot(
  bytes: Uint8Array,
  index: number,
  file: string,
  job: LoadedJob,
  templates: TemplateCache,
): WorkerSlot {
  let parsed;
  try {
    parsed = parseSlot(bytes, index, file, templates);
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
