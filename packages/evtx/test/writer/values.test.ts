/** Round trip of every value type the writer writes: our parser renders what was written. */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  element,
  filetimeFromMs,
  normal,
  optional,
  sidToBytes,
  guidToBytes,
  text,
  writeEvtx,
  type Template,
  type WriterValue,
} from '../../src/writer/index.js';
import { parse, section } from '../support/parse.js';

/** Each value written, and how Windows (and our parser) renders it. */
const CASES: readonly (readonly [string, WriterValue, string])[] = [
  ['String', { type: 'string', value: 'héllo wörld ✓ 😀' }, 'héllo wörld ✓ 😀'],
  ['Ansi', { type: 'ansi', value: 'plain text' }, 'plain text'],
  ['Int8', { type: 'int8', value: -5 }, '-5'],
  ['UInt8', { type: 'uint8', value: 250 }, '250'],
  ['Int16', { type: 'int16', value: -300 }, '-300'],
  ['UInt16', { type: 'uint16', value: 65000 }, '65000'],
  ['Int32', { type: 'int32', value: -70000 }, '-70000'],
  ['UInt32', { type: 'uint32', value: 4000000000 }, '4000000000'],
  ['Int64', { type: 'int64', value: -9007199254740993n }, '-9007199254740993'],
  ['UInt64', { type: 'uint64', value: 18446744073709551615n }, '18446744073709551615'],
  ['Real32', { type: 'real32', value: 1.5 }, '1.5'],
  ['Real64', { type: 'real64', value: -3.25 }, '-3.25'],
  ['True', { type: 'bool', value: true }, 'true'],
  ['False', { type: 'bool', value: false }, 'false'],
  ['Binary', { type: 'binary', value: Uint8Array.from([0xde, 0xad, 0xbe, 0xef, 0]) }, 'DEADBEEF00'],
  [
    'Guid',
    { type: 'guid', value: '{01234567-89AB-CDEF-0123-456789ABCDEF}' },
    '{01234567-89ab-cdef-0123-456789abcdef}',
  ],
  [
    'FileTime',
    { type: 'filetime', value: filetimeFromMs(Date.UTC(2024, 1, 29, 23, 59, 58, 123), 4567) },
    '2024-02-29T23:59:58.1234567Z',
  ],
  [
    'SysTime',
    { type: 'systime', value: new Date(Date.UTC(2023, 11, 31, 1, 2, 3, 45)) },
    '2023-12-31T01:02:03.0450000Z',
  ],
  [
    'Sid',
    { type: 'sid', value: 'S-1-5-21-1004336348-1177238915-682003330-512' },
    'S-1-5-21-1004336348-1177238915-682003330-512',
  ],
  ['HexInt32', { type: 'hexint32', value: 0xdeadbeef }, '0xdeadbeef'],
  ['HexInt64', { type: 'hexint64', value: 0x8000000000000000n }, '0x8000000000000000'],
  ['Nothing', { type: 'null' }, ''],
];

const DATA: Template = {
  guid: '{6f1c0a52-0000-4000-8000-000000000001}',
  root: element(
    'EventData',
    {},
    ...CASES.map(([name, value], i) =>
      element('Data', { Name: text(name) }, normal(i, value.type)),
    ),
  ),
};

const EVENT: Template = {
  guid: '{6f1c0a52-0000-4000-8000-000000000002}',
  root: element(
    'Event',
    { xmlns: text('http://schemas.microsoft.com/win/2004/08/events/event') },
    element(
      'System',
      {},
      element('Provider', { Name: text('Writer-Test') }),
      element('EventID', {}, optional(0, 'uint16')),
      element('TimeCreated', { SystemTime: optional(1, 'filetime') }),
      element('EventRecordID', {}, optional(2, 'uint64')),
      element('Correlation', { ActivityID: optional(3, 'guid') }),
      element('Computer', {}, text('HOST-1')),
    ),
    optional(4, 'binxml'),
  ),
};

const WRITTEN = filetimeFromMs(Date.UTC(2024, 0, 2, 3, 4, 5, 678));

function event(recordId: bigint, values: readonly WriterValue[]) {
  return {
    writtenTime: WRITTEN,
    event: {
      template: EVENT,
      values: [
        { type: 'uint16', value: 4242 },
        { type: 'filetime', value: WRITTEN },
        { type: 'uint64', value: recordId },
        { type: 'null' },
        { type: 'binxml', value: { template: DATA, values } },
      ] satisfies WriterValue[],
    },
  };
}

test('writeEvtx values: every value type reads back as Windows renders it', async () => {
  const bytes = writeEvtx([
    event(
      1n,
      CASES.map(([, value]) => value),
    ),
  ]);
  const parsed = await parse(bytes);

  assert.equal(parsed.records.length, 1);
  assert.deepEqual(parsed.summary.diagnostics, []);
  const record = parsed.structured[0]!;
  assert.deepEqual(record.data, Object.fromEntries(CASES.map(([name, , shown]) => [name, shown])));
  assert.equal(record.issues, undefined);
});

test('writeEvtx values: System fields, the record header and a null optional value', async () => {
  const parsed = await parse(
    writeEvtx([
      event(
        1n,
        CASES.map(([, value]) => value),
      ),
    ]),
  );
  const record = parsed.structured[0]!;

  assert.equal(record.eventId, 4242);
  assert.equal(record.recordId, '1');
  assert.equal(record.headerRecordId, '1');
  assert.equal(record.provider, 'Writer-Test');
  assert.equal(record.computer, 'HOST-1');
  assert.equal(record.timeCreated, '2024-01-02T03:04:05.6780000Z');
  assert.equal(record.writtenTime, '2024-01-02T03:04:05.6780000Z');
  // A null optional substitution leaves its attribute out, as Windows does.
  assert.equal(section(parsed.xml[0]!, 'Correlation'), '<Correlation/>');
});

test('guidToBytes writes the first three groups little-endian', () => {
  const bytes = guidToBytes('{00112233-4455-6677-8899-aabbccddeeff}');
  assert.deepEqual(
    Array.from(bytes),
    [
      0x33, 0x22, 0x11, 0x00, 0x55, 0x44, 0x77, 0x66, 0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee,
      0xff,
    ],
  );
  assert.throws(() => guidToBytes('{not-a-guid}'), /Cannot write GUID \{not-a-guid\}/);
});

test('sidToBytes writes revision, count, big-endian authority, little-endian sub-authorities', () => {
  assert.deepEqual(Array.from(sidToBytes('S-1-5-18')), [1, 1, 0, 0, 0, 0, 0, 5, 18, 0, 0, 0]);
  assert.throws(() => sidToBytes('X-1-5'), /Cannot write SID X-1-5/);
  assert.throws(() => sidToBytes('S-1-5-abc'), /a part is not a number/);
});
