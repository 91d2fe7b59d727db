/**
 * The hash worker's work, apart from its entry so tests run it in-process: each file is read
 * piece by piece and hashed (file-hash.ts); files are hashed one at a time in the order asked,
 * so two files never compete for one core on top of the parse workers.
 */
import { hashBlob } from './file-hash.js';
import type { HashRequest, HashWorkerReply, HashWorkerRequest } from './hash-protocol.js';

/** Takes the page's requests and answers through `post`. */
export function createHashHandler(post: (reply: HashWorkerReply) => void) {
  const stops = new Map<number, AbortController>();
  let queue = Promise.resolve();

  async function hash(request: HashRequest, stop: AbortController): Promise<void> {
    try {
      const sha256 = await hashBlob(request.file, { signal: stop.signal });
      post({ kind: 'hashed', id: request.id, sha256 });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      post({ kind: 'failed', id: request.id, message: `${request.name}: ${message}` });
    } finally {
      stops.delete(request.id);
    }
  }

  return (request: HashWorkerRequest): void => {
    if (request.kind === 'stop') {
      stops.get(request.id)?.abort(new Error('hashing stopped'));
      return;
    }
    const stop = new AbortController();
    stops.set(request.id, stop);
    queue = queue.then(() => hash(request, stop));
  };
}
