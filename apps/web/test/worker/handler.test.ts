import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import type { WorkerReply } from '../../src/protocol.js';
import { createWorkerHandler } from '../../src/worker/handler.js';
import { ISSUE43 } from '../support/paths.js';

async function issue43Blob(): Promise<Blob> {
  return new Blob([await readFile(ISSUE43)]);
}

test('the worker handler answers a parse with rows, then done with the summary', async () => {
  const replies: WorkerReply[] = [];
  const handle = createWorkerHandler((reply) => void replies.push(reply));

  await handle({ kind: 'parse', id: 7, file: await issue43Blob(), name: 'issue43.evtx' });

  const rows = replies.filter((reply) => reply.kind === 'rows');
  const last = replies.at(-1);
  assert.equal(
    rows.reduce((sum, reply) => sum + reply.batch.rows.length, 0),
    1730,
  );
  assert.ok(replies.every((reply) => reply.id === 7));
  assert.equal(last?.kind, 'done');
  assert.equal(last?.kind === 'done' && last.summary.records.read, 1730);
  assert.equal(last?.kind === 'done' && last.cancelled, false);
});

test('the worker handler stops a parse cancelled before its first chunk', async () => {
  const replies: WorkerReply[] = [];
  const handle = createWorkerHandler((reply) => void replies.push(reply));

  const parsing = handle({ kind: 'parse', id: 1, file: await issue43Blob(), name: 'a.evtx' });
  await handle({ kind: 'cancel', id: 1 });
  await parsing;

  assert.deepEqual(
    replies.map((reply) => reply.kind),
    ['done'],
  );
  assert.equal(replies[0]?.kind === 'done' && replies[0].cancelled, true);
});

test('the worker handler answers xml, and failed with the reason when the record is not there', async () => {
  const replies: WorkerReply[] = [];
  const handle = createWorkerHandler((reply) => void replies.push(reply));
  const file = await issue43Blob();

  await handle({ kind: 'xml', id: 2, file, name: 'a.evtx', chunk: 0, offset: 0x1200 });
  await handle({ kind: 'xml', id: 3, file, name: 'a.evtx', chunk: 0, offset: 0x1201 });

  assert.equal(replies[0]?.kind, 'xml');
  assert.match(replies[0]?.kind === 'xml' ? replies[0].xml : '', /^<Event xmlns=/);
  assert.deepEqual(replies[1], {
    kind: 'failed',
    id: 3,
    message: 'a.evtx: no readable record at 0x1201 in chunk 0',
  });
});
