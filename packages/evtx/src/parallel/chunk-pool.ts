/**
 * A pool of worker threads that parse the chunk slots of files on disk in parallel. Chunks are
 * independent, so each task is a run of slots one worker reads and parses on its own; the
 * results come back in slot order through the file's accountant, so the summary and the
 * diagnostics are the ones a sequential read gives. At most `window` tasks of a file are in
 * flight or waiting to be consumed, so memory stays flat whatever the file's size. With
 * `parseHere`, the reading thread parses too, rather than wait, and alone until a worker has
 * started: a worker's start-up then delays nothing.
 */
import { Worker } from 'node:worker_threads';

import type { ChunkInfo } from '../chunk.js';
import type { EvtxFile } from '../evtx-file.js';
import type { RecoveredToRead } from '../recover/duplicates.js';
import type { SlotAccountant } from '../slot-accountant.js';
import { checkSlotsPerRead, SLOTS_PER_TASK } from '../slots.js';
import { ownBuffer } from './protocol.js';
import type { JobSpec, TaskRequest, WorkerReply, WorkerSlot, WorkerStart } from './protocol.js';
import { describeThrown, failedSlot } from './slot-failure.js';
import { TaskRunner } from './task-runner.js';

/**
 * Tries a slot gets: a worker that dies takes its tasks with it, and their slots run once more,
 * one task each.
 */
const MAX_ATTEMPTS = 2;

/**
 * Tasks per thread in flight or waiting, by default. With four, a thread that fell a few tasks
 * behind (a collection, a busy machine) soon held up the others, done and waiting for the one
 * due next: with two threads on a loaded 2-core machine the main thread waited 1.2 s of a 1 GB
 * read with four, 0.2 s with eight. Callers with large outputs set `window` for their memory.
 */
const WINDOW_PER_THREAD = 8;

/**
 * Tasks a worker holds (running and queued) when the main thread parses too. Only the main
 * thread hands tasks out, and it cannot while it parses one itself, so a worker needs work
 * queued for longer than that: with two, a main thread held back on a loaded machine can leave
 * the worker idle; four give it room for a few of this thread's tasks.
 */
const WORKER_DEPTH_HELPED = 4;

/**
 * Near the end of a file, tasks shrink to this share of the slots left, down to one slot, so
 * the threads finish together instead of one waiting while another runs its last full tasks.
 */
const TAIL_TASKS = 16;

/** Each thread's young generation in MiB, by default. */
const YOUNG_GENERATION_MB = 16;

/** How a pool runs. */
export interface ChunkPoolOptions<Options> {
  /** Worker threads, 1 or more; started when first needed. */
  readonly threads: number;
  readonly job: JobSpec<Options>;
  /**
   * Whether the thread that reads from the pool parses too, running a task itself whenever
   * the next one due is not done yet and one is left that no worker has taken: `threads`
   * workers and this thread then share the slots. The job module is imported here as well.
   * TODO: a job that ends its thread (process.exit) ends the whole process when it runs here;
   * only the workers' slots are run again after such a death.
   */
  readonly parseHere?: boolean;
  /** Slots in one task, read by its worker with one read: 1-64, default 16 (1 MiB). */
  readonly slotsPerTask?: number;
  /**
   * Tasks of a file in flight or done but not yet consumed, at most; default 8 per parsing
   * thread (this one counts when it parses too).
   */
  readonly window?: number;
  /**
   * Each thread's young generation in MiB, default 16: parsing makes short-lived garbage, and
   * a smaller nursery keeps every thread's memory down for a little more collecting.
   */
  readonly youngGenerationMb?: number;
}

/** One slot, in slot order: its chunk table entry and the job's output, if it had records. */
export interface SlotOutput<Output> {
  readonly info: ChunkInfo;
  /** Undefined when the slot had no records, or failed (its diagnostics say why). */
  readonly output: Output | undefined;
  /**
   * Set on the outputs that come after every slot: the job's output for a slot's recovered
   * records that repeat no other record (recover/duplicates.ts); `info` is the slot's again.
   */
  readonly recovered?: true;
}

/** One task of a read, from planned to consumed. */
interface ReadTask {
  readonly first: number;
  readonly count: number;
  /** Settles when the task is done; undefined until a worker or this thread takes it. */
  done: Promise<void> | undefined;
  /** The task's slots, once it is done. */
  slots: readonly WorkerSlot[] | undefined;
}

interface PendingTask {
  readonly request: TaskRequest;
  attempts: number;
  settle(slots: readonly WorkerSlot[]): void;
}

interface PoolThread {
  worker: Worker | undefined;
  readonly tasks: Map<number, PendingTask>;
  /** What the worker threw before it died, if it did. */
  failure: string | undefined;
  /** True once the worker has loaded its job and can take tasks at once. */
  ready: boolean;
  /** Tasks the worker has answered since it started. */
  answered: number;
  /** Settles when the worker is ready or has ended; undefined while none runs. */
  started: Promise<void> | undefined;
}

/** Parses files' chunk slots on worker threads, running a job module on each slot's records. */
export class ChunkPool<Output> {
  readonly #threads: PoolThread[];
  readonly #start: WorkerStart;
  readonly #youngGenerationMb: number;
  readonly #slotsPerTask: number;
  readonly #window: number;
  /** This thread's runner, when it parses too. */
  readonly #here: TaskRunner | undefined;
  #nextId = 1;
  /** Which read of this pool each file object is, for its tasks' `pass`. */
  readonly #passes = new WeakMap<EvtxFile, number>();
  #closed = false;

  /**
   * Throws a RangeError for options out of range; no thread starts until a file is read or
   * `start` is called.
   */
  constructor(options: ChunkPoolOptions<unknown>) {
    const { threads, job } = options;
    if (!Number.isInteger(threads) || threads < 1) {
      throw new RangeError(`threads must be a whole number from 1, not ${threads}`);
    }
    this.#slotsPerTask = checkSlotsPerRead(options.slotsPerTask ?? SLOTS_PER_TASK);
    const parsers = threads + (options.parseHere === true ? 1 : 0);
    this.#window = options.window ?? parsers * WINDOW_PER_THREAD;
    if (!Number.isInteger(this.#window) || this.#window < 1) {
      throw new RangeError(`window must be a whole number from 1, not ${options.window}`);
    }
    this.#start = { module: String(job.module), options: job.options };
    this.#youngGenerationMb = options.youngGenerationMb ?? YOUNG_GENERATION_MB;
    this.#threads = Array.from({ length: threads }, () => emptyThread());
    this.#here =
      options.parseHere === true ? new TaskRunner(this.#start, 'the main thread') : undefined;
  }

  /**
   * Every slot of `evtx`, opened on the file at `path`, in slot order with the job's output;
   * records and diagnostics name the file as `evtx` does, whatever `path` is (a log unpacked
   * to a temporary file is read there under its own name).
   * `evtx.summary` fills as it goes, as with `evtx.records()`. A slot a worker could not
   * finish comes with no output and an error diagnostic naming the slot; others still come.
   */
  async *read(evtx: EvtxFile, path: string): AsyncGenerator<SlotOutput<Output>> {
    if (this.#closed) throw new Error(`chunk pool is closed; cannot read ${path}`);
    // A worker that cannot be made leaves this thread parsing alone (parseHere), or throws
    // again, to the reader, when a task is given to it.
    this.start().catch(() => undefined);
    const accountant = evtx.beginPass<WorkerSlot<Output>>();
    const slots = evtx.summary.chunks.slots;
    const queue: ReadTask[] = [];
    let next = 0;

    for (;;) {
      while (queue.length < this.#window && next < slots) {
        const count = taskSize(slots - next, this.#slotsPerTask);
        queue.push({ first: next, count, done: undefined, slots: undefined });
        next += count;
      }
      this.#handOut(queue, evtx, path);
      const head = queue[0];
      if (head === undefined) break;

      if (head.slots === undefined) {
        // Rather than wait for a worker, this thread runs the first task none has taken.
        const waiting = this.#here && queue.find((task) => task.done === undefined);
        if (waiting) await this.#runHere(waiting, evtx, path);
        else await head.done;
        continue;
      }
      queue.shift();
      for (const slot of head.slots) {
        yield* outputs(accountant.add(slot as WorkerSlot<Output>));
      }
    }
    yield* outputs(accountant.finish());
    yield* this.#readRecovered(accountant, evtx, path);
  }

  /**
   * After every slot, the recovered records that repeat no other record, slot by slot: each
   * slot is parsed again by a worker, which runs the job on those records only. At most
   * `window` slots are in flight.
   * A slot whose job throws here, or whose worker dies twice, comes with no output; the
   * accountant counts its records failed, with the worker's error.
   */
  async *#readRecovered(
    accountant: SlotAccountant<WorkerSlot<Output>>,
    evtx: EvtxFile,
    path: string,
  ): AsyncGenerator<SlotOutput<Output>> {
    const toRead = accountant.recoveredToRead();
    const pending: { entry: RecoveredToRead; slots: Promise<readonly WorkerSlot[]> }[] = [];
    let next = 0;
    while (next < toRead.length || pending.length > 0) {
      while (pending.length < this.#window && next < toRead.length) {
        const entry = toRead[next++] as RecoveredToRead;
        const task = { first: entry.index, count: 1, done: undefined, slots: undefined };
        const request = this.#request(evtx, path, task);
        const slots = this.#submit({ ...request, recovered: entry.offsets, late: entry.late });
        pending.push({ entry, slots });
      }
      const { entry, slots } = pending.shift() as (typeof pending)[number];
      for (const slot of (await slots) as readonly WorkerSlot<Output>[]) {
        accountant.settleRecovered(entry, slot.given ?? 0, slot.late, failureOf(slot));
        yield { info: slot.info, output: slot.output, recovered: true };
      }
    }
  }

  /**
   * Starts every worker thread not running yet; resolves once each has loaded the job (or
   * ended). Calling it before the first read, without waiting, overlaps the workers' start-up
   * with the caller's own work.
   */
  async start(): Promise<void> {
    if (this.#closed) return;
    for (const thread of this.#threads) {
      if (thread.worker === undefined) this.#spawn(thread);
    }
    await Promise.all(this.#threads.map((thread) => thread.started));
  }

  /**
   * Gives a byte output the caller is done with back to a worker thread, where it is freed at
   * the thread's next collection instead of waiting, with others, for the main thread's. The
   * bytes are gone from `output` after this. Outputs of other kinds are left alone.
   */
  recycle(output: unknown): void {
    const buffer = ownBuffer(output);
    const worker = this.#threads.find((thread) => thread.worker !== undefined)?.worker;
    if (buffer === undefined || worker === undefined || this.#closed) return;
    worker.postMessage({ kind: 'recycle', buffers: [buffer] }, [buffer]);
  }

  /** Ends every thread once the tasks it was given are done; the pool cannot be used after. */
  async close(): Promise<void> {
    this.#closed = true;
    const exits = this.#threads.map((thread) => {
      const worker = thread.worker;
      if (worker === undefined) return Promise.resolve();
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.postMessage({ kind: 'close' });
      return exited;
    });
    await Promise.all([...exits, this.#here?.close()]);
  }

  /**
   * Gives the worker threads the tasks of `queue` none has started, in order: all of them, or
   * when this thread parses too, only while some ready worker has fewer than
   * WORKER_DEPTH_HELPED, so the rest are left for this thread to take when it would otherwise
   * wait. Until a worker is ready this thread takes every task: one given to a worker still
   * starting would hold up the tasks after it.
   */
  #handOut(queue: readonly ReadTask[], evtx: EvtxFile, path: string): void {
    for (const task of queue) {
      if (task.done !== undefined) continue;
      if (this.#here !== undefined && this.#readyHelper() === undefined) return;
      task.done = this.#submit(this.#request(evtx, path, task)).then((slots) => {
        task.slots = slots;
      });
    }
  }

  /** Runs `task` on this thread; its slots are there once this resolves. */
  async #runHere(task: ReadTask, evtx: EvtxFile, path: string): Promise<void> {
    const runner = this.#here;
    if (runner === undefined) throw new Error('this chunk pool does not parse on the main thread');
    task.done = runner.task(this.#request(evtx, path, task)).then((reply) => {
      task.slots = reply.slots;
    });
    await task.done;
  }

  /** The request for `task`'s slots of `evtx`, read as `evtx` reads them. */
  #request(evtx: EvtxFile, file: string, task: ReadTask): TaskRequest {
    const { first, count } = task;
    const pass = this.#passOf(evtx);
    const name = evtx.summary.file;
    const read = evtx.readOptions;
    return { kind: 'task', id: this.#nextId++, file, name, pass, first, count, read };
  }
  /** A number of its own for each file object read (see TaskRequest.pass). */
  #passOf(evtx: EvtxFile): number {
    let pass = this.#passes.get(evtx);
    if (pass === undefined) {
      pass = this.#nextId++;
      this.#passes.set(evtx, pass);
    }
    return pass;
  }

  #submit(request: TaskRequest): Promise<readonly WorkerSlot[]> {
    return new Promise((settle) => this.#dispatch({ request, attempts: 1, settle }));
  }

  /** Hands the task to the thread with the fewest tasks, starting its worker if need be. */
  #dispatch(task: PendingTask): void {
    const thread = this.#leastBusy();
    const worker = thread.worker ?? this.#spawn(thread);
    thread.tasks.set(task.request.id, task);
    worker.postMessage(task.request);
  }

  /**
   * The thread with the fewest tasks: of the ready ones when there are (a retry may find
   * none), else of all.
   */
  #leastBusy(): PoolThread {
    const ready = this.#threads.filter((thread) => thread.ready);
    return (ready.length > 0 ? ready : this.#threads).reduce((a, b) =>
      b.tasks.size < a.tasks.size ? b : a,
    );
  }

  /**
   * A ready worker with room for a task when this thread parses too: WORKER_DEPTH_HELPED
   * tasks, but one more than it has answered while it starts, since its first tasks run slowly
   * (V8 compiles the parser in each thread) and the tasks after them wait.
   */
  #readyHelper(): PoolThread | undefined {
    const thread = this.#leastBusy();
    const depth = Math.min(WORKER_DEPTH_HELPED, thread.answered + 1);
    return thread.ready && thread.tasks.size < depth ? thread : undefined;
  }

  #spawn(thread: PoolThread): Worker {
    const worker = new Worker(new URL('./chunk-worker.js', import.meta.url), {
      workerData: this.#start,
      resourceLimits: { maxYoungGenerationSizeMb: this.#youngGenerationMb },
    });
    let started = (): void => undefined;
    thread.started = new Promise((resolve) => (started = resolve));
    worker.on('message', (reply: WorkerReply) => {
      if (reply.kind === 'ready') {
        thread.ready = true;
        started();
        return;
      }
      const task = thread.tasks.get(reply.id);
      thread.tasks.delete(reply.id);
      thread.answered++;
      task?.settle(reply.slots);
    });
    worker.on('error', (error) => (thread.failure = describeThrown(error)));
    worker.on('exit', (code) => {
      started();
      this.#lost(thread, code);
    });
    thread.worker = worker;
    thread.failure = undefined;
    thread.answered = 0;
    return worker;
  }

  /**
   * A worker ended. It ran its tasks in the order they came, so the first one unanswered is
   * the one it died on: that one runs again slot by slot (or, on its last try, is reported
   * failed slot by slot); the others never ran and go to the threads as they are.
   */
  #lost(thread: PoolThread, code: number): void {
    const [running, ...waiting] = [...thread.tasks.values()];
    const why = thread.failure ?? `exited with code ${code}`;
    thread.worker = undefined;
    thread.ready = false;
    thread.started = undefined;
    thread.tasks.clear();
    if (running === undefined) return;

    if (this.#closed) {
      for (const task of [running, ...waiting]) failTask(task, 'the chunk pool was closed');
      return;
    }
    if (running.attempts < MAX_ATTEMPTS) this.#retry(running);
    else failTask(running, `the worker thread died (${why}), ${running.attempts} times`);
    for (const task of waiting) this.#dispatch(task);
  }

  /**
   * Runs a task again one slot at a time, so a slot that kills its worker again takes only
   * itself down; the task settles when every slot has.
   */
  #retry(task: PendingTask): void {
    const { first, count } = task.request;
    const parts = Array.from({ length: count }, (_, i) => {
      const request: TaskRequest = {
        ...task.request,
        id: this.#nextId++,
        first: first + i,
        count: 1,
      };
      return new Promise<readonly WorkerSlot[]>((settle) =>
        this.#dispatch({ request, attempts: task.attempts + 1, settle }),
      );
    });
    void Promise.all(parts).then((slots) => task.settle(slots.flat()));
  }
}

/**
 * Slots in the next task when `left` slots of a file are left to plan: `slotsPerTask`, fewer
 * near the end (TAIL_TASKS), at least one.
 */
export function taskSize(left: number, slotsPerTask: number): number {
  return Math.min(slotsPerTask, Math.max(1, Math.ceil(left / TAIL_TASKS)));
}

/** Settles every slot of the task as failed with `cause`. */
function failTask(task: PendingTask, cause: string): void {
  const { first, count } = task.request;
  task.settle(Array.from({ length: count }, (_, i) => failedSlot(first + i, cause)));
}

function emptyThread(): PoolThread {
  return {
    worker: undefined,
    tasks: new Map(),
    failure: undefined,
    ready: false,
    answered: 0,
    started: undefined,
  };
}

/** A chunk that repeats an earlier one byte for byte (the accountant says so) gives no output. */
function outputs<Output>(slots: readonly WorkerSlot<Output>[]): SlotOutput<Output>[] {
  return slots.map(({ info, output }) => ({
    info,
    output: info.duplicateOf === undefined ? output : undefined,
  }));
}

/** The last error a worker gave for a slot, as the cause of records it did not give. */
function failureOf(slot: WorkerSlot): string | undefined {
  const errors = slot.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  return errors.at(-1)?.message;
}
