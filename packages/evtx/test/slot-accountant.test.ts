import assert from 'node:assert/strict';
import { copyFile, mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

import { EvtxFile, bytesSource } from '../src/index.js';
import { parseSlots, type ParsedSlot } from '../src/slots.js';
import { corpusFiles, SAMPLE_PATH } from './support/corpus-files.js';
import { readSequential, readSplit } from './support/slot-reading.js';

test('SlotAccountant refuses a slot given out of order', async () => {
  const evtx = await EvtxFile.open(bytesSource(new Uint8Array(0), 'empty.evtx'));
  const accountant = evtx.beginPass<ParsedSlot>();
  const source = bytesSource(new Uint8Array(3 * 65536), 'zeros');
  const slots: ParsedSlot[] = [];
  for await (const slot of parseSlots(source, 0, 2)) slots.push(slot);

  assert.throws(() => accountant.add(slots[1] as ParsedSlot), {
    name: 'RangeError',
    message: 'slot 1 given where slot 0 was due',
  });
});

test('SlotAccountant holds empty slots until a chunk or the end says what they are', async () => {
  const { summary, chunks } = await readSplit(SAMPLE_PATH);

  assert.equal(chunks.length, 33);
  assert.deepEqual(summary.records, { read: 1730, failed: 0, missing: 0 });
  assert.deepEqual(
    chunks.slice(22).map((chunk) => chunk.status),
    ['ok', ...Array<string>(10).fill('empty')],
  );
});

test('SlotAccountant gives the sample, wiped and cut, the summary a sequential read gives', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'evtxhunt-accountant-'));
  try {
    const wiped = join(dir, 'wiped.evtx');
    await copyFile(SAMPLE_PATH, wiped);
    const handle = await open(wiped, 'r+');
    await handle.write(new Uint8Array(65536), 0, 65536, 4096 + 3 * 65536);
    await handle.truncate(4096 + 20 * 65536);
    await handle.close();

    for (const path of [SAMPLE_PATH, wiped]) {
      assert.deepEqual(await readSplit(path), await readSequential(path), path);
    }
    // 75 ids with the wiped slot, 171 with the three chunks cut off the end.
    assert.equal((await readSplit(wiped)).summary.records.missing, 246);
  } finally {
    await rm(dir, { recursive: true });
  }
});

const corpus = corpusFiles();
test(
  'SlotAccountant gives every corpus file the summary, chunks and records of a sequential read',
  { skip: typeof corpus === 'string' ? corpus : false },
  async () => {
    const files = corpus as string[];
    assert.ok(files.length > 400, `${files.length} corpus files`);
    for (const path of files) {
      assert.deepEqual(await readSplit(path), await readSequential(path), path);
    }
  },
);
