/**
 * Recovered records are given after every live record, from their slots read a second time.
 * When that second read fails, or finds other bytes, the records it should have given are
 * counted failed with an error: none is lost silently.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

import { bytesSource, EvtxFile, type ByteSource, type EvtxRecord } from '../../src/index.js';
import { CHUNK_HEADER_SIZE, CHUNK_SIZE } from '../../src/chunk-header.js';
import { FILE_HEADER_BLOCK } from '../../src/file-header.js';
import { ChunkPool } from '../../src/node.js';
import { RECORD_KEYS_JOB } from '../support/record-keys-job.js';
import { readPooled } from '../support/slot-reading.js';
import { log } from './logs.js';

const slotAt = (index: number) => FILE_HEADER_BLOCK + index * CHUNK_SIZE;

/** 800 records in 4 chunks (ids 1-206, 207-412, 413-618, 619-800), slot 1's header zeroed. */
function destroyedSlotOne(): Uint8Array {
  const bytes = log(800).slice();
  bytes.fill(0, slotAt(1), slotAt(1) + CHUNK_HEADER_SIZE);
  return bytes;
}

/** `bytes`, but every read of slot 1 after the first gives `second` (or throws when absent). */
function changingSource(bytes: Uint8Array, second?: Uint8Array): ByteSource {
  const inner = bytesSource(bytes, 'changing.evtx');
  let reads = 0;
  return {
    size: inner.size,
    name: inner.name,
    read: async (offset, length) => {
      if (offset !== slotAt(1) || reads++ === 0) return inner.read(offset, length);
      if (second === undefined) throw new Error('the disk went away');
      return second.subarray(0, length);
    },
  };
}

async function readAll(source: ByteSource) {
  const file = await EvtxFile.open(source);
  const records: EvtxRecord[] = [];
  for await (const record of file.records()) records.push(record);
  return { records, summary: file.summary };
}

test('EvtxFile reads the records behind a destroyed header last, from the slot read again', async () => {
  const { records, summary } = await readAll(bytesSource(destroyedSlotOne(), 'whole.evtx'));

  assert.equal(records.length, 800);
  assert.equal(records[593]?.recordId, 800n);
  assert.equal(records.slice(0, 594).filter((r) => r.recovered).length, 0);
  const recovered = records.slice(594);
  assert.deepEqual(
    recovered.map((r) => r.recordId),
    Array.from({ length: 206 }, (_, i) => BigInt(207 + i)),
  );
  assert.ok(recovered.every((r) => r.recovered));
  assert.equal(summary.records.recovered, 206);
  assert.equal(summary.records.failed, 0);
});

test('EvtxFile counts recovered records failed when their slot cannot be read again', async () => {
  const { records, summary } = await readAll(changingSource(destroyedSlotOne()));

  assert.equal(records.length, 594);
  assert.equal(records.filter((r) => r.recovered).length, 0);
  assert.equal(summary.records.recovered, undefined);
  assert.equal(summary.records.failed, 206);
  assert.equal(summary.lost, true);
  assert.deepEqual(summary.diagnostics.at(-1), {
    severity: 'error',
    structure: 'chunk',
    offset: slotAt(1),
    chunkIndex: 1,
    message:
      '206 recovered records of slot 1 could not be given: reading it threw Error: the disk ' +
      'went away',
  });
});

test('EvtxFile counts recovered records failed when their slot holds other bytes the second time', async () => {
  const { records, summary } = await readAll(
    changingSource(destroyedSlotOne(), new Uint8Array(CHUNK_SIZE)),
  );

  assert.equal(records.length, 594);
  assert.equal(summary.records.read + (summary.records.recovered ?? 0), 594);
  assert.equal(summary.records.failed, 206);
  assert.match(
    summary.diagnostics.at(-1)?.message ?? '',
    /^206 recovered records of slot 1 could not be given: they were not found when the slot was read again/,
  );
});

test('ChunkPool counts recovered records failed when the job throws on them at the end', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'evtxhunt-settle-'));
  // Slot 1 has no live records, so the job first meets it with its recovered ones, at the end.
  const pool = new ChunkPool<string>({
    threads: 2,
    job: { module: RECORD_KEYS_JOB, options: { failSlot: 1 } },
  });
  try {
    const path = join(dir, 'destroyed.evtx');
    await writeFile(path, destroyedSlotOne());
    const { keys, summary } = await readPooled(pool, path);

    assert.equal(keys.length, 594);
    assert.equal(summary.records.recovered, undefined);
    assert.equal(summary.records.failed, 206);
    assert.equal(summary.lost, true);
    assert.equal(
      summary.diagnostics.at(-1)?.message,
      '206 recovered records of slot 1 could not be given: slot 1 not read: the chunk job threw ' +
        'Error: asked to fail on slot 1',
    );
  } finally {
    await pool.close();
    await rm(dir, { recursive: true });
  }
});
