import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import { bytesSource } from '@evtxhunt/evtx';

import type { Progress } from '../../src/protocol.js';
import type { RowColumns } from '../../src/row-columns.js';
import { parseEvtx } from '../../src/worker/parse-job.js';
import { BAD_CHUNK_MAGIC, ISSUE43, SKIP_SHARED } from '../support/paths.js';
import { parseFile } from '../support/parse.js';

async function issue43Source() {
  return bytesSource(new Uint8Array(await readFile(ISSUE43)), 'issue43.evtx');
}

test('parseEvtx posts rows in batches of the record limit, progress growing to the end', async () => {
  const batches: { rows: number; progress: Progress }[] = [];
  const sink = {
    rows: (rows: RowColumns, progress: Progress) =>
      void batches.push({ rows: rows.count, progress }),
    cancelled: () => false,
  };

  const outcome = await parseEvtx(await issue43Source(), sink, { records: 500, ms: 1e9 });

  assert.deepEqual(
    batches.map((batch) => batch.rows),
    [500, 500, 500, 230],
  );
  assert.deepEqual(
    batches.map((batch) => batch.progress.records),
    [500, 1000, 1500, 1730],
  );
  assert.ok(
    batches.every((b, i) => i === 0 || b.progress.bytes > (batches[i - 1]?.progress.bytes ?? 0)),
  );
  assert.deepEqual(outcome.progress, { bytes: 2166784, size: 2166784, records: 1730 });
  assert.equal(outcome.cancelled, false);
  assert.equal(outcome.summary.records.read, 1730);
});

test('parseEvtx posts a batch when the time limit passes, by the clock it is given', async () => {
  let now = 0;
  const sizes: number[] = [];
  const sink = {
    rows: (rows: RowColumns) => {
      sizes.push(rows.count);
    },
    cancelled: () => false,
  };
  // Each record read advances the clock by 1 ms; batches every 100 ms hold 100 records.
  const clock = () => now++;

  await parseEvtx(await issue43Source(), sink, { records: 1e9, ms: 100 }, clock);

  assert.equal(
    sizes.reduce((a, b) => a + b, 0),
    1730,
  );
  assert.ok(sizes.length >= 17, `${sizes.length} batches`);
  assert.ok(sizes.slice(0, -1).every((size) => size <= 100));
});

test('parseEvtx stops when cancelled and says so', async () => {
  let read = 0;
  const sink = {
    rows: (rows: RowColumns) => void (read += rows.count),
    cancelled: () => read >= 200,
  };

  const outcome = await parseEvtx(await issue43Source(), sink, { records: 100, ms: 1e9 });

  assert.equal(outcome.cancelled, true);
  assert.equal(read, 200);
  assert.equal(outcome.progress.records, 200);
  assert.ok(outcome.progress.bytes < outcome.progress.size);
});

test("parseEvtx keeps each record's chunk and offset, and its System fields", async () => {
  const { rows } = await parseFile(ISSUE43);
  const first = rows[0];

  assert.equal(rows.length, 1730);
  assert.deepEqual(first && { ...first, names: first.names, values: first.values }, {
    time: '2017-09-03T12:53:24.6694851Z',
    eventId: 16,
    level: 4,
    provider: 'Microsoft-Windows-Sysmon',
    channel: 'Microsoft-Windows-Sysmon/Operational',
    computer: 'DESKTOP-DF4ULDE',
    recordId: '1',
    system: [
      '0x8000000000000000',
      '16',
      '0',
      '3',
      '',
      'S-1-5-21-3579330227-2094980565-878306854-1000',
      '5024',
      '2892',
      '',
      '',
      '{5770385f-c22a-43e0-bf4c-06f5698ffbd9}',
    ].join('\u001f'),
    chunk: 0,
    offset: 0x1200,
    names: ['UtcTime', 'Configuration', 'ConfigurationFileHash'],
    values: ['2017-09-03 12:53:24.655', '廐ăɆ', '䆀ćɆ'],
  });
  assert.equal(rows[1729]?.chunk, 22);
});

test(
  'parseEvtx on a damaged file reads what is there and reports the rest',
  { skip: SKIP_SHARED },
  async () => {
    const { rows, outcome } = await parseFile(BAD_CHUNK_MAGIC);

    // evtxexport's 267 live records, and 113 recovered, flagged: 31 past the damage in chunk 7,
    // 15 and 67 behind the destroyed headers of slots 6 and 10.
    assert.equal(rows.length, 380);
    assert.equal(rows.filter((row) => row.recovered === true).length, 113);
    assert.deepEqual(outcome.summary.records, {
      read: 267,
      failed: 3,
      missing: 1632,
      recovered: 113,
    });
    assert.equal(outcome.summary.chunks.damaged, 3);
    assert.equal(outcome.summary.chunks.unreadable, 12);
    assert.equal(outcome.summary.diagnostics.length, 15);
    assert.equal(outcome.diagnosticsOmitted, 0);
    assert.equal(outcome.summary.lost, true);
  },
);
