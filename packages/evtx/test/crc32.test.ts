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
