import assert from 'node:assert/strict';
import { test } from 'node:test';

import { ticksOf, timeOf } from '../src/ticks.js';

test('ticksOf: 100-ns ticks since 1970, exact past 2^53', () => {
  assert.equal(ticksOf('1970-01-01T00:00:01.0000001Z'), 10_000_001n);
  assert.equal(ticksOf('2024-03-05T14:07:09.1234567Z'), 17_096_476_291_234_567n);
  assert.equal(ticksOf('2024-03-05T14:07:09Z'), 17_096_476_290_000_000n);
  assert.equal(ticksOf('2024-03-05 14:07:09Z'), undefined);
  assert.equal(ticksOf(undefined), undefined);
});

test('timeOf: seven fraction digits, before 1970 too', () => {
  assert.equal(timeOf(17_096_476_291_234_567n), '2024-03-05T14:07:09.1234567Z');
  assert.equal(timeOf(-1n), '1969-12-31T23:59:59.9999999Z');
  assert.equal(timeOf(ticksOf('1601-01-01T00:00:00.0000001Z')!), '1601-01-01T00:00:00.0000001Z');
});
