/** A dirty file whose header was not flushed: it names fewer chunks and records than exist. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chunkOf, evtxFile, FileFlags, sysmonEvent, type RecordSpec } from '../support/index.js';
import { chunkCounts, ids, parse } from '../support/parse.js';

const events = (first: number, count: number): RecordSpec[] =>
  Array.from({ length: count }, (_, i) =>
    sysmonEvent({ eventId: 3, recordId: first + i, fields: { DestinationPort: 443 + i } }),
  );

const chunks = () => [chunkOf(events(1, 3)), chunkOf(events(4, 3)), chunkOf(events(7, 3))];

test('EvtxFile reads every chunk of a dirty file whose header names only the first', async () => {
  const bytes = evtxFile(chunks(), {
    chunkCount: 1,
    lastChunkNumber: 0n,
    nextRecordId: 4n,
    flags: FileFlags.Dirty,
  });
  const parsed = await parse(bytes);

  assert.deepEqual(ids(parsed), ['1', '2', '3', '4', '5', '6', '7', '8', '9']);
  assert.deepEqual(
    parsed.records.map((r) => r.chunkIndex),
    [0, 0, 0, 1, 1, 1, 2, 2, 2],
  );
  assert.equal(parsed.structured[8]?.data['DestinationPort'], '445');
  assert.equal(parsed.file.header?.dirty, true);
  assert.equal(parsed.file.header?.full, false);
  assert.equal(parsed.file.header?.chunkCount, 1);
  assert.equal(parsed.file.header?.nextRecordId, 4n);
  assert.equal(parsed.file.header?.checksumValid, true);
  assert.deepEqual(chunkCounts(parsed), { slots: 3, found: 3, valid: 3, damaged: 0, empty: 0 });
  assert.deepEqual(parsed.summary.records, { read: 9, failed: 0, missing: 0 });
});

test('EvtxFile reports a file header that names fewer chunks than the file holds', async () => {
  const bytes = evtxFile(chunks(), { chunkCount: 1, lastChunkNumber: 0n, flags: FileFlags.Dirty });
  const parsed = await parse(bytes);
  const header = parsed.summary.diagnostics.filter((d) => d.structure === 'file header');
  assert.equal(header.length >= 1, true, 'a file header diagnostic');
  assert.equal(header[0]?.offset, 0);
});

test('EvtxFile reads the flags of a full, clean file', async () => {
  const parsed = await parse(evtxFile(chunks(), { flags: FileFlags.Full }));
  assert.equal(parsed.file.header?.dirty, false);
  assert.equal(parsed.file.header?.full, true);
  assert.equal(parsed.file.header?.chunkCount, 3);
  assert.equal(parsed.file.header?.nextRecordId, 10n);
  assert.deepEqual(parsed.summary.diagnostics, []);
});

test('EvtxFile keeps reading when the file header checksum is wrong', async () => {
  const parsed = await parse(evtxFile(chunks(), { checksum: 0x12345678 }));
  assert.equal(parsed.file.header?.checksum, 0x12345678);
  assert.equal(parsed.file.header?.checksumValid, false);
  assert.equal(parsed.records.length, 9);
  const header = parsed.summary.diagnostics.filter((d) => d.structure === 'file header');
  assert.deepEqual(
    header.map((d) => [d.severity, d.offset]),
    [['warning', 0]],
  );
});
