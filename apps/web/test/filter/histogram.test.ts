import { test } from 'node:test';
import assert from 'node:assert/strict';

import { binWidth, captionCount, timeHistogram } from '../../src/filter/histogram.js';
import { translator } from '../../src/i18n/translator.js';

const EN = translator('en');

const T0 = Date.UTC(2024, 4, 1, 10, 0, 0);

test('binWidth picks the smallest round width that fits the span', () => {
  assert.equal(binWidth(0, 120), 1);
  assert.equal(binWidth(60_000, 120), 1000, 'a minute in seconds');
  assert.equal(binWidth(3_600_000, 120), 60_000, 'an hour in minutes');
  assert.equal(binWidth(86_400_000, 120), 15 * 60_000, 'a day in quarter hours');
  assert.equal(binWidth(1000 * 365 * 86_400_000, 120), 9 * 365 * 86_400_000, 'past the list');
});

test('timeHistogram bins rows from the first bin boundary and skips rows without a time', () => {
  const times = [T0 + 30_000, T0 + 90_500, T0 + 91_000, Number.NaN, T0 + 179_999];
  const histogram = timeHistogram(times.length, (i) => times[i] ?? Number.NaN, 3);

  assert.ok(histogram !== undefined);
  assert.equal(histogram.binMs, 60_000);
  assert.deepEqual(histogram.starts, [T0, T0 + 60_000, T0 + 120_000]);
  assert.deepEqual(histogram.counts, [1, 2, 1]);
  assert.equal(histogram.total, 4);
  assert.equal(histogram.rows, 5);
  assert.equal(captionCount(histogram, EN), '5 events (1 without a time, not drawn)');
  assert.equal(
    captionCount(histogram, translator('de')),
    '5 Ereignisse (1 ohne Zeit, nicht gezeichnet)',
  );
  assert.equal(histogram.firstMs, T0 + 30_000);
  assert.equal(histogram.lastMs, T0 + 179_999);
  assert.equal(
    timeHistogram(2, () => Number.NaN),
    undefined,
  );
});

test('timeHistogram draws a single event among a minute of one-second bins round it', () => {
  // RDPAuth_Security.evtx, eventId:4769 TicketOptions:0x60810010: one event at 12:33:48.986Z.
  const at = Date.parse('2021-02-12T12:33:48.986Z');
  const one = timeHistogram(1, () => at);

  assert.ok(one !== undefined);
  assert.equal(one.binMs, 1000);
  assert.equal(one.starts.length, 61);
  assert.equal(new Date(one.starts[0] ?? 0).toISOString(), '2021-02-12T12:33:18.000Z');
  assert.equal(new Date(one.starts.at(-1) ?? 0).toISOString(), '2021-02-12T12:34:18.000Z');
  assert.equal(one.counts.indexOf(1), 30);
  assert.equal(
    one.counts.reduce((sum, count) => sum + count, 0),
    1,
  );
  assert.equal(one.firstMs, at);
  assert.equal(one.lastMs, at);
});

test('captionCount counts as the table does, one event in the singular', () => {
  const one = timeHistogram(1, () => T0);

  assert.ok(one !== undefined);
  assert.equal(captionCount(one, EN), '1 event');
});
