/**
 * A pool of parse workers: files wait in a queue and each free worker takes the next one, so
 * several files parse at once. Replies are routed by request id to the file's listener. The
 * pool knows workers only through `WorkerPort`, so tests can run it on in-process handlers.
 */
import type {
  BatchLimits,
  CompactRow,
  DoneReply,
  Progress,
  WorkerReply,
  WorkerRequest,
} from '../protocol.js';
import { unpackRows } from '../row-batch.js';

/** The part of a `Worker` the pool uses. */
export interface WorkerPort {
  postMessage(request: WorkerRequest): void;
  onmessage: ((event: { readonly data: WorkerReply }) => void) | null;
  /** Called when the worker cannot start (its script failed to load) or dies. */
  onerror?: ((event: { readonly message?: string }) => void) | null;
  terminate(): void;
}

/** What happens to one file's parse. */
export interface ParseListener {
  rows(rows: readonly CompactRow[], progress: Progress): void;
  done(reply: DoneReply): void;
  failed(message: string): void;
  /** Cancelled while still waiting for a worker: nothing was read. */
  dropped(): void;
}

interface ParseJob {
  readonly id: number;
  readonly file: Blob;
  readonly name: string;
  readonly listener: ParseListener;
  readonly batch: BatchLimits | undefined;
  worker?: WorkerSlot;
}

interface WorkerSlot {
  readonly port: WorkerPort;
  job: ParseJob | undefined;
}

interface XmlWaiter {
  readonly slot: WorkerSlot;
  resolve(xml: string): void;
  reject(error: Error): void;
}

/** Parses files on up to `size` workers made by `spawn`. */
export class ParsePool {
  readonly #slots: WorkerSlot[] = [];
  readonly #queue: ParseJob[] = [];
  readonly #jobs = new Map<number, ParseJob>();
  readonly #xml = new Map<number, XmlWaiter>();
  #nextId = 1;

  constructor(
    private readonly spawn: () => WorkerPort,
    readonly size: number,
  ) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`pool size ${size} is not >= 1`);
  }

  /** Queues `file` for parsing; returns the id that `cancel` takes. */
  parse(file: Blob, name: string, listener: ParseListener, batch?: BatchLimits): number {
    const job: ParseJob = { id: this.#nextId++, file, name, listener, batch };
    this.#jobs.set(job.id, job);
    this.#queue.push(job);
    this.pump();
    return job.id;
  }

  /** Stops parse `id`: a waiting one is dropped, a running one stops at the next record. */
  cancel(id: number): void {
    const job = this.#jobs.get(id);
    if (job === undefined) return;
    if (job.worker !== undefined) {
      job.worker.port.postMessage({ kind: 'cancel', id });
      return;
    }
    this.#queue.splice(this.#queue.indexOf(job), 1);
    this.#jobs.delete(id);
    job.listener.dropped();
  }

  /** Stops every parse, waiting or running. */
  cancelAll(): void {
    for (const id of [...this.#jobs.keys()]) this.cancel(id);
  }

  /** Parses waiting or running. */
  get pending(): number {
    return this.#jobs.size;
  }

  /** Reads one record of `file` again and resolves to its XML. */
  xml(file: Blob, name: string, chunk: number, offset: number): Promise<string> {
    const id = this.#nextId++;
    const slot = this.#slots.find((candidate) => candidate.job === undefined) ?? this.anySlot();
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

  private anySlot(): WorkerSlot {
    return this.#slots[0] ?? this.addSlot();
  }

  private addSlot(): WorkerSlot {
    const slot: WorkerSlot = { port: this.spawn(), job: undefined };
    slot.port.onmessage = (event) => this.receive(slot, event.data);
    slot.port.onerror = (event) => this.lost(slot, event.message);
    this.#slots.push(slot);
    return slot;
  }

  /** A worker could not start or died: its file and XML requests fail, the rest go on. */
  private lost(slot: WorkerSlot, reason: string | undefined): void {
    const index = this.#slots.indexOf(slot);
    if (index < 0) return;
    this.#slots.splice(index, 1);
    slot.port.terminate();

    const message = `the parse worker could not start or stopped (${reason || 'no reason given'}); reload the page while its server runs`;
    this.failXml(slot, message);
    const job = slot.job;
    slot.job = undefined;
    if (job !== undefined) {
      this.#jobs.delete(job.id);
      job.listener.failed(message);
    }
    this.pump();
  }

  private failXml(slot: WorkerSlot, message: string): void {
    for (const [id, waiter] of this.#xml) {
      if (waiter.slot !== slot) continue;
      this.#xml.delete(id);
      waiter.reject(new Error(message));
    }
  }

  /** Hands waiting files to free workers, adding workers up to the pool size. */
  private pump(): void {
    while (this.#queue.length > 0) {
      const free = this.#slots.find((slot) => slot.job === undefined);
      const slot = free ?? (this.#slots.length < this.size ? this.addSlot() : undefined);
      if (slot === undefined) return;
      this.start(slot, this.#queue.shift() as ParseJob);
    }
  }

  private start(slot: WorkerSlot, job: ParseJob): void {
    slot.job = job;
    job.worker = slot;
    const { id, file, name, batch } = job;
    slot.port.postMessage({ kind: 'parse', id, file, name, ...(batch ? { batch } : {}) });
  }

  private receive(slot: WorkerSlot, reply: WorkerReply): void {
    const waiter = this.#xml.get(reply.id);
    if (waiter !== undefined) {
      this.#xml.delete(reply.id);
      if (reply.kind === 'xml') waiter.resolve(reply.xml);
      else waiter.reject(new Error(reply.kind === 'failed' ? reply.message : 'unexpected reply'));
      return;
    }
    const job = this.#jobs.get(reply.id);
    if (job !== undefined) this.route(slot, job, reply);
  }

  private route(slot: WorkerSlot, job: ParseJob, reply: WorkerReply): void {
    if (reply.kind === 'rows') {
      job.listener.rows(unpackRows(reply.batch), reply.progress);
      return;
    }
    this.#jobs.delete(job.id);
    slot.job = undefined;
    if (reply.kind === 'done') job.listener.done(reply);
    else job.listener.failed(reply.kind === 'failed' ? reply.message : 'unexpected reply');
    this.pump();
  }
}
