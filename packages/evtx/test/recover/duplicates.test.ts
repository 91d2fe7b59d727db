/**
 * Recovered records that repeat another record of the file: a chunk copied and its header then
 * destroyed, before or after its live original, or copied twice. Logs written with our writer
 * (logs.ts) and put together slot by slot.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { bytesSource, EvtxFile, type EvtxRecord } from '../../src/index.js';
import { CHUNK_HEADER_SIZE, CHUNK_SIZE } from '../../src/chunk-header.js';
import { hex } from '../../src/errors.js';
import { FILE_HEADER_BLOCK } from '../../src/file-header.js';
import { ChunkPool } from '../../src/node.js';
import { fixChunkCrcs } from '../support/chunk.js';
import { RECORD_KEYS_JOB } from '../support/record-keys-job.js';
import { readPooled, readSequential } from '../support/slot-reading.js';
import { log } from './logs.js';

const slotAt = (index: number) => FILE_HEADER_BLOCK + index * CHUNK_SIZE;

/** 800 records in 4 chunks: ids 1-206, 207-412, 413-618, 619-800. */
const CLEAN = log(800);
const FIRST_IDS = [1n, 207n, 413n, 619n];

/**
 * Slot `index` of the clean log, a copy; with `destroyed`, its chunk header zeroed, or its
 * first `destroyed` bytes (4096 take its template definition and first records with it).
 */
function slot(index: number, destroyed: boolean | number = false): Uint8Array {
  const bytes = CLEAN.slice(slotAt(index), slotAt(index) + CHUNK_SIZE);
  if (destroyed !== false) bytes.fill(0, 0, destroyed === true ? CHUNK_HEADER_SIZE : destroyed);
  return bytes;
}

/** The clean log's header block followed by `slots`. */
function assemble(slots: readonly Uint8Array[]): Uint8Array {
  const bytes = new Uint8Array(FILE_HEADER_BLOCK + slots.length * CHUNK_SIZE);
  bytes.set(CLEAN.subarray(0, FILE_HEADER_BLOCK), 0);
  slots.forEach((chunk, i) => bytes.set(chunk, slotAt(i)));
  return bytes;
}

async function readAll(bytes: Uint8Array) {
  const file = await EvtxFile.open(bytesSource(bytes, 'test.evtx'));
  const records: EvtxRecord[] = [];
  for await (const record of file.records()) records.push(record);
  return { records, summary: file.summary };
}

const ids = (from: bigint, to: bigint) =>
  Array.from({ length: Number(to - from + 1n) }, (_, i) => from + BigInt(i));

const infos = (summary: Awaited<ReturnType<typeof readAll>>['summary']) =>
  summary.diagnostics.filter((d) => d.message.startsWith('recovered record at'));

test('EvtxFile does not output a destroyed copy of a chunk read live before it', async () => {
  const bytes = assemble([slot(0), slot(1), slot(2), slot(3), slot(1, true)]);

  const { records, summary } = await readAll(bytes);
  assert.deepEqual(
    records.map((r) => r.recordId),
    ids(1n, 800n),
  );
  assert.equal(records.filter((r) => r.recovered).length, 0);
  assert.equal(summary.records.read, 800);
  assert.equal(summary.records.recovered, undefined);
  assert.equal(summary.records.duplicates, 206);

  const notes = infos(summary);
  assert.equal(notes.length, 206);
  const copy = slotAt(4) + CHUNK_HEADER_SIZE;
  const live = slotAt(1) + CHUNK_HEADER_SIZE;
  assert.deepEqual(notes[0], {
    severity: 'info',
    structure: 'record',
    offset: copy,
    chunkIndex: 4,
    recordId: '207',
    message: `recovered record at ${hex(copy)} repeats the live record at ${hex(live)} (slot 1); not output again`,
  });
  assert.equal(notes[205]?.recordId, '412');
});

test('EvtxFile lets a live record read later win over an earlier recovered copy', async () => {
  const bytes = assemble([slot(0), slot(2, true), slot(1), slot(2), slot(3)]);

  const { records, summary } = await readAll(bytes);
  assert.deepEqual(
    records.map((r) => [r.recordId, r.recovered]),
    ids(1n, 800n).map((id) => [id, false]),
  );
  assert.equal(summary.records.recovered, undefined);
  assert.equal(summary.records.duplicates, 206);

  const notes = infos(summary);
  assert.equal(notes.length, 206);
  const copy = slotAt(1) + CHUNK_HEADER_SIZE;
  assert.equal(notes[0]?.offset, copy);
  assert.equal(notes[0]?.recordId, '413');
  assert.equal(
    notes[0]?.message,
    `recovered record at ${hex(copy)} repeats the live record at ${hex(slotAt(3) + CHUNK_HEADER_SIZE)} (slot 3); not output again`,
  );
});

test('EvtxFile keeps the first of two recovered copies, after every live record', async () => {
  const bytes = assemble([slot(0), slot(1), slot(2, true), slot(2, true), slot(3)]);

  const { records, summary } = await readAll(bytes);
  // Live records in file order, then the recovered ones (those of slot 2) in file order.
  assert.deepEqual(
    records.map((r) => [r.recordId, r.recovered]),
    [
      ...[...ids(1n, 412n), ...ids(619n, 800n)].map((id) => [id, false]),
      ...ids(413n, 618n).map((id) => [id, true]),
    ],
  );
  assert.equal(records.at(-1)?.chunkIndex, 2);
  assert.deepEqual(
    [summary.records.read, summary.records.recovered, summary.records.duplicates],
    [594, 206, 206],
  );

  const notes = infos(summary);
  const first = slotAt(2) + CHUNK_HEADER_SIZE;
  const second = slotAt(3) + CHUNK_HEADER_SIZE;
  assert.equal(notes.length, 206);
  assert.equal(
    notes[0]?.message,
    `recovered record at ${hex(second)} repeats the recovered record at ${hex(first)} (slot 2); not output again`,
  );
});

test('EvtxFile outputs a recovered record whose id is live but whose bytes differ', async () => {
  const copy = slot(1, true);
  // The first record's image name (UTF-16 near its end) changed by one character.
  const view = new DataView(copy.buffer);
  const size = view.getUint32(CHUNK_HEADER_SIZE + 4, true);
  copy[CHUNK_HEADER_SIZE + size - 40]! ^= 1;
  const bytes = assemble([slot(0), slot(1), slot(2), slot(3), copy]);

  const { records, summary } = await readAll(bytes);
  const recovered = records.filter((r) => r.recovered);
  assert.deepEqual(
    recovered.map((r) => [r.recordId, r.offset]),
    [[207n, slotAt(4) + CHUNK_HEADER_SIZE]],
  );
  assert.equal(summary.records.recovered, 1);
  assert.equal(summary.records.duplicates, 205);
});

let dir = '';
before(async () => (dir = await mkdtemp(join(tmpdir(), 'evtxhunt-dups-'))));
after(() => rm(dir, { recursive: true }));

test('ChunkPool on 1 and 2 threads gives what EvtxFile gives for repeated recovered records', async () => {
  const layouts = [
    [slot(0), slot(2, true), slot(1), slot(2), slot(3)],
    [slot(0), slot(1), slot(2, true), slot(2, true), slot(3), slot(1, true)],
    // Slot 0's template is gone: its records wait for the end, the second copy repeats them.
    [slot(0, 4096), slot(1), slot(2), slot(3), slot(0, 4096)],
  ];
  const counts: [number | undefined, number | undefined, number][] = [];
  for (const [i, slots] of layouts.entries()) {
    const path = join(dir, `layout-${i}.evtx`);
    await writeFile(path, assemble(slots));
    const expected = await readSequential(path);
    const { recovered, duplicates, failed } = expected.summary.records;
    counts.push([recovered, duplicates, failed]);
    for (const threads of [1, 2]) {
      const pool = new ChunkPool<string>({
        threads,
        job: { module: RECORD_KEYS_JOB, options: {} },
        slotsPerTask: 2,
      });
      try {
        assert.deepEqual(await readPooled(pool, path), expected, `${path} on ${threads}`);
      } finally {
        await pool.close();
      }
    }
  }
  assert.deepEqual(counts, [
    [undefined, 206, 0],
    [206, 412, 0],
    [196, 196, 0],
  ]);
});

test('EvtxFile counts a record failed at the end when no chunk defines its template', async () => {
  // Slot 1 defines the template under another GUID with the same id (its first 4 bytes) as
  // slot 2's: two templates share the id, so neither is lent.
  const other = slot(1);
  const id = other.indexOf(0xee, CHUNK_HEADER_SIZE);
  assert.deepEqual([...other.subarray(id, id + 4)], [0xee, 0xff, 0xc0, 0x7e]);
  // The instance's id, its definition offset and next offset come before the definition's GUID.
  other[id + 12 + 4]! ^= 0xff;
  fixChunkCrcs(other);
  const bytes = assemble([slot(0, 4096), other, slot(2)]);

  const { records, summary } = await readAll(bytes);
  assert.equal(records.filter((r) => r.recovered).length, 0);
  assert.equal(summary.records.failed, 196);
  assert.equal(summary.records.recovered, undefined);
  const errors = summary.diagnostics.filter((d) => d.structure === 'template definition');
  assert.equal(errors.length, 196);
  assert.match(
    errors[0]?.message ?? '',
    /^record found by its signature at 0x[0-9a-f]+ cannot be read: template 0x7ec0ffee is not intact at 0x[0-9a-f]+ and no chunk of the file defines one template with that id$/,
  );
});

test('FIRST_IDS are the first record ids of the clean chunks', async () => {
  const file = await EvtxFile.open(bytesSource(CLEAN, 'clean.evtx'));
  const firsts: (bigint | undefined)[] = [];
  for await (const chunk of file.chunks()) firsts.push(chunk.header?.firstRecordId);
  assert.deepEqual(firsts, FIRST_IDS);
});
