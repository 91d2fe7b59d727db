import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';

import { compareRows, type TimelineEntry } from '@evtxhunt/hunt';

import { TimelineRuns } from '../src/timeline-runs.js';

/** An entry at `second` past the minute, with a record id that tells equal times apart. */
function entry(second: number, recordId: string, computer = 'WS1'): TimelineEntry {
  const time = `2024-05-01T10:00:${String(second).padStart(2, '0')}.0000000Z`;
  const row = {
    time,
    computer,
    kind: 'network' as const,
    eventId: 3,
    summary: `tcp \u{1F600} \ud800 ${recordId}`,
    evidence: { file: 'a.evtx', recordId, eventId: 3, time },
  };
  return { row, ms: second === 9 ? NaN : Date.parse(time), pid: second % 2 === 0 ? NaN : 4 };
}

async function collect(runs: TimelineRuns): Promise<TimelineEntry[]> {
  const sorted: TimelineEntry[] = [];
  for await (const one of runs.sorted()) sorted.push(one);
  return sorted;
}

async function runDirectories(): Promise<string[]> {
  return (await readdir(tmpdir())).filter((name) => name.startsWith('evtxhunt-timeline-'));
}

test('TimelineRuns merges runs written to disk into the order of one in-memory sort', async () => {
  // Equal rows (same time, host, file and record id) must keep the order they were added in.
  const entries = [
    entry(5, '10'),
    entry(3, '7'),
    entry(9, '1'),
    entry(3, '7', 'WS0'),
    entry(5, '9'),
    entry(1, '100'),
    entry(3, '7'),
    entry(2, '3'),
  ].map((one, i) => ({ ...one, row: { ...one.row, eventId: i } }));
  const before = await runDirectories();
  const runs = new TimelineRuns(3);
  for (const one of entries) await runs.add(one);

  const expected = [...entries].sort((a, b) => compareRows(a.row, b.row));
  const first = await collect(runs);
  assert.deepEqual(first, expected);
  assert.deepEqual(await collect(runs), expected);
  assert.deepEqual(
    first.map((one) => one.row.eventId),
    [5, 7, 3, 1, 6, 4, 0, 2],
  );
  assert.ok(Number.isNaN(first.at(-1)?.ms), 'a time without milliseconds stays NaN');

  await runs.close();
  assert.deepEqual(await runDirectories(), before);
});

test('TimelineRuns keeps a timeline smaller than one run in memory and writes nothing', async () => {
  const before = await runDirectories();
  const runs = new TimelineRuns(10);
  await runs.add(entry(2, '2'));
  await runs.add(entry(1, '1'));

  assert.deepEqual(
    (await collect(runs)).map((one) => one.row.evidence.recordId),
    ['1', '2'],
  );
  assert.deepEqual(await runDirectories(), before);
  await runs.close();
});
