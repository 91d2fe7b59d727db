import assert from 'node:assert/strict';
import test from 'node:test';
import { crc32 } from '../src/crc32.js';
import { EvtxError } from '../src/errors.js';

test('crc32 matches the standard check value and continues across ranges', () => {
  const bytes = new TextEncoder().encode('123456789');
  assert.equal(crc32(bytes), 0xcbf43926);
  assert.equal(crc32(bytes, 4, 9, crc32(bytes, 0, 4)), 0xcbf43926);
});

test('EvtxError names the structure, the offset in hex and the reason', () => {
  const error = new EvtxError('chunk header', 0x11000, 'bad signature');
  assert.equal(error.message, 'Cannot read chunk header at 0x11000: bad signature');
  assert.equal(error.offset, 0x11000);
});

test('crc32 gives the same value at every alignment and for every length around a word', () => {
  const bytes = Uint8Array.from({ length: 300 }, (_, i) => (i * 2654435761) >>> 24);
  const bytewise = (from: number, to: number): number => {
    let c = 0xffffffff;
    for (let i = from; i < to; i++) {
      c ^= bytes[i]!;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    }
    return ~c >>> 0;
  };
  for (let start = 0; start < 8; start++) {
    for (let length = 0; length < 40; length++) {
      assert.equal(crc32(bytes, start, start + length), bytewise(start, start + length));
    }
    assert.equal(crc32(bytes, start, 300), bytewise(start, 300), `start ${start} to the end`);
  }
});
