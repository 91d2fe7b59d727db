import { test } from 'node:test';
import assert from 'node:assert/strict';

import { BeaconSeriesAccumulator, findBeacons } from '../../src/beacon/series.js';

const START = Date.UTC(2024, 4, 1);

test('BeaconSeriesAccumulator groups times by key in the order keys first came', () => {
  const accumulator = new BeaconSeriesAccumulator();
  accumulator.add('b', 30);
  accumulator.add('a', 10);
  accumulator.add('b', 20.5);

  const series = [...accumulator.series()];
  assert.deepEqual(
    series.map(({ key, timesMs }) => [key, [...timesMs]]),
    [
      ['b', [30, 20.5]],
      ['a', [10]],
    ],
  );
  assert.ok(series[0]?.timesMs instanceof Float64Array);
  assert.equal(accumulator.connections, 3);
  assert.equal(accumulator.size, 2);
});

test('BeaconSeriesAccumulator keeps every time as a series grows past its storage', () => {
  const accumulator = new BeaconSeriesAccumulator();
  for (let i = 0; i < 10_000; i++) accumulator.add('one', START + i * 1000.25);

  const [series] = [...accumulator.series()];
  assert.equal(series?.timesMs.length, 10_000);
  assert.equal(series?.timesMs[0], START);
  assert.equal(series?.timesMs[9_999], START + 9_999 * 1000.25);
  // Storage past 4096 times grows by a quarter: at most 25% spare.
  assert.ok((series?.timesMs.buffer.byteLength ?? 0) <= 10_000 * 8 * 1.25);
});

test('BeaconSeriesAccumulator.add rejects a time that is not finite and names the series', () => {
  const accumulator = new BeaconSeriesAccumulator();

  assert.throws(() => accumulator.add('WS01|x.exe', NaN), {
    name: 'RangeError',
    message: 'Beacon series "WS01|x.exe": time is not finite: NaN',
  });
  assert.equal(accumulator.connections, 0);
});

test('findBeacons returns only beacons, highest score first, then by key', () => {
  const accumulator = new BeaconSeriesAccumulator();
  const irregular = [0, 5, 6, 40, 41, 42, 90, 200, 201, 260, 700, 705, 1300];
  for (let i = 0; i < 100; i++) accumulator.add('steady-100', START + i * 60_000);
  for (let i = 0; i < 20; i++) accumulator.add('steady-20-b', START + i * 60_000);
  for (let i = 0; i < 20; i++) accumulator.add('steady-20-a', START + i * 60_000);
  for (const minute of irregular) accumulator.add('irregular', START + minute * 60_000);

  const findings = findBeacons(accumulator.series());
  assert.deepEqual(
    findings.map((finding) => finding.key),
    ['steady-100', 'steady-20-a', 'steady-20-b'],
  );
  assert.equal(findings[0]?.score, 1);
  assert.equal(findings[1]?.attempts, 20);
});
