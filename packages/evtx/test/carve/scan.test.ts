import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  planLogs,
  rebuildLog,
  rebuiltSource,
  scanImage,
  type CarveScan,
} from '../../src/carve/index.js';
import { readChunk } from '../../src/chunk.js';
import { bytesSource } from '../../src/index.js';
import type { StructuredRecord } from '../../src/types.js';
import { parseFixture } from '../support/fixture.js';
import { parse } from '../support/parse.js';
import {
  ChunkBuilder,
  el,
  sub,
  template,
  templateGuid,
  value,
  ValueType,
} from '../support/index.js';
import { carveImage, CUT_BYTES, fixtureChunk, layOut, randomBytes, recordBytes } from './image.js';

const IMAGE = carveImage();

function scan(windowBytes?: number): Promise<CarveScan> {
  const options = windowBytes === undefined ? {} : { windowBytes };
  return scanImage(bytesSource(IMAGE.image, 'image.bin'), options);
}

/** Records without the source name, which differs between the image and a rebuilt file. */
function withoutFile(records: readonly StructuredRecord[]): StructuredRecord[] {
  return records.map(({ file: _file, ...rest }) => rest);
}

/** The records of `bytes` as a chunk read alone, e.g. a chunk cut off. */
function chunkRecords(bytes: Uint8Array): StructuredRecord[] {
  return readChunk(bytes, 0, 0, 'x').records.map((record) => record.toStructured());
}

test('scanImage finds every chunk at its unaligned offset, with its CRC state and records', async () => {
  const found = await scan();
  const chunks = found.chunks.map((c) => ({
    offset: c.offset,
    length: c.length,
    headerCrc: c.headerCrcValid,
    dataCrc: c.dataCrcValid,
    records: c.records,
    ids: `${c.firstRecordId}-${c.lastRecordId}`,
  }));

  const [s0, s1, s2] = IMAGE.sysmon;
  assert.deepEqual(chunks, [
    { offset: s0, length: 65536, headerCrc: true, dataCrc: true, records: 41, ids: '1742-1782' },
    {
      offset: IMAGE.security,
      length: 65536,
      headerCrc: true,
      dataCrc: true,
      records: 7,
      ids: '1-7',
    },
    { offset: s1, length: 65536, headerCrc: false, dataCrc: true, records: 40, ids: '1783-1822' },
    { offset: s2, length: 65536, headerCrc: true, dataCrc: true, records: 39, ids: '1823-1861' },
    {
      offset: IMAGE.cut,
      length: CUT_BYTES,
      headerCrc: true,
      dataCrc: false,
      records: 20,
      ids: '1862-1881',
    },
  ]);
  assert.deepEqual(found.rejected, []);
  assert.equal(found.chunks[0]?.channel, 'Microsoft-Windows-Sysmon/Operational');
  assert.equal(found.chunks[1]?.channel, 'Security');
});

test('scanImage reads loose records: one with its template inline, one borrowing it by id from a carved chunk', async () => {
  const found = await scan();
  const loose = found.looseRecords.map(({ offset, recordId, read, problem }) => ({
    offset,
    recordId,
    read,
    problem,
  }));

  assert.deepEqual(loose, [
    { offset: IMAGE.inlineRecord, recordId: 33072n, read: true, problem: undefined },
    { offset: IMAGE.referringRecord, recordId: 1906n, read: true, problem: undefined },
  ]);

  const records: StructuredRecord[] = [];
  await scanImage(bytesSource(IMAGE.image, 'image.bin'), {
    onLooseRecord: (loose) => void (loose.record && records.push(loose.record)),
  });
  const security = await parseFixture('Security_1_record.evtx');
  const sysmon = await parseFixture('sysmon.evtx');
  const live = sysmon.structured.find((record) => record.headerRecordId === '1906');
  // The borrowed template gives the live record, flagged recovered.
  assert.deepEqual(withoutFile(records), [
    ...withoutFile(security.structured),
    ...withoutFile([{ ...live!, recovered: true }]),
  ]);
  assert.equal(records[0]?.eventId, 1102);
  assert.equal(records[1]?.eventId, live?.eventId);
});

/** A record whose fragment is one instance of the template `guid`, with one string value. */
function imageRecord(recordId: number, guid: string, image: string) {
  const root = el(
    'Event',
    {},
    el('EventData', {}, el('Data', { Name: 'Image' }, sub(0, ValueType.String))),
  );
  return { recordId, body: template(guid, root, [value.string(image)]) };
}

/** A chunk defining `guid` (record 1), and the bytes of a record 2 that refers to it. */
function definingChunk(guid: string, image: string): { chunk: Uint8Array; referring: Uint8Array } {
  const builder = new ChunkBuilder();
  builder.add(imageRecord(1, guid, 'first.exe'));
  const at = builder.add(imageRecord(2, guid, image));
  const chunk = builder.build();
  return { chunk, referring: recordBytes(chunk, at) };
}

const SHARED_ID_A = '{11112222-3333-4444-5555-666677778888}';
const SHARED_ID_B = '{11112222-9999-4444-5555-666677778888}';

test('scanImage lends a loose record the template of a chunk found later in the image', async () => {
  const { chunk, referring } = definingChunk(SHARED_ID_A, 'C:\\evil.exe');
  const { image, offsets } = layOut([randomBytes(301, 11), referring, randomBytes(77, 12), chunk]);
  const records: StructuredRecord[] = [];
  const found = await scanImage(bytesSource(image, 'image.bin'), {
    onLooseRecord: (loose) => void (loose.record && records.push(loose.record)),
  });

  assert.deepEqual(
    found.looseRecords.map(({ offset, read }) => [offset, read]),
    [[offsets[1], true]],
  );
  assert.deepEqual(
    records.map((r) => [r.headerRecordId, r.data, r.recovered]),
    [['2', { Image: 'C:\\evil.exe' }, true]],
  );
});

test('scanImage refuses a loose record whose template id two carved templates share', async () => {
  const { chunk: a, referring } = definingChunk(SHARED_ID_A, 'a.exe');
  const { chunk: b } = definingChunk(SHARED_ID_B, 'b.exe');
  const { image } = layOut([
    randomBytes(99, 13),
    a,
    randomBytes(51, 14),
    b,
    randomBytes(7, 15),
    referring,
  ]);
  const found = await scanImage(bytesSource(image, 'image.bin'));

  assert.deepEqual(
    found.looseRecords.map(({ read, problem }) => [read, problem]),
    [
      [
        false,
        '2 templates of the carved chunks have its template id 0x11112222 ' +
          `(${SHARED_ID_A}, ${SHARED_ID_B}): which one it used cannot be told`,
      ],
    ],
  );
});

test('scanImage says no carved chunk defines the template a loose record names', async () => {
  const { referring } = definingChunk(SHARED_ID_A, 'a.exe');
  const { chunk } = definingChunk(templateGuid('other'), 'b.exe');
  const found = await scanImage(
    bytesSource(layOut([chunk, randomBytes(9, 16), referring]).image, 'x'),
  );

  assert.deepEqual(
    found.looseRecords.map(({ read, problem }) => [read, problem]),
    [
      [
        false,
        'its template (id 0x11112222) is not in the record: it was defined earlier in its lost ' +
          'chunk, and no carved chunk of the image defines a template with that id',
      ],
    ],
  );
});

test('scanImage gives the same result whatever the window, across window edges', async () => {
  const whole = await scan();
  for (const window of [65536, 100_003, 262_147]) assert.deepEqual(await scan(window), whole);
});

test('planLogs puts the Sysmon chunks in one log in id order and Security in another', async () => {
  const logs = planLogs((await scan()).chunks);
  const plan = logs.map((log) => ({
    name: log.name,
    offsets: log.chunks.map((c) => c.offset),
    ids: `${log.firstRecordId}-${log.lastRecordId}`,
    records: log.records,
    missing: log.missing,
  }));

  assert.deepEqual(plan, [
    {
      name: '1-Microsoft-Windows-Sysmon_Operational-DESKTOP-2KGM189',
      offsets: [...IMAGE.sysmon, IMAGE.cut],
      ids: '1742-1881',
      records: 140,
      missing: 0,
    },
    {
      name: '2-Security-temporal',
      offsets: [IMAGE.security],
      ids: '1-7',
      records: 7,
      missing: 0,
    },
  ]);
});

test('a rebuilt log parses to the same records as the chunks it was carved from', async () => {
  const source = bytesSource(IMAGE.image, 'image.bin');
  const [sysmonLog] = planLogs((await scan()).chunks);
  const parts: Uint8Array[] = [];
  for await (const part of rebuildLog(source, sysmonLog!)) parts.push(part);
  const rebuilt = await parse(concat(parts), 'rebuilt.evtx');

  const expected = [0, 1, 2].flatMap((i) => chunkRecords(fixtureChunk('sysmon.evtx', i)));
  expected.push(...chunkRecords(fixtureChunk('sysmon.evtx', 3).slice(0, CUT_BYTES)));
  assert.equal(rebuilt.file.header?.checksumValid, true);
  assert.equal(rebuilt.file.header?.chunkCount, 4);
  assert.equal(rebuilt.file.header?.nextRecordId, 1882n);
  assert.deepEqual(withoutFile(rebuilt.structured), withoutFile(expected));
  assert.equal(rebuilt.summary.chunks.damaged, 2);

  // The same bytes as a source, read in pieces that straddle the header and the slots.
  const virtual = rebuiltSource(source, sysmonLog!, 'rebuilt.evtx');
  const pieces: Uint8Array[] = [];
  for (let at = 0; at < virtual.size; at += 40_000) pieces.push(await virtual.read(at, 40_000));
  assert.deepEqual(concat(pieces), concat(parts));
});

test('scanImage finds nothing in random bytes and keeps a bounded buffer on a large image', async () => {
  const noise = randomBytes(3 * 1024 * 1024 + 17, 9);
  const reads: number[] = [];
  const source = bytesSource(noise, 'noise.bin');
  const counted = {
    ...source,
    read: (offset: number, length: number) => (reads.push(length), source.read(offset, length)),
  };

  const found = await scanImage(counted, { windowBytes: 1024 * 1024 });
  assert.deepEqual(
    [found.chunks.length, found.looseRecords.length, found.rejected.length],
    [0, 0, 0],
  );
  assert.equal(Math.max(...reads), 1024 * 1024 + 65536);
  assert.equal(reads.length, 4);
});

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return bytes;
}

test('scanImage marks a second copy of a chunk and rejects a signature without a header', async () => {
  const chunk = fixtureChunk('Security_short_selected.evtx', 0);
  const fake = Uint8Array.from([...'ElfChnk\0'].map((c) => c.charCodeAt(0)));
  const { image, offsets } = layOut([
    randomBytes(11, 1),
    chunk,
    randomBytes(13, 2),
    fake,
    randomBytes(1000, 3),
    chunk,
  ]);

  const found = await scanImage(bytesSource(image, 'copies.bin'));
  const chunks = found.chunks.map((c) => [c.offset, c.duplicateOf]);
  assert.deepEqual(chunks, [
    [offsets[1], undefined],
    [offsets[5], offsets[1]],
  ]);
  assert.deepEqual(found.rejected, [
    { offset: offsets[3], reason: found.rejected[0]?.reason ?? '' },
  ]);
  assert.match(found.rejected[0]?.reason ?? '', /^header CRC mismatch and implausible header/);
  assert.deepEqual(
    planLogs(found.chunks).map((log) => log.chunks.map((c) => c.offset)),
    [[offsets[1]]],
  );
});
