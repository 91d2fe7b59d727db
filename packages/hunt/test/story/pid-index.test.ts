import assert from 'node:assert/strict';
import { test } from 'node:test';

import { PidIndex } from '../../src/story/pid-index.js';

test('PidIndex keeps one start or several per host and pid, hosts without case', () => {
  const index = new PidIndex();
  index.set('WS01', 4, ['a']);
  index.set('ws01', 8, ['b', 'c']);
  index.set('WS02', 4, ['d']);

  assert.deepEqual(index.keys('ws01', 4), ['a']);
  assert.deepEqual(index.keys('WS01', 8), ['b', 'c']);
  assert.deepEqual(index.keys('WS02', 4), ['d']);
  assert.deepEqual(index.keys('WS03', 4), []);
});

test('PidIndex.keys gives a copy, and set with no keys forgets the pid', () => {
  const index = new PidIndex();
  index.set('WS01', 4, ['a', 'b']);
  index.keys('WS01', 4).push('x');
  assert.deepEqual(index.keys('WS01', 4), ['a', 'b']);

  index.set('WS01', 4, []);
  assert.deepEqual(index.keys('WS01', 4), []);
});
