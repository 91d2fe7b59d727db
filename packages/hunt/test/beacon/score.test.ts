import { test } from 'node:test';
import assert from 'node:assert/strict';

import { scoreBeaconSeries } from '../../src/beacon/score.js';
import { SeededRandom } from '../support/random.js';

const START = Date.UTC(2024, 4, 1, 9);
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** `count` times from START, each `gapMs` after the last. */
function steady(count: number, gapMs: number, start = START): number[] {
  return Array.from({ length: count }, (_, i) => start + i * gapMs);
}

/** A Cobalt Strike style beacon: waits uniform in [sleep * (1 - jitter), sleep]. */
function jittered(seed: number, count: number, sleepMs: number, jitter: number): number[] {
  const random = new SeededRandom(seed);
  const times = [START];
  while (times.length < count) {
    times.push((times.at(-1) as number) + sleepMs * (1 - jitter * random.next()));
  }
  return times;
}

test('scoreBeaconSeries scores a perfect 60 s beacon of 100 connections at 1', () => {
  const score = scoreBeaconSeries(steady(100, MINUTE));

  assert.equal(score.isBeacon, true);
  assert.equal(score.score, 1);
  assert.deepEqual(score.parts, { band: 1, mad: 1, skew: 1, coverage: 1, count: 1 });
  assert.equal(score.medianIntervalMs, MINUTE);
  assert.equal(score.jitter, 0);
  assert.equal(score.attempts, 100);
  assert.equal(score.firstMs, START);
  assert.equal(score.lastMs, START + 99 * MINUTE);
});

test('scoreBeaconSeries explains itself in one sentence', () => {
  const score = scoreBeaconSeries(steady(13, MINUTE));

  // count = ln 13 / ln 100 = 0.557; score = 0.75 + 0.25 * 0.557.
  assert.equal(
    score.reason,
    '13 connections every 60.0 s ±0% over 12.0 min: band 1.00, mad 1.00, skew 1.00, ' +
      'coverage 1.00, count 0.56; score 0.89',
  );
  assert.equal(score.isBeacon, true);
});

test('scoreBeaconSeries finds a beacon with 30% jitter and reports its spread', () => {
  const score = scoreBeaconSeries(jittered(7, 40, MINUTE, 0.3));

  assert.equal(score.isBeacon, true);
  assert.ok(score.score > 0.85, `score ${score.score}`);
  // Waits spread over 42..60 s: half-width 9 s, about ±18% of the median.
  assert.ok(score.medianIntervalMs > 42 * SECOND && score.medianIntervalMs < 60 * SECOND);
  assert.ok(score.jitter > 0.12 && score.jitter < 0.24, `jitter ${score.jitter}`);
  assert.match(
    score.reason,
    /^40 connections every \d\d\.\d s ±\d\d% over 3\d\.\d min: band 1\.00/,
  );
});

test('scoreBeaconSeries: a retry burst is not a beacon (15 connections in 4 s)', () => {
  const times = Array.from({ length: 15 }, (_, i) => START + i * 280);
  const score = scoreBeaconSeries(times);

  assert.equal(score.isBeacon, false);
  assert.equal(score.connections, 15);
  assert.equal(score.attempts, 1);
  assert.equal(score.score, 0);
  assert.equal(score.reason, '15 connections in 1 attempt: too few to score');
});

test('scoreBeaconSeries: retry bursts at irregular hours are not a beacon', () => {
  const burstStarts = [0, 3.2, 3.9, 9.5, 17.1, 20.4].map((hours) => START + hours * HOUR);
  const times = burstStarts.flatMap((start) => steady(15, 250, start));
  const score = scoreBeaconSeries(times);

  assert.equal(score.attempts, 6);
  assert.equal(score.isBeacon, false);
  assert.match(score.reason, /too few attempts for a finding: 6 < 12\)$/);
});

test('scoreBeaconSeries: bursty browsing with heavy-tailed gaps is not a beacon', () => {
  const random = new SeededRandom(42);
  const times: number[] = [];
  for (const sessionStart of [0, 2.5, 6, 7.25].map((hours) => START + hours * HOUR)) {
    let time = sessionStart;
    for (let page = 0; page < 25; page++) {
      times.push(time, time + random.uniform(0, 900));
      time += random.logNormal(8 * SECOND, 1.6);
    }
  }
  const score = scoreBeaconSeries(times);

  assert.ok(score.attempts >= 40, `attempts ${score.attempts}`);
  assert.equal(score.isBeacon, false);
  assert.ok(score.score < 0.6, `score ${score.score}`);
  assert.ok(score.parts.band < 0.5, `band ${score.parts.band}`);
});

test('scoreBeaconSeries: a beacon that sleeps for hours is still found', () => {
  const times = [...steady(20, MINUTE), ...steady(20, MINUTE, START + 6 * HOUR)];
  const score = scoreBeaconSeries(times);

  assert.equal(score.isBeacon, true);
  assert.equal(score.pauses, 1);
  assert.equal(score.medianIntervalMs, MINUTE);
  assert.equal(score.parts.band, 38 / 39);
  assert.equal(score.parts.coverage, 1);
  assert.match(score.reason, /^40 connections every 60\.0 s ±0% over 6\.3 h with 1 pause: /);
});

test('scoreBeaconSeries collapses the extra connections of each check-in', () => {
  const times = steady(20, MINUTE).flatMap((time) => [time, time + 180.25]);
  const score = scoreBeaconSeries(times);

  assert.equal(score.connections, 40);
  assert.equal(score.attempts, 20);
  assert.equal(score.medianIntervalMs, MINUTE);
  assert.match(score.reason, /^40 connections \(20 attempts\) every 60\.0 s/);
});

test('scoreBeaconSeries keeps millisecond precision', () => {
  // 2.5004 s apart: truncated to whole seconds these would be 2 s and 3 s gaps.
  const score = scoreBeaconSeries(steady(30, 2500.4));

  assert.equal(score.attempts, 30);
  // Epoch milliseconds near 1.7e12 hold about 0.0002 ms of fraction.
  assert.ok(Math.abs(score.medianIntervalMs - 2500.4) < 1e-3);
  assert.ok(score.jitter < 1e-9);
  assert.equal(score.isBeacon, true);
});

test('scoreBeaconSeries does not collapse a 1.5 s series when retries are set under it', () => {
  const times = steady(30, 1500);

  const collapsed = scoreBeaconSeries(times);
  assert.equal(collapsed.attempts, 1);
  assert.equal(collapsed.isBeacon, false);

  const kept = scoreBeaconSeries(times, { retryCollapseMs: 1000 });
  assert.equal(kept.attempts, 30);
  assert.equal(kept.medianIntervalMs, 1500);
  assert.equal(kept.isBeacon, true);
});

test('scoreBeaconSeries gives the same answer for unsorted times with duplicates', () => {
  const times = jittered(3, 25, 5 * MINUTE, 0.2);
  const shuffled = [...times.slice(12), times[3] as number, ...times.slice(0, 12)].reverse();

  const sorted = scoreBeaconSeries(times);
  const unsorted = scoreBeaconSeries(shuffled);
  assert.deepEqual({ ...unsorted, reason: '' }, { ...sorted, connections: 26, reason: '' });
  assert.match(unsorted.reason, /^26 connections \(25 attempts\) every /);
});

test('scoreBeaconSeries reports no beacon under minAttempts, however regular', () => {
  const score = scoreBeaconSeries(steady(11, MINUTE));

  assert.equal(score.isBeacon, false);
  assert.ok(score.score > 0.8);
  assert.match(score.reason, /\(too few attempts for a finding: 11 < 12\)$/);
  assert.equal(scoreBeaconSeries(steady(11, MINUTE), { minAttempts: 10 }).isBeacon, true);
});

test('scoreBeaconSeries builds a histogram of gaps in tenths of the median', () => {
  const times = [...steady(10, MINUTE), START + 9 * MINUTE + 45 * SECOND, START + 3 * HOUR];
  const { histogram } = scoreBeaconSeries(times);

  assert.equal(histogram.binWidthMs, 6 * SECOND);
  assert.equal(histogram.counts.length, 21);
  assert.equal(histogram.counts[7], 1);
  assert.equal(histogram.counts[10], 9);
  assert.equal(histogram.counts[20], 1);
});

test('scoreBeaconSeries measures coverage against observedSpan when given', () => {
  const times = steady(31, MINUTE);
  const observedSpan = { startMs: START, endMs: START + HOUR };

  assert.equal(scoreBeaconSeries(times).parts.coverage, 1);
  assert.equal(scoreBeaconSeries(times, { observedSpan }).parts.coverage, 0.5);
});

test('scoreBeaconSeries handles series too short to score', () => {
  assert.equal(scoreBeaconSeries([]).reason, '0 connections in 0 attempts: too few to score');
  assert.ok(Number.isNaN(scoreBeaconSeries([]).firstMs));
  assert.equal(scoreBeaconSeries([START, START + MINUTE]).medianIntervalMs, MINUTE);
});

test('scoreBeaconSeries rejects options out of range and names them', () => {
  assert.throws(() => scoreBeaconSeries([], { threshold: 2 }), {
    name: 'RangeError',
    message: 'Beacon option threshold must be within [0, 1], got 2',
  });
  assert.throws(() => scoreBeaconSeries([], { minAttempts: 2 }), /minAttempts .* got 2/);
  assert.throws(
    () => scoreBeaconSeries([], { observedSpan: { startMs: 10, endMs: 5 } }),
    /observedSpan must run forward over finite times, got 10\.\.5/,
  );
});
