import assert from 'node:assert/strict';
import { test } from 'node:test';

import { DuplicateRecords } from '../../src/engine/duplicates.js';
import { CLAIMED, ID_GAP_LIMIT, IdRuns, RUN_SLOTS } from '../../src/engine/id-runs.js';
import type { EventRecord } from '../../src/record.js';

test('IdRuns.recall remembers consecutive ids in one run and returns their times', () => {
  const runs = new IdRuns();
  for (let id = 1; id <= 10_000; id++) assert.equal(runs.recall(id, id * 10), undefined);

  assert.equal(runs.runCount, 1);
  assert.equal(runs.recall(1, 0), 10);
  assert.equal(runs.recall(5000, 0), 50_000);
  assert.equal(runs.recall(10_000, 0), 100_000);
});

test('IdRuns starts a new run every RUN_SLOTS ids and still finds every id', () => {
  const runs = new IdRuns();
  const count = 2 * RUN_SLOTS + 10;
  for (let id = 1; id <= count; id++) assert.equal(runs.recall(id, id * 10), undefined);

  assert.equal(runs.runCount, 3);
  for (const id of [1, RUN_SLOTS, RUN_SLOTS + 1, 2 * RUN_SLOTS + 1, count]) {
    assert.equal(runs.recall(id, 0), id * 10, `id ${id}`);
  }
  assert.equal(runs.recall(count + 5, 7), undefined, 'a small gap past the last run');
  assert.equal(runs.recall(count + 3, 8), undefined, 'an id in that gap is still new');
  assert.equal(runs.recall(count + 3, 0), 8);
  assert.equal(runs.runCount, 3);
});

test('IdRuns keeps small gaps inside a run and starts a new run past ID_GAP_LIMIT', () => {
  const runs = new IdRuns();
  runs.recall(100, 1);
  runs.recall(100 + ID_GAP_LIMIT - 1, 2);
  assert.equal(runs.runCount, 1);
  assert.equal(runs.recall(150, 3), undefined, 'a slot in the gap is still new');
  assert.equal(runs.recall(150, 4), 3);

  runs.recall(100 + 3 * ID_GAP_LIMIT, 5);
  assert.equal(runs.runCount, 2);
});

test('IdRuns finds ids given out of order, before and between runs', () => {
  const runs = new IdRuns();
  const ids = [5000, 10, 2500, 11, 9, 4999, 7000, 0];
  ids.forEach((id, i) => assert.equal(runs.recall(id, i), undefined, `id ${id} is new`));
  ids.forEach((id, i) => assert.equal(runs.recall(id, -1), i, `id ${id} is remembered`));
  assert.equal(runs.recall(12, 99), undefined);
  assert.equal(runs.recall(4998, 98), undefined);
  assert.equal(runs.recall(4998, 0), 98);
});

test('IdRuns keeps -1 (no time) as a time like any other', () => {
  const runs = new IdRuns();
  runs.recall(3, -1);
  assert.equal(runs.recall(3, 7), -1);
});

function record(recordId: string, timeCreated: string, channel = 'Security'): EventRecord {
  const provider = 'Microsoft-Windows-Security-Auditing';
  return { recordId, timeCreated, channel, computer: 'WS01', provider, eventId: 4688, data: {} };
}

test('DuplicateRecords: a second file overlapping the first by half counts the overlap once', () => {
  const duplicates = new DuplicateRecords();
  const time = (id: number) => new Date(Date.UTC(2024, 0, 1) + id * 1000).toISOString();
  const first = Array.from({ length: 2000 }, (_, i) => record(String(i + 1), time(i + 1)));
  const second = Array.from({ length: 2000 }, (_, i) => record(String(i + 1001), time(i + 1001)));

  const kept = [...first, ...second].filter((one) => !duplicates.isDuplicate(one));
  assert.equal(kept.length, 3000);
  assert.equal(duplicates.count, 1000);
});

test('DuplicateRecords: ids that are not decimal and ids past 15 digits still compare', () => {
  const duplicates = new DuplicateRecords();
  const t = '2024-01-01T00:00:00.0000000Z';
  for (const id of ['x1', '1234567890123456', 'x1', '1234567890123456']) {
    duplicates.isDuplicate(record(id, t));
  }
  assert.equal(duplicates.count, 2);
  assert.equal(duplicates.isDuplicate(record('x1', t, 'System')), false, 'another channel');
});

test('IdRuns.recall answers CLAIMED for an id another owner gave, and changes nothing', () => {
  const runs = new IdRuns();
  assert.equal(runs.recall(10, 100, 1), undefined);
  assert.equal(runs.recall(11, 110, 2), undefined);
  assert.equal(runs.recall(10, 999, 2), CLAIMED);
  assert.equal(runs.recall(10, 0, 1), 100);
  assert.equal(runs.recall(11, 0, 2), 110);
  assert.equal(runs.runCount, 1);
});

test('DuplicateRecords: recognises every record of one log interleaving 20 computers', () => {
  const duplicates = new DuplicateRecords();
  const time = (id: number) => new Date(Date.UTC(2024, 0, 1) + id * 1000).toISOString();
  const records = Array.from({ length: 4000 }, (_, i) => ({
    ...record(String(i + 1), time(i + 1)),
    computer: `WS${i % 20}`,
  }));

  assert.equal(records.filter((one) => duplicates.isDuplicate(one)).length, 0);
  assert.equal(records.filter((one) => duplicates.isDuplicate(one)).length, 4000);
  assert.equal(duplicates.count, 4000);
});

test('DuplicateRecords: hosts whose logs both count from 1 are not duplicates of each other', () => {
  const duplicates = new DuplicateRecords();
  const time = (id: number) => new Date(Date.UTC(2024, 0, 1) + id * 1000).toISOString();
  const host = (computer: string) =>
    Array.from({ length: 500 }, (_, i) => ({ ...record(String(i + 1), time(i + 1)), computer }));
  const all = [...host('WS01'), ...host('WS02'), ...host('WS03')];

  assert.equal(all.filter((one) => duplicates.isDuplicate(one)).length, 0);
  assert.equal(duplicates.isDuplicate({ ...record('7', time(7)), computer: 'WS02' }), true);
  assert.equal(duplicates.isDuplicate({ ...record('7', time(8)), computer: 'WS03' }), false);
  assert.equal(duplicates.count, 1);
});

test('IdRuns.recall keeps owners past 65,535 exactly, in a run that began with small owners', () => {
  const runs = new IdRuns();
  assert.equal(runs.recall(1, 10, 7), undefined);
  assert.equal(runs.recall(2, 20, 70_000), undefined);
  for (let id = 3; id <= 40; id++) assert.equal(runs.recall(id, id * 10, 65_536 + id), undefined);

  assert.equal(runs.recall(1, 0, 7), 10);
  assert.equal(runs.recall(2, 0, 70_000), 20);
  assert.equal(runs.recall(2, 0, 70_000 - 65_536), CLAIMED);
  assert.equal(runs.recall(40, 0, 65_576), 400);
  assert.equal(runs.runCount, 1);
});

test('IdRuns.recall keeps a first owner past 65,535 when a small owner joins its run', () => {
  const runs = new IdRuns();
  assert.equal(runs.recall(1, 10, 70_000), undefined);
  assert.equal(runs.recall(2, 20, 3), undefined);
  for (let id = 3; id <= 100; id++) assert.equal(runs.recall(id, id * 10, 70_000), undefined);

  assert.equal(runs.recall(1, 0, 70_000), 10);
  assert.equal(runs.recall(1, 0, 3), CLAIMED);
  assert.equal(runs.recall(2, 0, 3), 20);
  assert.equal(runs.recall(100, 0, 70_000), 1000);
  assert.equal(runs.recall(100, 0, 70_000 - 65_536), CLAIMED);
  assert.equal(runs.runCount, 1);
});
