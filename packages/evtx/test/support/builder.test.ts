/** Self-checks of the synthetic EVTX builder against known constants and a real Windows file. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import {
  ChunkBuilder,
  chunkHeaderCrc,
  crc32,
  evtxFile,
  fileHeader,
  filetime,
  guidBytes,
  nameHash,
  sidBytes,
  sysmonEvent,
  utf16le,
} from './index.js';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const SAMPLE = new URL('../../../test/fixtures/Security_short_selected.evtx', import.meta.url);

test('crc32 matches the IEEE check value', () => {
  assert.equal(crc32(new TextEncoder().encode('123456789')), 0xcbf43926);
  assert.equal(
    crc32(utf16le('ab').subarray(0, 1), utf16le('ab').subarray(1)),
    crc32(utf16le('ab')),
  );
});

test('nameHash matches the hashes Windows stored in Security_short_selected.evtx', () => {
  assert.equal(nameHash('Event'), 0x0cba);
  assert.equal(nameHash('xmlns'), 0x0fbc);
  assert.equal(nameHash('System'), 0x546f);
  assert.equal(nameHash('Provider'), 0x7bf1);
});

test('guidBytes stores Data1-3 little-endian and Data4 as is', () => {
  const bytes = guidBytes('{5770385f-c22a-43e0-bf4c-06f5698ffbd9}');
  assert.equal(hex(bytes), '5f3870572ac2e043bf4c06f5698ffbd9');
});

test('sidBytes writes revision, count, big-endian authority, little-endian sub-authorities', () => {
  assert.equal(hex(sidBytes('S-1-5-18')), '010100000000000512000000');
});

test('filetime counts 100 ns ticks from 1601', () => {
  assert.equal(filetime('1601-01-01T00:00:00Z'), 0n);
  assert.equal(filetime('1970-01-01T00:00:00.0000001Z'), 116444736000000001n);
});

test('fileHeader reproduces the header Windows wrote for Security_short_selected.evtx', () => {
  const real = new Uint8Array(readFileSync(SAMPLE));
  const chunk = real.subarray(0x1000, 0x11000);
  assert.equal(hex(fileHeader([chunk]).subarray(0, 128)), hex(real.subarray(0, 128)));
});

test('ChunkBuilder lays records from 512, 8-byte aligned, with valid CRCs and tables', () => {
  const builder = new ChunkBuilder();
  const first = builder.add(sysmonEvent({ eventId: 3, recordId: 7, fields: { Image: 'a.exe' } }));
  const second = builder.add(sysmonEvent({ eventId: 3, recordId: 8, fields: { Image: 'b.exe' } }));
  const chunk = builder.build();
  const view = new DataView(chunk.buffer);

  assert.equal(first, 512);
  assert.equal(second % 8, 0);
  assert.equal(view.getUint32(first, true), 0x2a2a);
  const size = view.getUint32(first + 4, true);
  assert.equal(view.getUint32(first + size - 4, true), size);
  assert.equal(view.getBigUint64(0x18, true), 7n);
  assert.equal(view.getBigUint64(0x20, true), 8n);
  assert.equal(view.getUint32(0x2c, true), second);
  assert.equal(view.getUint32(0x30, true), builder.freeSpaceOffset);
  assert.equal(view.getUint32(0x34, true), crc32(chunk.subarray(512, builder.freeSpaceOffset)));
  assert.equal(view.getUint32(0x7c, true), chunkHeaderCrc(chunk));

  // The common string table bucket of "Event" points at its inline name.
  const eventName = view.getUint32(0x80 + (nameHash('Event') % 64) * 4, true);
  assert.equal(view.getUint16(eventName + 6, true), 5);
  assert.equal(hex(chunk.subarray(eventName + 8, eventName + 18)), hex(utf16le('Event')));
});

test('ChunkBuilder writes a template definition once and references it afterwards', () => {
  const builder = new ChunkBuilder();
  const a = builder.add(sysmonEvent({ eventId: 3, recordId: 1, fields: { Image: 'a.exe' } }));
  const b = builder.add(sysmonEvent({ eventId: 3, recordId: 2, fields: { Image: 'b.exe' } }));
  const view = new DataView(builder.build().buffer);
  // Record header 24 bytes, fragment header 4, then 0x0c, 0x01, u32 id, u32 definition offset.
  const defA = view.getUint32(a + 24 + 4 + 6, true);
  const defB = view.getUint32(b + 24 + 4 + 6, true);
  assert.equal(defA, a + 24 + 4 + 10);
  assert.equal(defB, defA);
});

test('evtxFile puts the header block first and derives next record id from the chunks', () => {
  const builder = new ChunkBuilder();
  builder.add(sysmonEvent({ eventId: 1, recordId: 41, fields: {} }));
  const file = evtxFile([builder.build()]);
  const view = new DataView(file.buffer);
  assert.equal(file.length, 0x1000 + 0x10000);
  assert.equal(view.getBigUint64(0x18, true), 42n);
  assert.equal(view.getUint32(0x7c, true), crc32(file.subarray(0, 120)));
});
