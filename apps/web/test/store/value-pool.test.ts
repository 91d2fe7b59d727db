import { test } from 'node:test';
import assert from 'node:assert/strict';

import { NO_VALUE, ValuePool } from '../../src/store/value-pool.js';

test('ValuePool.intern gives one code per distinct value, starting after NO_VALUE', () => {
  const pool = new ValuePool();

  const a = pool.intern('cmd.exe');
  const b = pool.intern('powershell.exe');

  assert.equal(a, 1);
  assert.equal(b, 2);
  assert.equal(pool.intern('cmd.exe'), a);
  assert.equal(pool.size, 3);
  assert.equal(pool.text(NO_VALUE), undefined);
});

test('ValuePool keeps a list apart from the string that looks like its JSON', () => {
  const pool = new ValuePool();

  const list = pool.intern(['a', 'b']);
  const text = pool.intern('["a","b"]');

  assert.notEqual(list, text);
  assert.deepEqual(pool.value(list), ['a', 'b']);
  assert.equal(pool.text(list), 'a; b');
  assert.equal(pool.text(text), '["a","b"]');
});

test('ValuePool.numeric holds while every value is a decimal or 0x number', () => {
  const pool = new ValuePool();
  assert.equal(pool.numeric, false, 'an empty pool is not numeric');

  pool.intern('443');
  pool.intern('-1.5');
  pool.intern('0x1FFFFF');
  assert.equal(pool.numeric, true);

  pool.intern('https');
  assert.equal(pool.numeric, false);
});
