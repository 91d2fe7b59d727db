import assert from 'node:assert/strict';
import { test } from 'node:test';

import { ProcessKeys } from '../../src/story/process-keys.js';
import { guidKey } from '../../src/story/process-node.js';

const GUID = '{A1B2C3D4-0001-0002-0003-00000000F00D}';

test('ProcessKeys gives a guid key back as the same text, and finds it once filed', () => {
  const keys = new ProcessKeys();
  const key = guidKey('WS01', GUID);
  const index = keys.push(key);

  assert.equal(keys.key(index), 'ws01\u0000a1b2c3d4-0001-0002-0003-00000000f00d');
  assert.equal(keys.guidText(index), 'a1b2c3d4-0001-0002-0003-00000000f00d');
  assert.equal(keys.indexOf(key), undefined);

  keys.file(index);
  assert.equal(keys.indexOf(guidKey('ws01', GUID.toLowerCase())), index);
  assert.equal(keys.indexOf(guidKey('WS02', GUID)), undefined);
  assert.equal(keys.size, 1);
});

test('ProcessKeys keeps other keys as text: starts, unusual guids, a host holding NUL', () => {
  const keys = new ProcessKeys();
  const texts = ['ws01\u00004 at 2024-01-01T00:00:00.0000000Z', 'ws01\u0000guid with space'];
  texts.push('ws\u000001\u0000a1b2c3d4-0001-0002-0003-00000000f00d');
  const indexes = texts.map((text) => keys.push(text));
  for (const index of indexes) keys.file(index);

  assert.deepEqual(
    indexes.map((index) => keys.key(index)),
    texts,
  );
  assert.deepEqual(
    texts.map((text) => keys.indexOf(text)),
    [0, 1, 2],
  );
  assert.equal(keys.guidText(2), undefined);
});

test('ProcessKeys.unfile takes an entry out of the lookup and file puts a new one in its place', () => {
  const keys = new ProcessKeys();
  const key = guidKey('WS01', GUID);
  const first = keys.push(key);
  keys.file(first);
  keys.unfile(first);
  assert.equal(keys.indexOf(key), undefined);
  assert.equal(keys.isFiled(first), false);
  assert.equal(keys.key(first), key);

  const second = keys.push(key);
  keys.file(second);
  const third = keys.push(key);
  keys.file(third);
  assert.equal(keys.indexOf(key), third);
  assert.deepEqual([keys.isFiled(second), keys.isFiled(third), keys.size], [false, true, 1]);
});

test('ProcessKeys finds every one of many guid keys across hosts after growing', () => {
  const keys = new ProcessKeys();
  const made: string[] = [];
  for (let i = 0; i < 5000; i++) {
    const guid = `{${i.toString(16).padStart(8, '0')}-0000-0000-0000-${String(i % 7).padStart(12, '0')}}`;
    made.push(guidKey(`WS${i % 3}`, guid));
    keys.file(keys.push(made[i] ?? ''));
  }
  assert.equal(keys.size, 5000);
  assert.equal(
    made.every((key, index) => keys.indexOf(key) === index && keys.key(index) === key),
    true,
  );
});
