import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { EvtxFile, bytesSource } from '@evtxhunt/evtx';

import { parseFile } from './parse.js';
import { ISSUE43 } from './paths.js';
import { writeSyntheticLog } from './synthetic-log.js';

async function inTempDir(work: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'evtxhunt-synthetic-'));
  try {
    await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test('writeSyntheticLog repeats the chunks with ids renumbered: a clean log, no gap', async () => {
  await inTempDir(async (dir) => {
    const sample = new Uint8Array(await readFile(ISSUE43));
    const log = await writeSyntheticLog(join(dir, 'big.evtx'), sample, 4096 + 50 * 65536);

    // 50 chunks: issue43's 23 twice, then its first 4 (records 1-298) once more.
    assert.deepEqual(log, { path: log.path, bytes: 4096 + 50 * 65536, chunks: 50, records: 3758 });
    assert.equal((await stat(log.path)).size, log.bytes);
    const { rows, outcome } = await parseFile(log.path);
    assert.equal(rows.length, 3758);
    assert.ok(rows.every((row, i) => row.recordId === String(i + 1)));
    assert.equal(rows[1730]?.eventId, rows[0]?.eventId);
    assert.deepEqual(outcome.summary.chunks, {
      slots: 50,
      found: 50,
      valid: 50,
      damaged: 0,
      empty: 0,
      unreadable: 0,
    });
    assert.deepEqual(outcome.summary.records, { read: 3758, failed: 0, missing: 0 });
    assert.deepEqual(outcome.summary.diagnostics, []);
  });
});

test('writeSyntheticLog writes a header with the right chunk count, next id and CRC', async () => {
  await inTempDir(async (dir) => {
    const sample = new Uint8Array(await readFile(ISSUE43));
    const log = await writeSyntheticLog(join(dir, 'small.evtx'), sample, 1);
    const evtx = await EvtxFile.open(bytesSource(await readFile(log.path), 'small.evtx'));

    assert.equal(log.chunks, 1);
    assert.equal(evtx.header?.chunkCount, 1);
    assert.equal(evtx.header?.lastChunkNumber, 0n);
    assert.equal(evtx.header?.nextRecordId, 79n);
    assert.equal(evtx.header?.checksumValid, true);
    assert.equal(evtx.header?.dirty, false);
  });
});

test('writeSyntheticLog refuses more chunks than a file header can count', async () => {
  await inTempDir(async (dir) => {
    const sample = new Uint8Array(await readFile(ISSUE43));
    await assert.rejects(
      writeSyntheticLog(join(dir, 'huge.evtx'), sample, 4096 + 70_000 * 65536),
      /synthetic log: 70000 chunks asked, a file header counts 65535/,
    );
  });
});

test('writeSyntheticLog names a sample whose chunk is missing', async () => {
  await inTempDir(async (dir) => {
    const sample = new Uint8Array(await readFile(ISSUE43)).slice(0, 4096 + 65536);
    await assert.rejects(
      writeSyntheticLog(join(dir, 'cut.evtx'), sample, 1),
      /the sample's chunk 1 at 0x11000 is not a chunk/,
    );
  });
});
