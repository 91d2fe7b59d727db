import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
  bowleySkewSorted,
  clamp01,
  median,
  medianAbsoluteDeviation,
  quantileSorted,
  shareWithinBand,
  sortedCopy,
} from '../../src/beacon/stats.js';

test('quantileSorted interpolates between the closest ranks (type 7)', () => {
  const values = [1, 2, 3, 4];

  assert.equal(quantileSorted(values, 0), 1);
  assert.equal(quantileSorted(values, 0.25), 1.75);
  assert.equal(quantileSorted(values, 0.5), 2.5);
  assert.equal(quantileSorted(values, 0.75), 3.25);
  assert.equal(quantileSorted(values, 1), 4);
  assert.equal(quantileSorted([7], 0.3), 7);
  assert.ok(Number.isNaN(quantileSorted([], 0.5)));
});

test('quantileSorted rejects a quantile outside [0, 1]', () => {
  assert.throws(() => quantileSorted([1, 2], 1.5), {
    name: 'RangeError',
    message: 'Quantile must be within [0, 1], got 1.5',
  });
  assert.throws(() => quantileSorted([1, 2], NaN), /got NaN/);
});

test('median sorts numerically, whatever the input order', () => {
  assert.equal(median([5, 1, 3]), 3);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.equal(median([10, 9, 100]), 10);
  assert.deepEqual([...sortedCopy([10, 9, 100, 1.5])], [1.5, 9, 10, 100]);
});

test('medianAbsoluteDeviation is the median distance from the median', () => {
  // Median 2; distances 1 1 0 0 2 4 7, whose median is 1.
  assert.equal(medianAbsoluteDeviation([1, 1, 2, 2, 4, 6, 9]), 1);
  assert.equal(medianAbsoluteDeviation([1, 1, 2, 2, 4, 6, 9], 4), 2);
  assert.equal(medianAbsoluteDeviation([60, 60, 60]), 0);
});

test('bowleySkewSorted measures where the median sits between the quartiles', () => {
  // Q1 = 2, Q2 = 3, Q3 = 7: (2 + 7 - 6) / 5.
  assert.equal(bowleySkewSorted([1, 2, 3, 7, 10]), 0.6);
  assert.equal(bowleySkewSorted([1, 2, 3, 4, 5]), 0);
  // Q1 = 2, Q2 = 6, Q3 = 7: (2 + 7 - 12) / 5.
  assert.equal(bowleySkewSorted([1, 2, 6, 7, 8]), -0.6);
});

test('bowleySkewSorted is 0 when the quartiles are no further apart than minIqr', () => {
  assert.equal(bowleySkewSorted([5, 5, 5, 5]), 0);
  assert.equal(bowleySkewSorted([1, 2, 3, 7, 10], 5), 0);
  assert.equal(bowleySkewSorted([1, 2, 3, 7, 10], 4.9), 0.6);
});

test('shareWithinBand counts values within ±fraction of the center, edges included', () => {
  // Band 54..66 holds 54, 60 and 65 of five values.
  assert.equal(shareWithinBand([50, 54, 60, 65, 100], 60, 0.1), 0.6);
  assert.equal(shareWithinBand([50, 100], 60, 0.1), 0);
  assert.equal(shareWithinBand([], 60, 0.1), 0);
});

test('clamp01 limits to [0, 1] and turns NaN into 0', () => {
  assert.deepEqual([-0.5, 0.25, 3, NaN].map(clamp01), [0, 0.25, 1, 0]);
});
