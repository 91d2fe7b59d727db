import assert from 'node:assert/strict';
import test from 'node:test';
import { isCachedType, ValueTextCache } from '../../src/values/text-cache.js';
import { ValueType } from '../../src/values/types.js';

test('ValueTextCache.find returns a kept text only for the same type and bytes', () => {
  const cache = new ValueTextCache();
  const bytes = Uint8Array.from({ length: 40 }, (_, i) => i);
  assert.equal(cache.find(bytes, ValueType.Guid, 0, 16), undefined);
  cache.keep(bytes, ValueType.Guid, 0, 16, 'guid-0');
  assert.equal(cache.find(bytes, ValueType.Guid, 0, 16), 'guid-0');
  assert.equal(cache.find(bytes, ValueType.Guid, 1, 16), undefined);
  assert.equal(cache.find(bytes, ValueType.Sid, 0, 16), undefined);

  const copy = bytes.slice(0, 16);
  assert.equal(cache.find(copy, ValueType.Guid, 0, 16), 'guid-0');
  copy[15] = 0xff;
  assert.equal(cache.find(copy, ValueType.Guid, 0, 16), undefined);
});

test('ValueTextCache keeps nothing for values longer than 32 bytes or empty', () => {
  const cache = new ValueTextCache();
  const bytes = new Uint8Array(40);
  assert.equal(cache.find(bytes, ValueType.Sid, 0, 33), undefined);
  cache.keep(bytes, ValueType.Sid, 0, 33, 'too long');
  assert.equal(cache.find(bytes, ValueType.Sid, 0, 33), undefined);
  assert.equal(cache.find(bytes, ValueType.Sid, 0, 0), undefined);
});

test('isCachedType names GUIDs, SIDs and 64-bit hex only', () => {
  assert.deepEqual(
    [ValueType.Guid, ValueType.Sid, ValueType.HexInt64, ValueType.String, ValueType.UInt64].map(
      isCachedType,
    ),
    [true, true, true, false, false],
  );
});
