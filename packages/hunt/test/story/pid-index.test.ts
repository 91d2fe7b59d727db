import assert from 'node:assert/strict';
import { test } from 'node:test';

import { PidIndex } from '../../src/story/pid-index.js';

test('PidIndex keeps one start or several per host and pid, hosts without case', () => {
  const index = new PidIndex();
  index.set('WS01', 4, [1]);
  index.set('ws01', 8, [2, 3]);
  index.set('WS02', 4, [4]);

  assert.deepEqual(index.starts('ws01', 4), [1]);
  assert.deepEqual(index.starts('WS01', 8), [2, 3]);
  assert.deepEqual(index.starts('WS02', 4), [4]);
  assert.deepEqual(index.starts('WS03', 4), []);
});

test('PidIndex.starts gives a copy, and set with no starts forgets the pid', () => {
  const index = new PidIndex();
  index.set('WS01', 4, [1, 2]);
  index.starts('WS01', 4).push(9);
  assert.deepEqual(index.starts('WS01', 4), [1, 2]);

  index.set('WS01', 4, []);
  assert.deepEqual(index.starts('WS01', 4), []);
});
