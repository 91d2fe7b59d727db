import { test } from 'node:test';
import assert from 'node:assert/strict';

import { TIME_AXIS_END_PX, countAxisWidth } from '../../../src/ui/filter/histogram-axes.js';

test('countAxisWidth leaves room for every digit of the longest count', () => {
  assert.equal(countAxisWidth(['0', '1']), 32);
  assert.equal(countAxisWidth(['0', '5,000', '10,000']), 63);
  assert.ok(countAxisWidth(['1,000,000']) > countAxisWidth(['10,000']));
  assert.equal(countAxisWidth(null), 32);
});

test('TIME_AXIS_END_PX holds half of the widest time label', () => {
  assert.ok(TIME_AXIS_END_PX >= 45);
});
