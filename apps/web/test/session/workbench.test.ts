import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import { ParsePool, type WorkerPort } from '../../src/pool/worker-pool.js';
import type { WorkerReply, WorkerRequest } from '../../src/protocol.js';
import { Workbench } from '../../src/session/workbench.js';
import { filteredIndex } from '../../src/store/filter.js';
import { createWorkerHandler } from '../../src/worker/handler.js';
import { ISSUE43 } from '../support/paths.js';

function inProcessPort(): WorkerPort {
  const port: WorkerPort = {
    onmessage: null,
    terminate: () => undefined,
    postMessage: (request: WorkerRequest) => queueMicrotask(() => void handle(request)),
  };
  const handle = createWorkerHandler((reply: WorkerReply) => port.onmessage?.({ data: reply }));
  return port;
}

/** A workbench on in-process workers, a manual clock and a task queue run on demand. */
function testBench() {
  const tasks: (() => void)[] = [];
  let now = 0;
  const bench = new Workbench({
    pool: new ParsePool(inProcessPort, 2),
    schedule: (task) => void tasks.push(task),
    now: () => now,
  });
  const settle = async () => {
    for (let round = 0; round < 1000 && (bench.loading || tasks.length > 0); round++) {
      await new Promise((resolve) => setTimeout(resolve, 1));
      now += 10;
      for (const task of tasks.splice(0)) task();
    }
  };
  return { bench, settle };
}

test('Workbench.open reads files into one table, each with its status', async () => {
  const { bench, settle } = testBench();
  const blob = new Blob([await readFile(ISSUE43)]);

  bench.open([
    { blob, name: 'a.evtx' },
    { blob, name: 'b.evtx' },
  ]);
  await settle();

  assert.equal(bench.rowCount.value, 3460);
  assert.equal(bench.view.value.length, 3460);
  assert.deepEqual(
    bench.files.value.map((file) => [file.name, file.state, file.records]),
    [
      ['a.evtx', 'done', 1730],
      ['b.evtx', 'done', 1730],
    ],
  );
  assert.ok(bench.files.value.every((file) => (file.firstRowsMs ?? -1) >= 0));
  const fromB = filteredIndex(bench.store, (row) => bench.store.cell(row, 'file') === 'b.evtx');
  assert.equal(fromB.length, 1730, 'rows of both files interleave as batches arrive');
});

test('Workbench.toggleSort goes ascending, descending, then back to file order', async () => {
  const { bench, settle } = testBench();
  bench.open([{ blob: new Blob([await readFile(ISSUE43)]), name: 'a.evtx' }]);
  await settle();
  const firstCell = (key: string) => bench.store.cell(bench.view.value.row(0), key);

  bench.toggleSort('DestinationPort');
  assert.equal(firstCell('DestinationPort'), '53');
  bench.toggleSort('DestinationPort');
  assert.equal(firstCell('DestinationPort'), '57397');
  bench.toggleSort('DestinationPort');
  assert.equal(bench.sort.value, undefined);
  assert.equal(firstCell('recordId'), '1');
});

test('Workbench keeps the selected event selected across a sort', async () => {
  const { bench, settle } = testBench();
  bench.open([{ blob: new Blob([await readFile(ISSUE43)]), name: 'a.evtx' }]);
  await settle();

  bench.selected.value = 10;
  bench.toggleSort('eventId');
  const row = bench.view.value.row(bench.selected.value);

  assert.equal(row, 10);
  assert.notEqual(bench.selected.value, 10);
});

test('Workbench.xml reads the record of a row again; cancel stops a file', async () => {
  const { bench, settle } = testBench();
  const blob = new Blob([await readFile(ISSUE43)]);
  bench.open([{ blob, name: 'a.evtx' }]);
  await settle();

  const xml = await bench.xml(1729);
  bench.open([{ blob, name: 'b.evtx' }]);
  bench.cancel(1);
  await settle();

  assert.match(xml, /<EventRecordID>1730<\/EventRecordID>/);
  assert.equal(bench.files.value[1]?.state, 'cancelled');
  assert.ok(bench.rowCount.value < 3460);
});

test('Workbench.setColumnShown adds a column at the end and removes it', () => {
  const { bench } = testBench();

  bench.setColumnShown('DestinationIp', true);
  assert.equal(bench.columns.value.at(-1), 'DestinationIp');
  bench.setColumnShown('DestinationIp', false);
  assert.equal(bench.columns.value.includes('DestinationIp'), false);
});
