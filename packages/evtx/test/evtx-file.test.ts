import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import test from 'node:test';
import { EvtxFile, bytesSource } from '../src/index.js';

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
  assert.ok(records < 1730);
  assert.equal(summary.lost, true);
  assert.equal(summary.chunks.found, 22);
});
