/** An all-zero 64 KiB slot between good chunks (a slot Windows had not written yet). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chunkOf, evtxFile, sysmonEvent, zeroChunk } from '../support/index.js';
import { chunkCounts, ids, parse } from '../support/parse.js';

const chunk = (first: number) =>
  chunkOf([0, 1].map((i) => sysmonEvent({ eventId: 1, recordId: first + i, fields: {} })));

test('EvtxFile skips an all-zero chunk slot and reads the chunks on both sides', async () => {
  const parsed = await parse(evtxFile([chunk(1), zeroChunk(), chunk(3)]));

  assert.deepEqual(ids(parsed), ['1', '2', '3', '4']);
  assert.deepEqual(
    parsed.records.map((r) => [r.chunkIndex, r.offset]),
    [
      [0, 0x1000 + 512],
      [0, parsed.records[1]?.offset],
      [2, 0x1000 + 2 * 0x10000 + 512],
      [2, parsed.records[3]?.offset],
    ],
  );
  assert.deepEqual(
    parsed.chunks.map((c) => [c.index, c.offset, c.status]),
    [
      [0, 0x1000, 'ok'],
      [1, 0x11000, 'empty'],
      [2, 0x21000, 'ok'],
    ],
  );
  assert.deepEqual(chunkCounts(parsed), { slots: 3, found: 2, valid: 2, damaged: 0, empty: 1 });
  assert.equal(
    parsed.summary.diagnostics.filter((d) => d.severity === 'error').length,
    0,
    'an empty slot is not an error',
  );
});

test('EvtxFile reads past several trailing zero slots without reporting damage', async () => {
  const parsed = await parse(evtxFile([chunk(1), zeroChunk(), zeroChunk()]));
  assert.deepEqual(ids(parsed), ['1', '2']);
  assert.deepEqual(chunkCounts(parsed), { slots: 3, found: 1, valid: 1, damaged: 0, empty: 2 });
});
