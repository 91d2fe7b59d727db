/**
 * A pool of parse workers. Files wait in a queue and up to `size` are read at once; each file's
 * chunk slots are split into tasks that go to whichever worker has the fewest (file-read.ts),
 * so one large file parses on every worker and several files share them; an export (XML, JSON,
 * CSV) is read whole by one worker (export-read.ts). Replies are routed by
 * request id. The pool knows workers only through `WorkerPort`, so tests can run it on
 * in-process handlers.
 */
import { checkSlotsPerRead, SLOTS_PER_TASK } from '@evtxhunt/evtx';

import type {
  ExportReply,
  SlotsReply,
  SlotsRequest,
  WorkerReply,
  WorkerRequest,
} from '../protocol.js';
import { ExportRead, type ExportChannel, type ExportContext } from './export-read.js';
import {
  FileRead,
  type FileToRead,
  type ParseListener,
  type ReadContext,
  type SlotsTask,
} from './file-read.js';
import { SniffedRead, type Read } from './sniffed-read.js';

export type { ParseListener } from './file-read.js';

/** The part of a `Worker` the pool uses. */
export interface WorkerPort {
  postMessage(request: WorkerRequest): void;
  onmessage: ((event: { readonly data: WorkerReply }) => void) | null;
  /** Called when the worker cannot start (its script failed to load) or dies. */
  onerror?: ((event: { readonly message?: string }) => void) | null;
  terminate(): void;
}

/**
 * Tasks of one file sent and not yet taken in, per worker: two keep a worker busy while the
 * page takes in the answer before, and bound what waits on the page.
 */
const TASKS_PER_WORKER = 2;

interface WaitingFile {
  readonly id: number;
  readonly file: Blob;
  readonly name: string;
  readonly listener: ParseListener;
}

interface PendingTask {
  readonly read: Read;
  /** Takes a reply to the task; true when the task wants no more. */
  take(reply: SlotsReply | ExportReply): boolean;
  /** A slot task's request, sent again if its worker dies; absent for an export's reading. */
  readonly request?: SlotsRequest;
  /** Workers the task was sent to so far. */
  runs: number;
}

/**
 * Workers a slot task is sent to at most: one that dies takes its tasks down with it, and they
 * are sent once more, to another worker (a new one, while the pool may start one).
 */
const TASK_RUNS = 2;

interface WorkerSlot {
  readonly port: WorkerPort;
  /** Tasks sent to this worker and not answered, by request id. */
  readonly tasks: Map<number, PendingTask>;
}

interface XmlWaiter {
  readonly slot: WorkerSlot;
  resolve(xml: string): void;
  reject(error: Error): void;
}

/** How a pool splits files. */
export interface ParsePoolOptions {
  /** Chunk slots in one task, 1-64; default SLOTS_PER_TASK (16, 1 MiB), as in Node. */
  readonly slotsPerTask?: number;
}

/** Parses files on up to `size` workers made by `spawn`. */
export class ParsePool {
  readonly #slots: WorkerSlot[] = [];
  readonly #queue: WaitingFile[] = [];
  readonly #reads = new Map<number, Read>();
  readonly #xml = new Map<number, XmlWaiter>();
  readonly #slotsPerTask: number;
  #nextId = 1;

  /** Throws a RangeError for a size or option out of range. */
  constructor(
    private readonly spawn: () => WorkerPort,
    readonly size: number,
    options: ParsePoolOptions = {},
  ) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`pool size ${size} is not >= 1`);
    this.#slotsPerTask = checkSlotsPerRead(options.slotsPerTask ?? SLOTS_PER_TASK);
  }

  /** Queues `file` for parsing; returns the id that `cancel` takes. */
  parse(file: Blob, name: string, listener: ParseListener): number {
    const id = this.#nextId++;
    this.#queue.push({ id, file, name, listener });
    this.pump();
    return id;
  }

  /** Stops parse `id`: a waiting one is dropped, a running one ends with the rows it has. */
  cancel(id: number): void {
    const read = this.#reads.get(id);
    if (read !== undefined) {
      read.cancel();
      return;
    }
    const index = this.#queue.findIndex((waiting) => waiting.id === id);
    if (index < 0) return;
    const [waiting] = this.#queue.splice(index, 1);
    waiting?.listener.dropped();
  }

  /** Stops every parse, waiting or running. */
  cancelAll(): void {
    const ids = [...this.#queue.map((waiting) => waiting.id), ...this.#reads.keys()];
    for (const id of ids) this.cancel(id);
  }

  /** Parses waiting or running. */
  get pending(): number {
    return this.#queue.length + this.#reads.size;
  }

  /** Reads one record of `file` again and resolves to its XML. */
  xml(file: Blob, name: string, chunk: number, offset: number): Promise<string> {
    const id = this.#nextId++;
    const slot = this.leastBusy();
    return new Promise((resolve, reject) => {
      this.#xml.set(id, { slot, resolve, reject });
      slot.port.postMessage({ kind: 'xml', id, file, name, chunk, offset });
    });
  }

  /**
   * Starts every worker now, so their script is fetched while the page's server is still
   * there: after that, files open offline.
   */
  warm(): void {
    while (this.#slots.length < this.size) this.addSlot();
  }

  /** Ends every worker; pending requests are left unanswered. */
  dispose(): void {
    for (const slot of this.#slots) slot.port.terminate();
    this.#slots.length = 0;
  }

  /** Starts waiting files while fewer than `size` are read. */
  private pump(): void {
    while (this.#queue.length > 0 && this.#reads.size < this.size) {
      const { id, file, name, listener } = this.#queue.shift() as WaitingFile;
      const read: Read = new SniffedRead(file, (isExport) => {
        const ended = () => this.ended(id);
        if (isExport) {
          const context: ExportContext = {
            open: (toRead, take) => this.open(read, toRead, take),
            ended,
          };
          return new ExportRead({ id, file, name }, listener, context);
        }
        const submit = (task: SlotsTask): Promise<SlotsReply> => this.submit(read, task);
        const context: ReadContext = { submit, ended };
        const split = { window: this.size * TASKS_PER_WORKER, slotsPerTask: this.#slotsPerTask };
        return new FileRead({ id, file, name }, listener, context, split);
      });
      this.#reads.set(id, read);
      void read.start();
    }
  }

  private ended(id: number): void {
    this.#reads.delete(id);
    for (const slot of this.#slots) slot.port.postMessage({ kind: 'forget', parse: id });
    this.pump();
  }

  /** Sends `task` to the worker with the fewest tasks, starting one if the pool may. */
  private submit(read: Read, task: SlotsTask): Promise<SlotsReply> {
    const request: SlotsRequest = { kind: 'slots', id: this.#nextId++, ...task };
    return new Promise((resolve) => {
      const take = (reply: SlotsReply | ExportReply) => {
        if (reply.kind === 'slots') resolve(reply);
        else read.fail('unexpected reply');
        return true;
      };
      this.send({ read, take, request, runs: 0 });
    });
  }

  /** Sends a slot task to the worker with the fewest tasks. */
  private send(task: PendingTask & { readonly request: SlotsRequest }): void {
    const slot = this.leastBusy();
    task.runs++;
    slot.tasks.set(task.request.id, task);
    slot.port.postMessage(task.request);
  }

  /** Sends export `file` to the worker with the fewest tasks; its replies go to `take`. */
  private open(
    read: Read,
    { file, name }: FileToRead,
    take: (reply: ExportReply) => void,
  ): ExportChannel {
    const id = this.#nextId++;
    const slot = this.leastBusy();
    const taken = (reply: SlotsReply | ExportReply) => {
      if (reply.kind !== 'export') {
        read.fail('unexpected reply');
        return true;
      }
      take(reply);
      return reply.done;
    };
    slot.tasks.set(id, { read, take: taken, runs: 1 });
    slot.port.postMessage({ kind: 'export', id, file, name });
    return {
      more: () => slot.port.postMessage({ kind: 'more', id }),
      stop: () => {
        slot.tasks.delete(id);
        slot.port.postMessage({ kind: 'more', id, stop: true });
      },
    };
  }

  /** A free worker, a new one while fewer than `size` run, else the one with the fewest tasks. */
  private leastBusy(): WorkerSlot {
    const free = this.#slots.find((slot) => slot.tasks.size === 0);
    if (free !== undefined) return free;
    if (this.#slots.length < this.size) return this.addSlot();
    return this.#slots.reduce((a, b) => (b.tasks.size < a.tasks.size ? b : a));
  }

  private addSlot(): WorkerSlot {
    const slot: WorkerSlot = { port: this.spawn(), tasks: new Map() };
    slot.port.onmessage = (event) => this.receive(slot, event.data);
    slot.port.onerror = (event) => this.lost(slot, event.message);
    this.#slots.push(slot);
    return slot;
  }

  /**
   * A worker could not start or died: its slot tasks are sent again to another worker (a new
   * one while the pool may start one), each up to TASK_RUNS workers in all; a file with a task
   * past that, or being read as an export, fails, and so do the worker's XML requests. The
   * rest go on. TODO: an export's reading is not started again (the rows it sent would come
   * twice), so a worker lost while reading an export fails that file.
   */
  private lost(slot: WorkerSlot, reason: string | undefined): void {
    const index = this.#slots.indexOf(slot);
    if (index < 0) return;
    this.#slots.splice(index, 1);
    slot.port.terminate();

    const message = `the parse worker could not start or stopped (${reason || 'no reason given'}); reload the page while its server runs`;
    this.failXml(slot, message);
    const tasks = [...slot.tasks.values()];
    slot.tasks.clear();
    const failed = new Set(
      tasks.filter((task) => !task.request || task.runs >= TASK_RUNS).map((task) => task.read),
    );
    for (const task of tasks) {
      if (task.request !== undefined && !failed.has(task.read)) {
        this.send({ ...task, request: task.request });
      }
    }
    for (const read of failed) read.fail(message);
  }

  private failXml(slot: WorkerSlot, message: string): void {
    for (const [id, waiter] of this.#xml) {
      if (waiter.slot !== slot) continue;
      this.#xml.delete(id);
      waiter.reject(new Error(message));
    }
  }

  private receive(slot: WorkerSlot, reply: WorkerReply): void {
    const waiter = this.#xml.get(reply.id);
    if (waiter !== undefined) {
      this.#xml.delete(reply.id);
      if (reply.kind === 'xml') waiter.resolve(reply.xml);
      else waiter.reject(new Error(reply.kind === 'failed' ? reply.message : 'unexpected reply'));
      return;
    }
    const task = slot.tasks.get(reply.id);
    if (task === undefined) return;
    if (reply.kind === 'slots' || reply.kind === 'export') {
      if (task.take(reply)) slot.tasks.delete(reply.id);
      return;
    }
    slot.tasks.delete(reply.id);
    task.read.fail(reply.kind === 'failed' ? reply.message : 'unexpected reply');
  }
}
