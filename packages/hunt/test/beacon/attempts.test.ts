import { test } from 'node:test';
import assert from 'node:assert/strict';

import { collapseRetries, intervals, sortedTimes } from '../../src/beacon/attempts.js';

test('sortedTimes sorts numerically into a new array', () => {
  const input = [3000, 1000.5, 20000, 1000.5];

  assert.deepEqual([...sortedTimes(input)], [1000.5, 1000.5, 3000, 20000]);
  assert.deepEqual(input, [3000, 1000.5, 20000, 1000.5]);
});

test('sortedTimes names the index of a time that is not finite', () => {
  assert.throws(() => sortedTimes([1, 2, NaN]), {
    name: 'RangeError',
    message: 'Beacon series time at index 2 is not a finite number: NaN',
  });
  assert.throws(() => sortedTimes([Infinity]), /index 0 .*Infinity/);
});

test('collapseRetries chains retries closer than the limit into one attempt', () => {
  // 0, 0.5 s, 1.4 s, 3.3 s chain (each under 2 s from the last); 10 s starts a new attempt.
  const times = Float64Array.from([0, 500, 1400, 3300, 10_000, 10_100]);

  assert.deepEqual([...collapseRetries(times, 2000)], [0, 10_000]);
  assert.deepEqual([...collapseRetries(times, 1000)], [0, 3300, 10_000]);
});

test('collapseRetries works to the fraction of a millisecond', () => {
  const times = Float64Array.from([0, 1999.5, 5000, 7000.5]);

  assert.deepEqual([...collapseRetries(times, 2000)], [0, 5000, 7000.5]);
});

test('collapseRetries always merges identical times, even with no retry limit', () => {
  const times = Float64Array.from([100, 100, 100, 250]);

  assert.deepEqual([...collapseRetries(times, 0)], [100, 250]);
  assert.equal(collapseRetries(new Float64Array(0), 2000).length, 0);
});

test('intervals gives the n - 1 gaps between ascending times', () => {
  assert.deepEqual([...intervals(Float64Array.from([0, 60, 125.5]))], [60, 65.5]);
  assert.equal(intervals(Float64Array.from([5])).length, 0);
});
