import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import { ParsePool, type WorkerPort } from '../../src/pool/worker-pool.js';
import type { WorkerReply, WorkerRequest } from '../../src/protocol.js';
import { Workbench } from '../../src/session/workbench.js';
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

/**
 * A workbench on in-process workers and a task queue run on demand. Its clock moves by `tick`
 * ms each time it is read, so a filter pass that watches the clock is cut into slices.
 */
function testBench(tick = 0) {
  const tasks: (() => void)[] = [];
  let now = 0;
  let tasksRun = 0;
  const bench = new Workbench({
    pool: new ParsePool(inProcessPort, 2),
    schedule: (task) => void tasks.push(task),
    now: () => (now += tick),
  });
  const settle = async () => {
    for (let round = 0; round < 5000 && (bench.loading || tasks.length > 0); round++) {
      await new Promise((resolve) => setTimeout(resolve, 1));
      now += 10;
      const due = tasks.splice(0);
      tasksRun += due.length;
      for (const task of due) task();
    }
  };
  return { bench, settle, tasksRun: () => tasksRun };
}

async function loaded(tick = 0) {
  const setup = testBench(tick);
  setup.bench.open([{ blob: new Blob([await readFile(ISSUE43)]), name: 'sample.evtx' }]);
  await setup.settle();
  return setup;
}

function facet(bench: Workbench, key: string): [string, number][] | undefined {
  const found = bench.filter.facets.value.find((summary) => summary.key === key);
  return found?.values.map((value) => [value.text, value.count]);
}

test('FilterSession keeps the rows a query matches and the view shows only them', async () => {
  const { bench, settle } = await loaded();
  assert.equal(bench.filter.kept.value, undefined, 'no query keeps every row');
  assert.equal(facet(bench, 'eventId')?.length, 7);

  assert.equal(bench.filter.setQuery('eventId:3'), true);
  await settle();
  assert.equal(bench.view.value.length, 153);
  assert.equal(bench.store.cell(bench.view.value.row(0), 'eventId'), '3');
  assert.deepEqual(facet(bench, 'eventId'), [['3', 153]]);
  assert.deepEqual(facet(bench, 'level'), [['Information', 153]]);
  assert.equal(bench.filter.histogram.value?.total, 153);

  bench.toggleSort('DestinationPort');
  assert.equal(bench.view.value.length, 153, 'sorting keeps the filter');
  assert.equal(bench.store.cell(bench.view.value.row(0), 'DestinationPort'), '53');

  bench.filter.setQuery('');
  await settle();
  assert.equal(bench.view.value.length, 1730);
  assert.equal(bench.store.cell(bench.view.value.row(0), 'DestinationPort'), '53');
});

test('FilterSession cuts a pass into slices when the clock runs, with the same result', async () => {
  const { bench, settle, tasksRun } = testBench(20);
  const blob = new Blob([await readFile(ISSUE43)]);
  bench.open(['a', 'b', 'c'].map((name) => ({ blob, name: `${name}.evtx` })));
  await settle();
  const before = tasksRun();

  bench.filter.setQuery('-eventId:2 svchost');
  assert.equal(bench.filter.filtering.value, true);
  await settle();
  assert.equal(tasksRun() - before, 3, '5190 rows in slices of 2048, one per frame');
  assert.equal(bench.view.value.length, 3 * 290, 'as `evtxhunt dump --query` counts');
  assert.equal(bench.filter.filtering.value, false);
});

test('FilterSession shows the problem of a bad query and keeps the rows it had', async () => {
  const { bench, settle } = await loaded();
  bench.filter.setQuery('eventId:1');
  await settle();

  assert.equal(bench.filter.setQuery('CommandLine:/[/'), false);
  assert.deepEqual(bench.filter.problem.value, {
    start: 12,
    end: 15,
    message: 'bad regular expression /[/: Unterminated character class',
  });
  assert.equal(bench.filter.text.value, 'CommandLine:/[/');
  assert.equal(bench.filter.query.value, 'eventId:1');
  assert.equal(bench.view.value.length, 356);

  bench.filter.edit('Imagex:a');
  assert.equal(bench.filter.problem.value, undefined);
  assert.equal(bench.filter.warnings.value[0]?.message, 'no loaded event has a field named Imagex');
});

test('FilterSession applies a query given before any file, as a link does', async () => {
  const { bench, settle } = testBench();
  bench.filter.setQuery('eventId:3 OR eventId:16');
  bench.open([{ blob: new Blob([await readFile(ISSUE43)]), name: 'sample.evtx' }]);
  await settle();

  assert.equal(bench.view.value.length, 156);
  assert.equal(bench.rowCount.value, 1730);
});

test('FilterSession drops the "no loaded event has a field" warning once a file has it', async () => {
  const { bench, settle } = testBench();
  bench.filter.setQuery('DestinationPort:>1000 Imagex:a');
  assert.deepEqual(
    bench.filter.warnings.value.map((warning) => warning.message),
    [
      'no loaded event has a field named DestinationPort',
      'no loaded event has a field named Imagex',
    ],
  );

  bench.open([{ blob: new Blob([await readFile(ISSUE43)]), name: 'sample.evtx' }]);
  await settle();

  assert.deepEqual(
    bench.filter.warnings.value.map((warning) => warning.message),
    ['no loaded event has a field named Imagex'],
  );
});

test('FilterSession: include, exclude, added facets, zoom, minutes around, same process', async () => {
  const { bench, settle } = await loaded();
  const { filter } = bench;

  filter.include('eventId', '3');
  filter.exclude('Protocol', 'udp');
  filter.addFacet('Protocol');
  await settle();
  assert.equal(filter.query.value, 'eventId:3 -Protocol:udp');
  assert.equal(bench.view.value.length, 132);
  assert.deepEqual(facet(bench, 'Protocol'), [['tcp', 132]]);

  filter.exclude('Protocol', 'udp');
  await settle();
  assert.equal(filter.query.value, 'eventId:3', 'a second click takes the term away');

  const histogram = filter.histogram.value;
  assert.ok(histogram !== undefined);
  filter.zoom({ fromMs: histogram.firstMs, toMs: histogram.firstMs + 60_000 });
  await settle();
  assert.ok(bench.view.value.length > 0 && bench.view.value.length < 153);
  assert.deepEqual(filter.timeRange.value, {
    fromMs: histogram.firstMs,
    toMs: histogram.firstMs + 60_000,
  });
  filter.clearZoom();
  assert.equal(filter.query.value, 'eventId:3');

  const row = bench.view.value.row(0);
  assert.equal(filter.around(row, 5), true);
  await settle();
  assert.match(filter.query.value, /^timeCreated:\[\S+ TO \S+\}$/);
  assert.ok(bench.view.value.positionOf(row) >= 0, 'the event itself is in its window');

  filter.sameProcess('{A98268C1-9C2E-5C6B-0000-0010B8A60000}');
  await settle();
  assert.equal(filter.query.value, 'ProcessGuid:"{A98268C1-9C2E-5C6B-0000-0010B8A60000}"');
});

test('FilterSession.setTimeZone reformats time cells and refuses unknown zones', async () => {
  const { bench } = await loaded();
  const utc = bench.filter.frame.value.cell(0, 'timeCreated');
  bench.filter.setTimeZone('Asia/Kolkata');

  assert.match(utc ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/);
  assert.match(bench.filter.frame.value.cell(0, 'timeCreated') ?? '', /\.\d{7}\+05:30$/);
  assert.throws(() => bench.filter.setTimeZone('Nowhere/Land'), /Unknown time zone/);
  assert.equal(bench.filter.timeZone.value, 'Asia/Kolkata');
});

test('FilterSession drops rows outside a time term by milliseconds, exact to 100 ns inside', async () => {
  const { bench, settle } = await loaded();
  // Counts checked against `evtxhunt dump --query`.
  const expected: [string, number][] = [
    ['time:[2017-10-23T07:14 TO 2017-10-23T07:15]', 111],
    ['time:>2017-10-23T07:39:44.5130661Z', 2],
    ['time:>=2017-10-23T07:39:44.5130661Z', 3],
    ['eventId:3 time:<2017-10-23T07:00', 13],
  ];
  for (const [query, count] of expected) {
    bench.filter.setQuery(query);
    await settle();
    assert.equal(bench.view.value.length, count, query);
  }
});
