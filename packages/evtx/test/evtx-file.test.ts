import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { copyFile, mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'node:test';
import { EvtxFile, bytesSource } from '../src/index.js';
import { openFileSource } from '../src/node.js';
import { fixturePath } from './support/fixture.js';

// The bundled sample: a clean Sysmon log of 23 chunks and 1,730 records (samples/ORIGIN.md).
const SAMPLE = readFileSync(new URL('../../../../samples/sysmon-issue43.evtx', import.meta.url));

async function readAll(bytes: Uint8Array) {
  const log = await EvtxFile.open(bytesSource(bytes, 'sample.evtx'));
  let records = 0;
  for await (const record of log.records()) if (record.toStructured().eventId > 0) records++;
  return { records, summary: log.summary };
}

test('EvtxFile reads the bundled sample with nothing lost', async () => {
  const { records, summary } = await readAll(SAMPLE);
  assert.equal(records, 1730);
  assert.equal(summary.lost, false);
  assert.deepEqual(summary.chunks, {
    slots: 33,
    found: 23,
    valid: 23,
    damaged: 0,
    empty: 10,
    unreadable: 0,
  });
});

test('EvtxFile counts chunks the header names but the file lacks as lost', async () => {
  const cut = SAMPLE.subarray(0, 4096 + 5 * 65536);
  const { records, summary } = await readAll(cut);
  assert.equal(records, 364);
  assert.equal(summary.lost, true);
  const warning = summary.diagnostics.find((d) => d.structure === 'file chunks');
  assert.equal(warning?.severity, 'warning');
  assert.match(warning?.message ?? '', /^header names 23 chunks, only 5 found/);
});

test('EvtxFile counts a wiped chunk slot inside the named chunks as lost', async () => {
  const wiped = Uint8Array.from(SAMPLE);
  wiped.fill(0, 4096 + 3 * 65536, 4096 + 4 * 65536);
  const { records, summary } = await readAll(wiped);

  assert.equal(records, 1730 - 75);
  assert.equal(summary.lost, true);
  assert.deepEqual(summary.chunks, {
    slots: 33,
    found: 22,
    valid: 22,
    damaged: 0,
    empty: 10,
    unreadable: 1,
  });
  assert.deepEqual(summary.records, { read: 1655, failed: 0, missing: 75 });
  assert.deepEqual(
    summary.diagnostics.map((d) => [d.severity, d.structure, d.offset, d.chunkIndex, d.message]),
    [
      [
        'error',
        'chunk',
        0x31000,
        3,
        'the slot is all zeros (wiped or never written); records 224-298 are missing, 75 in ' +
          'all (chunk 2 ends at 223 and chunk 4 starts at 299, both by their chunk headers)',
      ],
      [
        'info',
        'file chunks',
        0,
        undefined,
        'header names 23 chunks, only 22 found: each slot inside the log without one is ' +
          'reported with its records',
      ],
    ],
  );
});

test('EvtxFile reports a slot zeroed in a copy of a real log on disk', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'evtx-zeroed-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const path = join(dir, 'sysmon-slot-2-zeroed.evtx');
  await copyFile(fixturePath('sysmon.evtx'), path);
  const handle = await open(path, 'r+');
  await handle.write(new Uint8Array(65536), 0, 65536, 4096 + 2 * 65536);
  await handle.close();

  const source = await openFileSource(path);
  const log = await EvtxFile.open(source);
  let records = 0;
  for await (const record of log.records()) if (record.chunkIndex !== 2) records++;
  await source.close();

  // sysmon.evtx holds 358 records in 9 chunks; chunk 2 held 1823-1861 (39).
  assert.equal(records, 358 - 39);
  assert.equal(log.summary.lost, true);
  assert.deepEqual(log.summary.records, { read: 319, failed: 0, missing: 39 });
  const lost = log.summary.diagnostics.filter((d) => d.structure === 'chunk');
  assert.deepEqual(
    lost.map((d) => `${d.severity} ${d.chunkIndex} ${d.offset}: ${d.message}`),
    [
      `error 2 ${0x21000}: the slot is all zeros (wiped or never written); records 1823-1861 ` +
        'are missing, 39 in all (chunk 1 ends at 1822 and chunk 3 starts at 1862, both by ' +
        'their chunk headers)',
    ],
  );
});

test('EvtxFile.recordBatches gives the records of records(), one non-empty chunk at a time', async () => {
  const one = await EvtxFile.open(bytesSource(SAMPLE, 'sample.evtx'));
  const records = [];
  for await (const record of one.records()) records.push(record.toStructured());

  const batched = await EvtxFile.open(bytesSource(SAMPLE, 'sample.evtx'));
  const sizes: number[] = [];
  const chunks = new Set<number>();
  const fromBatches = [];
  for await (const batch of batched.recordBatches()) {
    sizes.push(batch.length);
    chunks.add(batch[0]!.chunkIndex);
    assert.ok(batch.every((record) => record.chunkIndex === batch[0]!.chunkIndex));
    for (const record of batch) fromBatches.push(record.toStructured());
  }
  assert.equal(sizes.length, 23, 'one batch per chunk holding records');
  assert.equal(chunks.size, 23);
  assert.ok(sizes.every((size) => size > 0));
  assert.equal(fromBatches.length, 1730);
  assert.deepEqual(fromBatches, records);
  assert.deepEqual(batched.summary, one.summary);
});
