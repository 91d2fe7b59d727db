/**
 * The page's side of the hunt worker: each request gets an id and a promise settled by the
 * reply with that id. The link knows the worker only through `HuntPort`, so tests can run it
 * on the handler in-process.
 */
import { columnBuffers } from '../row-columns.js';
import type { HuntBatch } from './batch-records.js';
import type { AddRequest, HuntOutcome, HuntReply, HuntRequest } from './protocol.js';
import type { RuleFile } from './sigma-files.js';
import type { SigmaLoad } from './sigma-state.js';

/** The part of a `Worker` the link uses. */
export interface HuntPort {
  /** `transfer`: buffers moved to the worker, not copied (a batch's columns). */
  postMessage(request: HuntRequest, transfer?: Transferable[]): void;
  onmessage: ((event: { readonly data: HuntReply }) => void) | null;
}

/** Something that hunts over records sent to it. */
export interface Hunter {
  /**
   * Adds store rows (moving the batch's buffers away); resolves to how many records were added
   * in all once they are taken in. `to`: only the engine or only the Sigma rules take them.
   */
  add(batch: HuntBatch, to?: AddRequest['to']): Promise<number>;
  /** Compiles Sigma rules in the worker; rows added after this call go to them. */
  loadRules(files: readonly RuleFile[]): Promise<SigmaLoad>;
  /** Forgets the Sigma rules: rows added and reports asked for after this call have none. */
  forgetRules(): Promise<void>;
  /** Resolves to the report over every record added before this call. */
  report(): Promise<HuntOutcome>;
}

interface Waiter {
  resolve(reply: HuntReply): void;
  reject(error: Error): void;
}

/** A Hunter that runs in a worker behind `port`. */
export class HuntLink implements Hunter {
  readonly #port: HuntPort;
  readonly #waiting = new Map<number, Waiter>();
  #nextId = 1;

  constructor(port: HuntPort) {
    this.#port = port;
    port.onmessage = (event) => this.#receive(event.data);
  }

  async add(batch: HuntBatch, to?: AddRequest['to']): Promise<number> {
    const moved = [...columnBuffers(batch.rows), batch.files.buffer as ArrayBuffer];
    const request = (id: number): HuntRequest =>
      to === undefined ? { kind: 'add', id, batch } : { kind: 'add', id, batch, to };
    const reply = await this.#ask(request, moved);
    if (reply.kind !== 'added') throw new Error(`hunt add: the worker answered '${reply.kind}'`);
    return reply.records;
  }

  async loadRules(files: readonly RuleFile[]): Promise<SigmaLoad> {
    const reply = await this.#ask((id) => ({ kind: 'rules', id, files }));
    if (reply.kind !== 'rules') throw new Error(`hunt rules: the worker answered '${reply.kind}'`);
    return reply.load;
  }

  async forgetRules(): Promise<void> {
    const reply = await this.#ask((id) => ({ kind: 'forget-rules', id }));
    if (reply.kind !== 'rules-forgotten') {
      throw new Error(`hunt forget-rules: the worker answered '${reply.kind}'`);
    }
  }

  async report(): Promise<HuntOutcome> {
    const reply = await this.#ask((id) => ({ kind: 'report', id }));
    if (reply.kind !== 'report')
      throw new Error(`hunt report: the worker answered '${reply.kind}'`);
    return reply.outcome;
  }

  #ask(request: (id: number) => HuntRequest, transfer: Transferable[] = []): Promise<HuntReply> {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      this.#port.postMessage(request(id), transfer);
    });
  }

  #receive(reply: HuntReply): void {
    const waiter = this.#waiting.get(reply.id);
    if (waiter === undefined) return;
    this.#waiting.delete(reply.id);
    if (reply.kind === 'failed') waiter.reject(new Error(reply.message));
    else waiter.resolve(reply);
  }
}
