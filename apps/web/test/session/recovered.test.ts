/**
 * Recovered records through the whole page pipeline, on in-process workers: the crafted log of
 * support/recovered-log.ts (slot 1's header destroyed) read through the pool, its rows flagged
 * in the store, counted in the file's status line, found by `recovered:true` and kept in the
 * exports. Its figures: slot 0 holds records 1-206 (live); 207-230 went with slot 1's first
 * 8 KiB; 231-400 are recovered by their signatures.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { exportRows } from '../../src/hunt/export.js';
import { PAGE_PACER } from '../../src/hunt/slices.js';
import { ParsePool, type WorkerPort } from '../../src/pool/worker-pool.js';
import type { WorkerReply, WorkerRequest } from '../../src/protocol.js';
import { statusLine } from '../../src/files/describe.js';
import { Workbench } from '../../src/session/workbench.js';
import { eventDetails } from '../../src/ui/details/event-details.js';
import { createWorkerHandler } from '../../src/worker/handler.js';
import { recoveredLog } from '../support/recovered-log.js';
import { translator } from '../../src/i18n/translator.js';

const LIVE = 206;
const RECOVERED = 170;

function inProcessPort(): WorkerPort {
  const port: WorkerPort = {
    onmessage: null,
    terminate: () => undefined,
    postMessage: (request: WorkerRequest) => queueMicrotask(() => void handle(request)),
  };
  const handle = createWorkerHandler((reply: WorkerReply) => port.onmessage?.({ data: reply }));
  return port;
}

/** A workbench that has read the crafted log, and a way to let its queued work run. */
async function loaded() {
  const tasks: (() => void)[] = [];
  const bench = new Workbench({
    pool: new ParsePool(inProcessPort, 2),
    schedule: (task) => void tasks.push(task),
    now: () => 0,
  });
  const settle = async () => {
    for (let round = 0; round < 5000 && (bench.loading || tasks.length > 0); round++) {
      await new Promise((resolve) => setTimeout(resolve, 1));
      for (const task of tasks.splice(0)) task();
    }
  };
  bench.open([{ blob: new Blob([recoveredLog()]), name: 'recovered.evtx' }]);
  await settle();
  return { bench, settle };
}

/** The record ids of the rows the view shows. */
function viewIds(bench: Workbench): string[] {
  const view = bench.view.value;
  return Array.from(
    { length: view.length },
    (_, i) => bench.store.cell(view.row(i), 'recordId') ?? '',
  );
}

test('Workbench flags recovered rows in the store and counts them in the status line', async () => {
  const { bench } = await loaded();
  const store = bench.store;

  assert.equal(store.rowCount, LIVE + RECOVERED);
  assert.equal(store.recoveredCount, RECOVERED);
  const flagged = viewIds(bench).filter((_, row) => store.recovered(row));
  assert.equal(flagged[0], '231');
  assert.equal(flagged.at(-1), '400');
  assert.equal(store.recovered(0), false);
  assert.equal(store.recovered(store.rowCount - 1), true);

  const [file] = bench.files.value;
  assert.equal(file?.summary?.records.read, LIVE);
  assert.equal(file?.summary?.records.recovered, RECOVERED);
  assert.match(
    file === undefined ? '' : statusLine(file, translator('en')),
    /^206 records read, 170 recovered \(marked, not live\) · /,
  );
  assert.equal(eventDetails(store, 0).recovered, false);
  assert.equal(eventDetails(store, store.rowCount - 1).recovered, true);
});

test('FilterSession answers recovered:true with the recovered rows only, without a warning', async () => {
  const { bench, settle } = await loaded();

  assert.equal(bench.filter.setQuery('recovered:true'), true);
  await settle();
  assert.deepEqual(bench.filter.warnings.value, []);
  const ids = viewIds(bench);
  assert.equal(ids.length, RECOVERED);
  assert.deepEqual([ids[0], ids.at(-1)], ['231', '400']);

  bench.filter.setQuery('-recovered:true');
  await settle();
  assert.equal(bench.view.value.length, LIVE);
  bench.filter.setQuery('Recovered:FALSE eventId:1');
  await settle();
  assert.equal(bench.view.value.length, LIVE, 'the name and the value ignore case');
});

test('exportRows keeps the flag: a recovered column in CSV, "recovered":true in JSON Lines', async () => {
  const { bench } = await loaded();
  const spec = {
    store: bench.store,
    view: bench.view.value,
    columns: ['recordId', 'eventId'],
    timeZone: 'UTC',
  } as const;

  const csv = await exportRows({ ...spec, format: 'csv' }, PAGE_PACER);
  const csvLines = (await csv?.blob.text())?.split('\r\n') ?? [];
  assert.equal(csvLines[1], 'recordId,eventId,recovered');
  assert.equal(csvLines[2], '1,1,false');
  assert.equal(csvLines.filter((line) => line.endsWith(',true')).length, RECOVERED);
  assert.equal(csvLines.at(-2), '400,1,true');

  const jsonl = await exportRows({ ...spec, format: 'jsonl' }, PAGE_PACER);
  const records = ((await jsonl?.blob.text()) ?? '')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as { recordId: string; recovered?: boolean });
  assert.equal(records.length, LIVE + RECOVERED);
  assert.equal(records.filter((record) => record.recovered === true).length, RECOVERED);
  assert.equal(records[0]?.recovered, undefined, 'a live record has no flag, as dump writes');
  assert.deepEqual(records.at(-1)?.recovered, true);
});
