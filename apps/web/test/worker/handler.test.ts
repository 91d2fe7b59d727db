import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import type { SlotsReply, WorkerReply } from '../../src/protocol.js';
import { rowsOf } from '../../src/row-columns-read.js';
import { createWorkerHandler } from '../../src/worker/handler.js';
import { parseFile } from '../support/parse.js';
import { ISSUE43 } from '../support/paths.js';

async function issue43Blob(): Promise<Blob> {
  return new Blob([await readFile(ISSUE43)]);
}

function slotsReplies(replies: readonly WorkerReply[]): SlotsReply[] {
  return replies.filter((reply): reply is SlotsReply => reply.kind === 'slots');
}

test('the worker handler answers slot tasks with each slot and its rows, in slot order', async () => {
  const replies: WorkerReply[] = [];
  const handle = createWorkerHandler((reply) => void replies.push(reply));
  const file = await issue43Blob();
  const slots = Math.ceil((file.size - 0x1000) / 0x10000);

  await handle({ kind: 'slots', id: 7, parse: 1, file, name: 'issue43.evtx', first: 0, count: 16 });
  const rest = slots - 16;
  await handle({
    kind: 'slots',
    id: 8,
    parse: 1,
    file,
    name: 'issue43.evtx',
    first: 16,
    count: rest,
  });

  const answered = slotsReplies(replies);
  assert.deepEqual(
    answered.map((reply) => [reply.id, reply.slots.length]),
    [
      [7, 16],
      [8, rest],
    ],
  );
  const indexes = answered.flatMap((reply) => reply.slots.map((slot) => slot.info.index));
  assert.deepEqual(indexes, [...Array(slots).keys()]);
  const rows = answered.flatMap((reply) => rowsOf(reply.batch));
  assert.deepEqual(rows, (await parseFile(ISSUE43)).rows);
  const counted = answered.flatMap((reply) => reply.slots.map((slot) => slot.rows));
  assert.deepEqual(
    counted,
    answered.flatMap((reply) => reply.slots.map((slot) => slot.info.records)),
  );
});

test('the worker handler reports the slots of a task it cannot read as failed, not the task', async () => {
  const replies: WorkerReply[] = [];
  const handle = createWorkerHandler((reply) => void replies.push(reply));
  const moved = {
    size: 0x31000,
    slice: () => ({ arrayBuffer: () => Promise.reject(new Error('the file was moved')) }),
  } as unknown as Blob;

  await handle({ kind: 'slots', id: 3, parse: 2, file: moved, name: 'a.evtx', first: 1, count: 2 });

  const [reply] = slotsReplies(replies);
  assert.equal(replies.length, 1);
  assert.deepEqual(
    reply?.slots.map((slot) => [slot.info.index, slot.rows, slot.diagnostics[0]?.message]),
    [1, 2].map((index) => [
      index,
      0,
      `slot ${index} not read: the parse worker could not read the file: Error: the file was moved`,
    ]),
  );
  assert.equal(reply?.batch.count, 0);
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
