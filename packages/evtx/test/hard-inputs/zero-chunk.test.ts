/**
 * All-zero chunk slots: inside the log (before a later chunk, or within the chunk count the
 * header names) they were wiped and their records are lost; past both they are the unused tail.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chunkOf, evtxFile, FileFlags, sysmonEvent, zeroChunk } from '../support/index.js';
import { chunkCounts, ids, parse, type Parsed } from '../support/parse.js';

/** A chunk of records `first`..`last`. */
const chunk = (first: number, last: number) =>
  chunkOf(
    Array.from({ length: last - first + 1 }, (_, i) =>
      sysmonEvent({ eventId: 1, recordId: first + i, fields: {} }),
    ),
  );

/** The diagnostics this feature adds, as `severity chunkIndex @offset: message`. */
const slotDiagnostics = (parsed: Parsed): string[] =>
  parsed.summary.diagnostics
    .filter((d) => d.structure === 'chunk')
    .map((d) => `${d.severity} ${d.chunkIndex} @0x${d.offset.toString(16)}: ${d.message}`);

test('EvtxFile reports a wiped slot between chunks with the record ids it held', async () => {
  const parsed = await parse(evtxFile([chunk(1, 3), zeroChunk(), chunk(8, 9)]));

  assert.deepEqual(ids(parsed), ['1', '2', '3', '8', '9']);
  assert.deepEqual(
    parsed.chunks.map((c) => [c.index, c.offset, c.status, c.damaged]),
    [
      [0, 0x1000, 'ok', false],
      [1, 0x11000, 'wiped', true],
      [2, 0x21000, 'ok', false],
    ],
  );
  assert.deepEqual(slotDiagnostics(parsed), [
    'error 1 @0x11000: the slot is all zeros (wiped or never written); records 4-7 are ' +
      'missing, 4 in all (chunk 0 ends at 3 and chunk 2 starts at 8, both by their chunk headers)',
  ]);
  assert.deepEqual(parsed.summary.chunks, {
    slots: 3,
    found: 2,
    valid: 2,
    damaged: 0,
    empty: 0,
    unreadable: 1,
  });
  assert.deepEqual(parsed.summary.records, { read: 5, failed: 0, missing: 4 });
  assert.equal(parsed.summary.lost, true);
});

test('EvtxFile warns of a wiped slot whose neighbours have contiguous record ids', async () => {
  const parsed = await parse(evtxFile([chunk(1, 2), zeroChunk(), chunk(3, 4)]));

  assert.deepEqual(ids(parsed), ['1', '2', '3', '4']);
  assert.equal(parsed.chunks[1]?.status, 'wiped');
  assert.deepEqual(slotDiagnostics(parsed), [
    'warning 1 @0x11000: the slot is all zeros (wiped or never written); no record ids are ' +
      'missing between the chunks around the slot, so no records appear lost (chunk 0 ends ' +
      'at 2 and chunk 2 starts at 3, both by their chunk headers)',
  ]);
  assert.deepEqual(parsed.summary.records, { read: 4, failed: 0, missing: 0 });
  assert.equal(parsed.summary.lost, false);
});

test('EvtxFile reads past trailing zero slots beyond the named chunks without damage', async () => {
  const parsed = await parse(evtxFile([chunk(1, 2), zeroChunk(), zeroChunk()], { chunkCount: 1 }));

  assert.deepEqual(ids(parsed), ['1', '2']);
  assert.deepEqual(chunkCounts(parsed), { slots: 3, found: 1, valid: 1, damaged: 0, empty: 2 });
  assert.deepEqual(parsed.summary.diagnostics, []);
  assert.equal(parsed.summary.lost, false);
});

test('EvtxFile bounds a wiped last chunk by the clean header next record id', async () => {
  const bytes = evtxFile([chunk(1, 3), chunk(4, 6), zeroChunk(), zeroChunk()], {
    chunkCount: 3,
    nextRecordId: 10n,
  });
  const parsed = await parse(bytes);

  assert.deepEqual(
    parsed.chunks.map((c) => c.status),
    ['ok', 'ok', 'wiped', 'empty'],
  );
  assert.deepEqual(slotDiagnostics(parsed), [
    'error 2 @0x21000: the slot is all zeros (wiped or never written); records 7-9 are ' +
      "missing, 3 in all (chunk 1 ends at 6 by its chunk header; the file header's next " +
      'record id is 10)',
  ]);
  assert.deepEqual(parsed.summary.records, { read: 6, failed: 0, missing: 3 });
  assert.equal(parsed.summary.chunks.empty, 1);
});

test('EvtxFile leaves the range open past a wiped last chunk of a dirty file', async () => {
  const bytes = evtxFile([chunk(1, 3), zeroChunk(), zeroChunk()], {
    chunkCount: 2,
    flags: FileFlags.Dirty,
  });
  const parsed = await parse(bytes);

  assert.deepEqual(slotDiagnostics(parsed), [
    'error 1 @0x11000: the slot is all zeros (wiped or never written); records from 4 on ' +
      'are missing; the range is open-ended, no later chunk bounds it (chunk 0 ends at 3 by ' +
      'its chunk header)',
  ]);
  assert.equal(parsed.summary.records.missing, 0, 'an open range is not counted');
  assert.equal(parsed.summary.lost, true);
});

test('EvtxFile leaves the range open before a wiped first slot', async () => {
  const bytes = evtxFile([zeroChunk(), chunk(49, 50), chunk(51, 52), zeroChunk()], {
    chunkCount: 3,
  });
  const parsed = await parse(bytes);

  assert.deepEqual(slotDiagnostics(parsed), [
    'error 0 @0x1000: the slot is all zeros (wiped or never written); records up to 48 are ' +
      'missing; the range is open-ended, no earlier chunk bounds it (chunk 1 starts at 49 by ' +
      'its chunk header)',
  ]);
  assert.deepEqual(
    parsed.chunks.map((c) => c.status),
    ['wiped', 'ok', 'ok', 'empty'],
  );
});

test('EvtxFile reports a run of lost slots once, with what each kind of slot held', async () => {
  const garbage = zeroChunk().fill(0x41, 0, 16);
  const parsed = await parse(
    evtxFile([chunk(1, 3), zeroChunk(), garbage, zeroChunk(), chunk(10, 12)]),
  );

  assert.deepEqual(
    parsed.chunks.map((c) => c.status),
    ['ok', 'wiped', 'bad-signature', 'wiped', 'ok'],
  );
  assert.deepEqual(slotDiagnostics(parsed), [
    'error 1 @0x11000: slots 1-3 (to 0x31000) hold no chunk: 2 all zeros (wiped or never ' +
      'written), 1 without a chunk signature; records 4-9 are missing, 6 in all (chunk 0 ends ' +
      'at 3 and chunk 4 starts at 10, both by their chunk headers)',
  ]);
  assert.equal(parsed.summary.chunks.unreadable, 3);
  assert.equal(parsed.summary.records.missing, 6);
});

test('EvtxFile takes ids from the records read when a neighbour header fails its CRC', async () => {
  const bad = chunkOf(
    [5, 6].map((id) => sysmonEvent({ eventId: 1, recordId: id, fields: {} })),
    { headerCrc: 0 },
  );
  const parsed = await parse(evtxFile([chunk(1, 2), zeroChunk(), bad]));

  assert.deepEqual(slotDiagnostics(parsed), [
    'error 1 @0x11000: the slot is all zeros (wiped or never written); records 3-4 are ' +
      'missing, 2 in all (chunk 0 ends at 2 by its chunk header and chunk 2 starts at 5 by ' +
      'the records read from it)',
  ]);
});

test('EvtxFile reads a wrapped log (oldest chunk not in slot 0) with no false warning', async () => {
  const parsed = await parse(evtxFile([chunk(13, 15), chunk(4, 6), chunk(7, 9), chunk(10, 12)]));

  assert.equal(parsed.records.length, 12);
  assert.deepEqual(parsed.summary.diagnostics, []);
  assert.deepEqual(parsed.summary.records, { read: 12, failed: 0, missing: 0 });
});

test('EvtxFile bounds a wiped last slot of a wrapped log by the chunk in slot 0', async () => {
  const parsed = await parse(evtxFile([chunk(13, 15), chunk(4, 6), chunk(7, 9), zeroChunk()]));

  assert.deepEqual(slotDiagnostics(parsed), [
    'error 3 @0x31000: the slot is all zeros (wiped or never written); records 10-12 are ' +
      'missing, 3 in all (chunk 2 ends at 9 and chunk 0 starts at 13, both by their chunk ' +
      'headers)',
  ]);
});

test('EvtxFile says a wiped slot where the log wrapped held its newest or oldest records', async () => {
  const chunks = [chunk(13, 15), zeroChunk(), chunk(7, 9), chunk(10, 12)];
  const dirty = await parse(evtxFile(chunks, { flags: FileFlags.Dirty }));

  assert.deepEqual(slotDiagnostics(dirty), [
    'error 1 @0x11000: the slot is all zeros (wiped or never written); records from 16 on or ' +
      "up to 6 are missing, open-ended: the slot held either the log's newest records or its " +
      'oldest (chunk 0 ends at 15 and chunk 2 starts at 7, both by their chunk headers; the ' +
      'ids drop there: the log wrapped)',
  ]);

  // A clean header's next record id says nothing newer was written: the slot held the oldest.
  const clean = await parse(evtxFile(chunks, { nextRecordId: 16n }));
  assert.deepEqual(slotDiagnostics(clean), [
    'error 1 @0x11000: the slot is all zeros (wiped or never written); records up to 6 are ' +
      'missing; the range is open-ended, no earlier chunk bounds it (chunk 0 ends at 15 and ' +
      'chunk 2 starts at 7, both by their chunk headers; the ids drop there: the log wrapped; ' +
      "the file header's next record id is 16)",
  ]);
});

test('EvtxFile ignores the chunk count of a header whose checksum fails', async () => {
  const bytes = evtxFile([chunk(1, 2), zeroChunk(), zeroChunk()], { checksum: 1 });
  const parsed = await parse(bytes);

  assert.deepEqual(
    parsed.chunks.map((c) => c.status),
    ['ok', 'empty', 'empty'],
  );
  assert.deepEqual(slotDiagnostics(parsed), []);
});
