/** scanRecords: record signatures found in bytes that are not read as a chunk. */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { recordAt, scanRecords } from '../../src/recover/record-scan.js';
import { CHUNK_SIZE } from '../../src/chunk-header.js';
import { FILE_HEADER_BLOCK } from '../../src/file-header.js';
import { log } from './logs.js';

const firstChunk = (bytes: Uint8Array) =>
  bytes.subarray(FILE_HEADER_BLOCK, FILE_HEADER_BLOCK + CHUNK_SIZE);

test('scanRecords finds every record of a chunk, with its offset, id and written time', () => {
  const chunk = firstChunk(log(5));
  const found = scanRecords(chunk, FILE_HEADER_BLOCK, { from: 512 });

  assert.deepEqual(
    found.map((c) => c.recordId),
    [1n, 2n, 3n, 4n, 5n],
  );
  assert.equal(found[0]?.offset, FILE_HEADER_BLOCK + 512);
  assert.equal(found[1]?.offset, FILE_HEADER_BLOCK + 512 + (found[0]?.size ?? 0));
  assert.equal(found[2]?.writtenTime, '2024-06-01T00:00:02.0000000Z');
});

test('scanRecords finds records at an unaligned place among random bytes', () => {
  const chunk = firstChunk(log(3));
  const image = new Uint8Array(20_000);
  for (let i = 0; i < image.length; i++) image[i] = (i * 7919 + 13) & 0xff;
  const [a, b, c] = scanRecords(chunk, 0, { from: 512 });
  assert.ok(a && b && c);
  image.set(chunk.subarray(512, c.offset + c.size), 1001);

  const found = scanRecords(image, 100_000);
  assert.deepEqual(
    found.map((candidate) => [candidate.offset, candidate.recordId]),
    [
      [101_001, 1n],
      [101_001 + a.size, 2n],
      [101_001 + a.size + b.size, 3n],
    ],
  );
});

test('scanRecords with step 8 tries only aligned offsets', () => {
  const image = new Uint8Array(4096);
  const chunk = firstChunk(log(1));
  const [record] = scanRecords(chunk, 0, { from: 512 });
  assert.ok(record);
  image.set(chunk.subarray(512, 512 + record.size), 1003);

  assert.equal(scanRecords(image, 0, { step: 8 }).length, 0);
  assert.equal(scanRecords(image, 0).length, 1);
});

test('recordAt refuses a wrong trailing size copy, a size past the end and a zero time', () => {
  const chunk = firstChunk(log(2)).slice();
  const view = new DataView(chunk.buffer);
  const size = view.getUint32(512 + 4, true);
  assert.equal(recordAt(view, 512, chunk.length)?.recordId, 1n);
  assert.equal(recordAt(view, 512, 512 + size - 1), undefined, 'must end by `to`');

  view.setUint32(512 + size - 4, size + 8, true);
  assert.equal(recordAt(view, 512, chunk.length), undefined, 'trailing copy differs');
  view.setUint32(512 + size - 4, size, true);

  view.setBigUint64(512 + 16, 0n, true);
  assert.equal(recordAt(view, 512, chunk.length), undefined, 'written in 1601');
});

test('scanRecords does not hang or throw on bytes of signatures alone', () => {
  const bytes = new Uint8Array(65536);
  for (let i = 0; i + 4 <= bytes.length; i += 4) bytes.set([0x2a, 0x2a, 0, 0], i);
  assert.deepEqual(scanRecords(bytes), []);
});
