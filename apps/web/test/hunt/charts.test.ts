import { test } from 'node:test';
import assert from 'node:assert/strict';

import { histogramBars, timelineMarks } from '../../src/hunt/charts.js';

test('histogramBars scales the tallest bin to the height and leaves the last bin open', () => {
  const bars = histogramBars({ binWidthMs: 500, counts: [0, 4, 2] }, { width: 30, height: 100 });

  assert.deepEqual(
    bars.map((bar) => [bar.x, bar.y, bar.width, bar.height, bar.count, bar.fromMs, bar.toMs]),
    [
      [0, 100, 9, 0, 0, 0, 500],
      [10, 0, 9, 100, 4, 500, 1000],
      [20, 50, 9, 50, 2, 1000, undefined],
    ],
  );
});

test('histogramBars of no counts is empty; all-zero counts draw flat bars', () => {
  assert.deepEqual(histogramBars({ binWidthMs: 1, counts: [] }, { width: 10, height: 10 }), []);
  const flat = histogramBars({ binWidthMs: 1, counts: [0, 0] }, { width: 10, height: 10 });
  assert.deepEqual(
    flat.map((bar) => bar.height),
    [0, 0],
  );
});

test('timelineMarks spreads times across the width, merges near ones, skips non-times', () => {
  const marks = timelineMarks(
    [
      '2024-05-01T10:00:10.0000000Z',
      '2024-05-01T10:00:00.0000000Z',
      'not a time',
      '2024-05-01T10:00:05.0000000Z',
      '2024-05-01T10:00:05.0010000Z',
    ],
    100,
  );

  assert.deepEqual(marks.xs, [0, 50, 100]);
  assert.equal(marks.endMs - marks.startMs, 10_000);
});

test('timelineMarks puts one instant in the middle and takes 200,000 times', () => {
  assert.deepEqual(timelineMarks(['2024-05-01T10:00:00Z'], 80).xs, [40]);
  assert.deepEqual(timelineMarks([], 80).xs, []);

  const many = Array.from({ length: 200_000 }, (_, i) => new Date(i * 1000).toISOString());
  assert.equal(timelineMarks(many, 100).xs.length, 201);
});
