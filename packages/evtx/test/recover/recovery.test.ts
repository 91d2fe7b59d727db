/**
 * Recovery on logs written with our writer and then damaged: a destroyed chunk header, records
 * in a chunk's unused space, a repeated chunk, bytes appended past the log.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { bytesSource, EvtxFile, type EvtxRecord } from '../../src/index.js';
import { CHUNK_SIZE } from '../../src/chunk-header.js';
import { FILE_HEADER_BLOCK } from '../../src/file-header.js';
import { scanRecords } from '../../src/recover/record-scan.js';
import { fixChunkCrcs } from '../support/chunk.js';
import { SAMPLE_PATH } from '../support/corpus-files.js';
import { parse } from '../support/parse.js';
import { log } from './logs.js';

const slotAt = (index: number) => FILE_HEADER_BLOCK + index * CHUNK_SIZE;
const slotOf = (bytes: Uint8Array, index: number) =>
  bytes.subarray(slotAt(index), slotAt(index) + CHUNK_SIZE);
const json = (records: readonly EvtxRecord[]) => records.map((r) => r.toStructured());

async function readAll(bytes: Uint8Array, slack = false) {
  const file = await EvtxFile.open(bytesSource(bytes, 'test.evtx'), { slack });
  const records: EvtxRecord[] = [];
  for await (const record of file.records()) records.push(record);
  return { records, summary: file.summary };
}

test('EvtxFile recovers the records behind a destroyed chunk header, templates borrowed', async () => {
  const clean = log(400);
  const damaged = clean.slice();
  // The first 8 KiB of slot 1: its header, its templates and names, its first records.
  damaged.fill(0, slotAt(1), slotAt(1) + 8192);
  const survivors = scanRecords(slotOf(clean, 1), 0, { step: 8 }).filter((c) => c.offset >= 8192);

  const before = await parse(clean);
  const after = await readAll(damaged);
  const recovered = after.records.filter((r) => r.recovered);
  assert.equal(recovered.length, survivors.length);
  assert.ok(recovered.length > 100, `${recovered.length} records survive`);
  assert.deepEqual(
    recovered.map((r) => r.recordId),
    survivors.map((c) => c.recordId),
  );

  // Each reads as the clean record did, but for the flag.
  const byId = new Map(before.structured.map((r) => [r.recordId, r]));
  for (const record of json(recovered)) {
    assert.deepEqual(record, { ...byId.get(record.recordId), recovered: true });
  }
  assert.equal(after.summary.records.recovered, survivors.length);
  assert.equal(after.summary.records.failed, 0);
  assert.equal(after.summary.lost, true, 'the records in the first 8 KiB are gone');
  const slot = after.summary.diagnostics.find((d) => d.chunkIndex === 1);
  assert.equal(slot?.severity, 'error');
  assert.match(slot?.message ?? '', /; \d+ records recovered by their signatures \(ids \d+-\d+\)$/);
});

test('EvtxFile reads the records of a destroyed slot 0 at the end, templates of later chunks', async () => {
  const clean = log(400);
  const damaged = clean.slice();
  damaged.fill(0, slotAt(0), slotAt(0) + 4096);
  const survivors = scanRecords(slotOf(clean, 0), 0, { step: 8 }).filter((c) => c.offset >= 4096);

  const before = await parse(clean);
  const { records, summary } = await readAll(damaged);
  // Slot 1's live records first, then slot 0's, recovered, in file order.
  const live = before.structured.filter((r) => BigInt(r.recordId) > 206n);
  assert.deepEqual(
    records.map((r) => [r.recordId, r.recovered]),
    [...live.map((r) => [BigInt(r.recordId), false]), ...survivors.map((c) => [c.recordId, true])],
  );
  assert.equal(survivors.length, 196);
  const byId = new Map(before.structured.map((r) => [r.recordId, r]));
  for (const record of json(records.filter((r) => r.recovered))) {
    assert.deepEqual(record, { ...byId.get(record.recordId), recovered: true });
  }
  assert.equal(summary.records.recovered, 196);
  assert.equal(summary.records.failed, 0);
  const header = summary.diagnostics.find((d) => d.structure === 'chunk header');
  assert.match(
    header?.message ?? '',
    /; 0 records recovered by their signatures, 196 waiting for templates of later chunks \(read at the end, then counted recovered or failed\)$/,
  );
  const slot = summary.diagnostics.filter(
    (d) => d.chunkIndex === 0 && d.structure !== 'chunk header',
  );
  assert.deepEqual(
    slot.map((d) => [d.severity, d.offset, d.message]),
    [
      [
        'error',
        slotAt(0),
        "the slot holds no chunk signature; records up to 206 are missing; the range is open-ended, no earlier chunk bounds it (chunk 1, ids 207-400, is the only chunk with record ids; the file header's next record id is 401)",
      ],
      [
        'info',
        slotAt(0),
        '196 records found by their signatures waited for templates of later chunks: 196 read at the end with them (recovered), 0 failed',
      ],
    ],
  );
});

/** One chunk of records 1-6 whose header names only 1-3; records 4-6 lie in unused space. */
function slackLog(): { bytes: Uint8Array; ends: number[] } {
  const bytes = log(6).slice();
  const chunk = slotOf(bytes, 0);
  const view = new DataView(chunk.buffer, chunk.byteOffset, CHUNK_SIZE);
  const found = scanRecords(chunk, 0, { step: 8 });
  const ends = found.map((c) => c.offset + c.size);
  view.setBigUint64(16, 3n, true); // last record number
  view.setBigUint64(32, 3n, true); // last record id
  view.setUint32(44, found[2]!.offset, true);
  view.setUint32(48, ends[2]!, true);
  // From before a wrap: ids that do not continue the live ones.
  for (const i of [3, 4]) view.setBigUint64(found[i]!.offset + 8, 100n + BigInt(i), true);
  // Record 6's place holds a copy of live record 2 (same size: images are padded alike).
  chunk.copyWithin(found[5]!.offset, found[1]!.offset, ends[1]!);
  fixChunkCrcs(chunk);
  return { bytes, ends };
}

test("EvtxFile reads a chunk's unused space only when asked, flagged, duplicates once", async () => {
  const { bytes } = slackLog();

  const plain = await readAll(bytes);
  assert.deepEqual(
    plain.records.map((r) => r.recordId),
    [1n, 2n, 3n],
  );
  assert.equal(plain.summary.records.recovered, undefined);

  const slack = await readAll(bytes, true);
  assert.deepEqual(
    slack.records.map((r) => [r.recordId, r.recovered]),
    [
      [1n, false],
      [2n, false],
      [3n, false],
      [103n, true],
      [104n, true],
    ],
  );
  assert.equal(slack.records[3]?.toStructured().recovered, true);
  assert.equal(
    slack.records[3]?.toStructured().data['Image'],
    'C:\\Tools\\tool-4.exe'.padEnd(120, 'x'),
  );
  assert.deepEqual(slack.summary.records, {
    read: 3,
    failed: 0,
    missing: 0,
    recovered: 2,
    duplicates: 1,
  });
  assert.equal(slack.summary.lost, false);
  const duplicate = slack.summary.diagnostics.find((d) => d.recordId === '2');
  assert.equal(duplicate?.severity, 'info');
  assert.match(
    duplicate?.message ?? '',
    /^record in the chunk's unused space duplicate of the live record at 0x/,
  );
});

test('EvtxFile reads a chunk repeated byte for byte once and says so', async () => {
  const two = log(400);
  const bytes = new Uint8Array(two.length + CHUNK_SIZE);
  bytes.set(two, 0);
  bytes.set(slotOf(two, 1), two.length);

  const clean = await readAll(two);
  const { records, summary } = await readAll(bytes);
  assert.deepEqual(json(records), json(clean.records));
  const repeated = clean.records.filter((r) => r.chunkIndex === 1).length;
  assert.equal(summary.records.duplicates, repeated);
  assert.equal(summary.records.read, clean.summary.records.read);
  const warning = summary.diagnostics.find((d) => d.structure === 'chunk');
  assert.equal(warning?.chunkIndex, (two.length - FILE_HEADER_BLOCK) / CHUNK_SIZE);
  assert.match(
    warning?.message ?? '',
    /^chunk repeats chunk 1 \(same CRCs, records \d+-\d+\); its records are not read again$/,
  );
});

test('EvtxFile takes random bytes after the last chunk as trailing data, not loss', async () => {
  const clean = log(30);
  for (const extra of [1000, CHUNK_SIZE]) {
    const bytes = new Uint8Array(clean.length + extra);
    bytes.set(clean, 0);
    for (let i = clean.length; i < bytes.length; i++) bytes[i] = (i * 2654435761) >>> 24 || 1;

    const { records, summary } = await readAll(bytes);
    assert.equal(records.length, 30);
    assert.equal(summary.lost, false);
    assert.equal(summary.chunks.trailing, 1);
    assert.equal(summary.chunks.unreadable, 0);
    assert.deepEqual(
      summary.diagnostics.map((d) => [d.severity, d.offset, d.message]),
      [
        [
          'warning',
          clean.length,
          'bytes past the end of the log hold no chunk and no record; trailing data ignored',
        ],
      ],
    );
  }
});

test('records found by their signatures but unreadable are failed, not missing as well', async () => {
  const sample = new Uint8Array(readFileSync(SAMPLE_PATH));
  // 64 KiB of zeros across the end of chunk 2 and the header, templates and names of chunk 3.
  sample.fill(0, slotAt(3) - 0x8000, slotAt(3) + 0x8000);

  const { summary } = await readAll(sample);
  const { read, recovered = 0, failed, missing } = summary.records;
  assert.deepEqual([read, recovered, failed, missing], [1618, 31, 10, 71]);
  // Every record of the clean sample is read, recovered, failed or missing: once.
  assert.equal(read + recovered + failed + missing, 1730);
});
