import { test } from 'node:test';
import assert from 'node:assert/strict';

import { CodeArray } from '../../src/store/growable.js';

test('CodeArray keeps one byte a code below 256, then widens to two and four, values kept', () => {
  const codes = new CodeArray();
  for (let i = 0; i < 300; i++) codes.push(i % 256);
  codes.trim();
  assert.equal(codes.byteLength, 300);
  assert.ok(codes.view() instanceof Uint8Array);

  codes.push(0xffff);
  assert.ok(codes.view() instanceof Uint16Array);
  codes.push(0x10000);
  codes.push(0xffffffff);
  codes.trim();

  assert.ok(codes.view() instanceof Uint32Array);
  assert.equal(codes.length, 303);
  assert.equal(codes.byteLength, 303 * 4);
  assert.deepEqual(
    [0, 255, 256, 299, 300, 301, 302].map((i) => codes.get(i)),
    [0, 255, 0, 43, 0xffff, 0x10000, 0xffffffff],
  );
  assert.equal(codes.get(303), 0, 'past the end');
});
