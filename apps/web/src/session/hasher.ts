/**
 * The page's side of the hash worker: each file gets a request id and a promise settled by the
 * reply with that id. The hasher knows the worker only through `HashPort`, so tests can run it
 * on the handler in-process.
 */
import type { HashWorkerReply, HashWorkerRequest } from './hash-protocol.js';

/** The part of a `Worker` the hasher uses. */
export interface HashPort {
  postMessage(request: HashWorkerRequest): void;
  onmessage: ((event: { readonly data: HashWorkerReply }) => void) | null;
}

/** A file's hash on its way, and how to stop it. */
export interface PendingHash {
  /** The SHA-256 in hex; rejects when the file cannot be read or the hash is stopped. */
  readonly sha256: Promise<string>;
  stop(): void;
}

interface Waiter {
  resolve(sha256: string): void;
  reject(error: Error): void;
}

/** Hashes files off the page's thread. */
export class FileHasher {
  readonly #port: HashPort;
  readonly #waiting = new Map<number, Waiter>();
  #nextId = 1;

  constructor(port: HashPort) {
    this.#port = port;
    port.onmessage = (event) => this.#receive(event.data);
  }

  /** Starts hashing `file`; files are hashed one after another in the order given. */
  hash(file: Blob, name: string): PendingHash {
    const id = this.#nextId++;
    const sha256 = new Promise<string>((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
    });
    this.#port.postMessage({ kind: 'hash', id, file, name });
    return { sha256, stop: () => this.#port.postMessage({ kind: 'stop', id }) };
  }

  #receive(reply: HashWorkerReply): void {
    const waiter = this.#waiting.get(reply.id);
    if (waiter === undefined) return;
    this.#waiting.delete(reply.id);
    if (reply.kind === 'failed') waiter.reject(new Error(reply.message));
    else waiter.resolve(reply.sha256);
  }
}
