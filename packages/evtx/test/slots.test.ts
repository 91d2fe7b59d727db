import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { bytesSource, type ByteSource } from '../src/index.js';
import { checkSlotsPerRead, parseSlots, recordIdRange, slotCount } from '../src/slots.js';
import { SAMPLE_PATH } from './support/corpus-files.js';

const SAMPLE = new Uint8Array(readFileSync(SAMPLE_PATH));

/** The source's reads as `offset+length`, with the source that records them. */
function countingSource(bytes: Uint8Array): { source: ByteSource; reads: string[] } {
  const inner = bytesSource(bytes, 'sample.evtx');
  const reads: string[] = [];
  const source: ByteSource = {
    ...inner,
    read: (offset, length) => {
      reads.push(`${offset}+${length}`);
      return inner.read(offset, length);
    },
  };
  return { source, reads };
}

async function slotSummaries(source: ByteSource, perRead: number): Promise<string[]> {
  const slots: string[] = [];
  const end = slotCount(source.size);
  for await (const slot of parseSlots(source, 0, end, perRead)) {
    slots.push(`${slot.info.index} ${slot.info.status} ${slot.records.length}`);
  }
  return slots;
}

test('parseSlots reads runs of slots with one read each and parses every slot', async () => {
  const { source, reads } = countingSource(SAMPLE);
  const slots = await slotSummaries(source, 16);

  assert.deepEqual(reads, ['4096+1048576', '1052672+1048576', '2101248+65536']);
  assert.equal(slots.length, 33);
  assert.equal(slots[0], '0 ok 78');
  assert.equal(slots[32], '32 empty 0');
});

test('parseSlots gives the same slots whatever the read size', async () => {
  const one = await slotSummaries(bytesSource(SAMPLE, 'a'), 1);
  for (const perRead of [3, 16, 64]) {
    assert.deepEqual(await slotSummaries(bytesSource(SAMPLE, 'a'), perRead), one, `${perRead}`);
  }
});

test('parseSlots gives a slot the read did not reach as an empty slot', async () => {
  const short: ByteSource = {
    size: SAMPLE.length,
    name: 'shrunk.evtx',
    read: (offset, length) =>
      Promise.resolve(SAMPLE.subarray(offset, Math.min(offset + length, 4096 + 65536))),
  };
  assert.deepEqual(await slotSummaries(short, 4), [
    ...['0 ok 78', '1 empty 0', '2 empty 0', '3 empty 0'],
    ...Array.from({ length: 29 }, (_, i) => `${i + 4} empty 0`),
  ]);
});

test('checkSlotsPerRead takes 1 to 64 slots', () => {
  assert.equal(checkSlotsPerRead(1), 1);
  assert.equal(checkSlotsPerRead(64), 64);
  for (const bad of [0, 65, 1.5, Number.NaN]) {
    assert.throws(() => checkSlotsPerRead(bad), {
      name: 'RangeError',
      message: `slots per read must be 1-64, not ${bad}`,
    });
  }
});

test('recordIdRange takes the smallest and largest id, in any order', () => {
  assert.equal(recordIdRange([]), undefined);
  const ids = [7n, 3n, 9n, 4n].map((recordId) => ({ recordId }));
  assert.deepEqual(recordIdRange(ids), { first: 3n, last: 9n });
});
