import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { openAsBlob } from 'node:fs';
import { readFile } from 'node:fs/promises';

import { createHashHandler } from '../../src/session/hash-handler.js';
import type { HashWorkerReply, HashWorkerRequest } from '../../src/session/hash-protocol.js';
import { FileHasher, type HashPort } from '../../src/session/hasher.js';
import { ISSUE43 } from '../support/paths.js';

/** A port that runs the hash worker's handler in this thread, answering asynchronously. */
function inProcessPort(): HashPort & { readonly asked: HashWorkerRequest[] } {
  const asked: HashWorkerRequest[] = [];
  const port: HashPort & { readonly asked: HashWorkerRequest[] } = {
    asked,
    onmessage: null,
    postMessage(request) {
      asked.push(request);
      handle(request);
    },
  };
  const handle = createHashHandler((reply: HashWorkerReply) =>
    queueMicrotask(() => port.onmessage?.({ data: reply })),
  );
  return port;
}

test('FileHasher hashes files one after another through the worker handler', async () => {
  const hasher = new FileHasher(inProcessPort());
  const sample = hasher.hash(await openAsBlob(ISSUE43), 'sample.evtx');
  const small = hasher.hash(new Blob(['abc']), 'abc.txt');
  assert.equal(
    await sample.sha256,
    createHash('sha256')
      .update(await readFile(ISSUE43))
      .digest('hex'),
  );
  assert.equal(
    await small.sha256,
    'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
  );
});

test('FileHasher.stop rejects the hash with the file named; the next file is still hashed', async () => {
  const port = inProcessPort();
  const hasher = new FileHasher(port);
  const stopped = hasher.hash(await openAsBlob(ISSUE43), 'sample.evtx');
  stopped.stop();
  const next = hasher.hash(new Blob(['']), 'empty');
  await assert.rejects(stopped.sha256, /^Error: sample\.evtx: hashing stopped$/);
  assert.equal(
    await next.sha256,
    'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  );
  assert.deepEqual(
    port.asked.map((request) => [request.kind, request.id]),
    [
      ['hash', 1],
      ['stop', 1],
      ['hash', 2],
    ],
  );
});
