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
import { warmBefore, warmTemplates } from '../recover/warm-templates.js';
import {
  liveRecords,
  parseSlot,
  readRecoveredSlot,
  readRun,
  slotCount,
  type ParsedSlot,
} from '../slots.js';
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
  readonly pass: number;
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
      const open = await this.fileFor(request.file, request.pass);
      const bytes = await readRun(await open.source, first, count);
      const run = { first, count, bytes };
      await warmTemplates(await open.source, request.name, run, open, request.read);
      if (request.recovered !== undefined) {
        return { kind: 'task', id, slots: [await readRecovered(open, bytes, request, job)] };
      }
      return { kind: 'task', id, slots: await parseRun(open, bytes, request, job) };
    } catch (error) {
      // The file could not be read: every slot of the task fails alike.
      const cause = `${this.thread} could not read the file: ${describeThrown(error)}`;
      const slots = Array.from({ length: count }, (_, i) => failedSlot(first + i, cause));
      return { kind: 'task', id, slots };
    }
  }

  /** Loads the job now rather than with the first task; never rejects. */
  async prepare(): Promise<void> {
    await this.loadJob();
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

  private async fileFor(path: string, pass: number): Promise<OpenEntry> {
    if (this.open?.path === path && this.open.pass === pass) return this.open;
    await this.close();
    const source = openFileSource(path);
    const open = { path, pass, source, templates: new TemplateCache(), warmed: 0 };
    this.open = open;
    return open;
  }
}

/**
 * Parses each slot of the run and runs the job on it before the next, so only one slot's
 * records are held at a time; a slot that throws is reported failed. A slot with a record in
 * its unused space that could not be read is parsed again once the slots before it are warmed
 * (warmBefore): the record may borrow a template from an earlier chunk, as it does when read
 * sequentially. Costly, but only for files with such a record, and only once per file.
 */
async function parseRun(
  open: OpenEntry,
  bytes: Uint8Array,
  request: TaskRequest,
  job: LoadedJob,
): Promise<WorkerSlot[]> {
  const slots: WorkerSlot[] = [];
  for (let i = 0; i < request.count; i++) {
    const index = request.first + i;
    const slotBytes = bytes.subarray(i * CHUNK_SIZE, (i + 1) * CHUNK_SIZE);
    let slot = parseOne(slotBytes, index, open, request);
    if ('slackUnread' in slot && slot.slackUnread === true && open.warmed < index) {
      await warmBefore(await open.source, request.name, index, open, request.read);
      slot = parseOne(slotBytes, index, open, request);
    }
    slots.push(runJob(slot, job));
  }
  return slots;
}

function parseOne(
  bytes: Uint8Array,
  index: number,
  open: OpenEntry,
  request: TaskRequest,
): ParsedSlot | WorkerSlot {
  try {
    const slot = parseSlot(bytes, index, request.name, open.templates, request.read);
    return { ...slot, records: liveRecords(slot.records) };
  } catch (error) {
    return failedSlot(index, `parsing threw ${describeThrown(error)}`);
  }
}

/**
 * At the end of a pass, the recovered records of the one slot the request names, with the job
 * run on them. Records that waited for templates of later chunks need every chunk's: the
 * thread parses every slot of the file it has not yet, once per file.
 */
async function readRecovered(
  open: OpenEntry,
  bytes: Uint8Array,
  request: TaskRequest,
  job: LoadedJob,
): Promise<WorkerSlot> {
  const { first: index, recovered = [], late = [] } = request;
  const source = await open.source;
  if (late.length > 0)
    await warmBefore(source, request.name, slotCount(source.size), open, request.read);
  await warmTemplates(source, request.name, { first: index, count: 1, bytes }, open, request.read);
  const toRead = { index, offsets: recovered, late };
  try {
    const readHere = () =>
      readRecoveredSlot(bytes, toRead, request.name, open.templates, request.read);
    let read = readHere();
    // As in the pass (parseRun): a slack record may borrow a template from an earlier chunk.
    if (read.slot.slackUnread === true && open.warmed < index) {
      await warmBefore(source, request.name, index, open, request.read);
      read = readHere();
    }
    // The keys went to the accountant in the pass.
    const ran = runJob({ ...read.slot, keys: undefined }, job);
    // A job that threw gave nothing: its slot has no output.
    const given = ran.output === undefined ? 0 : read.slot.records.length;
    return { ...ran, late: read.late, given };
  } catch (error) {
    return failedSlot(index, `reading its recovered records threw ${describeThrown(error)}`);
  }
}

/** Runs the job on a parsed slot's (live) records; a job that throws fails the slot. */
function runJob(slot: ParsedSlot | WorkerSlot, job: LoadedJob): WorkerSlot {
  if (!('records' in slot)) return slot;

  const { info, diagnostics, recordIds, keys, records } = slot;
  if (records.length === 0) return { info, diagnostics, recordIds, keys, output: undefined };
  if ('failure' in job) return failedSlot(info.index, job.failure, slot);
  try {
    return { info, diagnostics, recordIds, keys, output: job.run(records, info) };
  } catch (error) {
    return failedSlot(info.index, `the chunk job threw ${describeThrown(error)}`, slot);
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
