import { test } from 'node:test';
import assert from 'node:assert/strict';

import { describeSeries, formatDuration } from '../../src/beacon/reason.js';

test('formatDuration picks the unit an analyst reads', () => {
  const figures = [850.4, 5000, 60_200, 99_940, 27 * 60_000, 3.5 * 3_600_000, 36 * 3_600_000];

  assert.deepEqual(figures.map(formatDuration), [
    '850 ms',
    '5.0 s',
    '60.2 s',
    '99.9 s',
    '27.0 min',
    '3.5 h',
    '36.0 h',
  ]);
  assert.equal(formatDuration(2.5 * 86_400_000), '2.5 d');
  assert.equal(formatDuration(150 * 86_400_000), '150 d');
});

test('describeSeries names attempts and pauses only when there are any', () => {
  const parts = { band: 0.93, mad: 0.8, skew: 0.88, coverage: 1, count: 0.72 };
  const facts = {
    connections: 27,
    attempts: 27,
    medianIntervalMs: 60_200,
    jitter: 0.284,
    pauses: 0,
    spanMs: 27 * 60_000,
    parts,
    score: 0.874,
  };

  assert.equal(
    describeSeries(facts),
    '27 connections every 60.2 s ±28% over 27.0 min: band 0.93, mad 0.80, skew 0.88, ' +
      'coverage 1.00, count 0.72; score 0.87',
  );
  assert.match(
    describeSeries({ ...facts, connections: 40, pauses: 2 }),
    /^40 connections \(27 attempts\) every 60\.2 s ±28% over 27\.0 min with 2 pauses: band/,
  );
});
