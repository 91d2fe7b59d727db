/** The writer's file and chunk structure, read back by our parser. */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { parseFileHeader } from '../../src/file-header.js';
import {
  EvtxWriter,
  element,
  filetimeFromMs,
  guidToBytes,
  nameHash,
  normal,
  optional,
  text,
  writeEvtx,
  type EventRecordInput,
  type Template,
} from '../../src/writer/index.js';
import { parse } from '../support/parse.js';

const DATA: Template = {
  guid: '{0badc0de-0000-4000-8000-00000000000a}',
  root: element(
    'EventData',
    {},
    element('Data', { Name: text('Image') }, normal(0, 'string')),
    element('Data', { Name: text('Count') }, normal(1, 'uint32')),
  ),
};

const EVENT: Template = {
  guid: '{0badc0de-0000-4000-8000-00000000000b}',
  root: element(
    'Event',
    {},
    element(
      'System',
      {},
      element('EventID', {}, optional(0, 'uint16')),
      element('EventRecordID', {}, optional(1, 'uint64')),
      element('Computer', {}, text('HOST-2')),
    ),
    optional(2, 'binxml'),
  ),
};

const START_MS = Date.UTC(2024, 5, 1);

function* records(count: number, firstId = 1n): Generator<EventRecordInput> {
  for (let i = 0; i < count; i++) {
    const image = `C:\\Tools\\tool-${i}.exe`.padEnd(40 + (i % 50), 'x');
    yield {
      writtenTime: filetimeFromMs(START_MS + i * 1000),
      event: {
        template: EVENT,
        values: [
          { type: 'uint16', value: 1 + (i % 3) },
          { type: 'uint64', value: firstId + BigInt(i) },
          {
            type: 'binxml',
            value: {
              template: DATA,
              values: [
                { type: 'string', value: image },
                { type: 'uint32', value: i },
              ],
            },
          },
        ],
      },
    };
  }
}

/** How many times `needle` occurs in `haystack`. */
function occurrences(haystack: Uint8Array, needle: Uint8Array): number {
  let count = 0;
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    count++;
  }
  return count;
}

test('writeEvtx: 3000 records over many chunks read back in order with every CRC valid', async () => {
  const bytes = writeEvtx(records(3000));
  const parsed = await parse(bytes);

  assert.equal(parsed.records.length, 3000);
  assert.deepEqual(parsed.summary.diagnostics, []);
  assert.equal(parsed.summary.lost, false);
  assert.ok(parsed.chunks.length > 10, `${parsed.chunks.length} chunks`);
  for (const chunk of parsed.chunks) {
    assert.equal(chunk.status, 'ok');
    assert.equal(chunk.headerCrcValid, true);
    assert.equal(chunk.dataCrcValid, true);
  }
  const last = parsed.structured[2999]!;
  assert.equal(last.recordId, '3000');
  assert.equal(last.eventId, 1 + (2999 % 3));
  assert.equal(last.data.Count, '2999');
  assert.equal(last.timeCreated, undefined);
  assert.equal(last.writtenTime, new Date(START_MS + 2999000).toISOString().replace('Z', '0000Z'));
});

test('writeEvtx: chunk headers name their first and last records and where the last one is', async () => {
  const bytes = writeEvtx(records(1500, 101n), { firstRecordId: 101n });
  const parsed = await parse(bytes);

  let expectedFirst = 101n;
  for (const chunk of parsed.chunks) {
    const header = chunk.header!;
    assert.equal(header.firstRecordId, expectedFirst);
    assert.equal(header.firstRecordNumber, expectedFirst);
    assert.equal(BigInt(chunk.records), header.lastRecordId - header.firstRecordId + 1n);
    const view = new DataView(bytes.buffer, chunk.offset + header.lastRecordOffset);
    assert.equal(view.getUint32(0, true), 0x2a2a);
    assert.equal(view.getBigUint64(8, true), header.lastRecordId);
    expectedFirst = header.lastRecordId + 1n;
  }
  assert.equal(expectedFirst, 1601n);
});

test('writeEvtx: no chunk is filled to its last byte (libevtx drops a record ending there)', () => {
  const bytes = writeEvtx(records(6000));
  const chunks = (bytes.length - 4096) / 65536;
  for (let i = 0; i < chunks; i++) {
    const free = new DataView(bytes.buffer, 4096 + i * 65536).getUint32(48, true);
    assert.ok(free <= 65528, `chunk ${i}: free space offset ${free}`);
    const last = i === chunks - 1;
    if (!last) assert.ok(free > 65536 - 1024, `chunk ${i} left ${65536 - free} bytes unused`);
  }
});

test('writeEvtx: the file header counts the chunks and names the next record id', async () => {
  const bytes = writeEvtx(records(1200));
  const header = parseFileHeader(bytes);
  const chunks = (bytes.length - 4096) / 65536;

  assert.equal(header.checksumValid, true);
  assert.equal(header.chunkCount, chunks);
  assert.equal(header.lastChunkNumber, BigInt(chunks - 1));
  assert.equal(header.nextRecordId, 1201n);
  assert.equal(header.majorVersion, 3);
  assert.equal(header.minorVersion, 1);
  assert.equal(header.dirty, false);
});

test('writeEvtx: each template definition and each name is written once per chunk', async () => {
  const bytes = writeEvtx(records(800));
  const chunks = (bytes.length - 4096) / 65536;
  const guid = guidToBytes(DATA.guid);
  const image = Uint8Array.from('Image', (c) => c.charCodeAt(0)).reduce<number[]>(
    (units, byte) => [...units, byte, 0],
    [],
  );

  for (let i = 0; i < chunks; i++) {
    const chunk = bytes.subarray(4096 + i * 65536, 4096 + (i + 1) * 65536);
    assert.equal(occurrences(chunk, guid), 1, `chunk ${i}: template definitions`);
    assert.equal(occurrences(chunk, Uint8Array.from(image)), 1, `chunk ${i}: the name Image`);
  }
});

test('writeEvtx: names sit in the string table bucket of their hash', () => {
  const bytes = writeEvtx(records(1));
  const chunk = new DataView(bytes.buffer, 4096, 65536);
  const bucket = nameHash('EventData') % 64;
  const offset = chunk.getUint32(128 + 4 * bucket, true);

  assert.notEqual(offset, 0);
  assert.equal(chunk.getUint16(offset + 4, true), nameHash('EventData'));
  assert.equal(chunk.getUint16(offset + 6, true), 'EventData'.length);
});

test('EvtxWriter.add hands out a chunk only when a record does not fit, finish the last one', () => {
  const writer = new EvtxWriter();
  const full: Uint8Array[] = [];
  for (const record of records(800)) {
    const chunk = writer.add(record);
    if (chunk !== undefined) full.push(chunk);
  }
  const last = writer.finish();

  assert.ok(full.length >= 2);
  assert.equal(last?.length, 65536);
  assert.equal(writer.chunkCount, full.length + 1);
  assert.equal(writer.nextRecordId, 801n);
  assert.throws(() => writer.add(records(1).next().value!), /the writer was finished/);
});

test('EvtxWriter.add refuses a record larger than a chunk, naming it', () => {
  const writer = new EvtxWriter({ firstRecordId: 7n });
  const [record] = records(1);
  const huge = { type: 'string', value: 'x'.repeat(40000) } as const;
  const values = [
    ...record!.event.values.slice(0, 2),
    {
      type: 'binxml',
      value: { template: DATA, values: [huge, { type: 'uint32', value: 1 }] },
    } as const,
  ];

  assert.throws(
    () => writer.add({ ...record!, event: { template: EVENT, values } }),
    /Cannot write record 7: larger than a chunk/,
  );
  assert.equal(writer.finish(), undefined);
});

test('writeEvtx: an empty log is a valid header and no chunk', async () => {
  const bytes = writeEvtx([]);
  const parsed = await parse(bytes);

  assert.equal(bytes.length, 4096);
  assert.equal(parsed.records.length, 0);
  assert.equal(parseFileHeader(bytes).chunkCount, 0);
  assert.equal(parseFileHeader(bytes).nextRecordId, 1n);
});
