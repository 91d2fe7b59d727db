import { test } from 'node:test';
import assert from 'node:assert/strict';

import { scoreBeaconSeries } from '../../src/beacon/score.js';
import {
  BENIGN_CLASSES,
  generateLabelledSeries,
  type LabelledSeries,
} from '../support/beacon-series.js';
import { SeededRandom } from '../support/random.js';

const SPEC = { beaconsPerCell: 2, benignPerClass: 300, knownGoodPeriodic: 50 };

test('SeededRandom repeats its stream for a seed and stays in range', () => {
  const a = new SeededRandom(99);
  const b = new SeededRandom(99);
  const first = Array.from({ length: 1000 }, () => a.next());

  assert.deepEqual(
    first,
    Array.from({ length: 1000 }, () => b.next()),
  );
  assert.ok(first.every((value) => value >= 0 && value < 1));
  assert.notEqual(new SeededRandom(100).next(), first[0]);
  // 1000 uniforms: the mean is within 0.05 of one half.
  assert.ok(Math.abs(first.reduce((sum, value) => sum + value, 0) / 1000 - 0.5) < 0.05);
});

test('generateLabelledSeries is deterministic and labels every series', () => {
  const series = generateLabelledSeries(1, SPEC);
  const again = generateLabelledSeries(1, SPEC);
  const count = (label: string): number => series.filter((one) => one.label === label).length;

  // 8 intervals x 6 jitters x 2 jitter models x with and without sleeps x 2.
  assert.equal(count('beacon'), 384);
  assert.equal(count('benign'), 300 * BENIGN_CLASSES.length);
  assert.equal(count('known-good-periodic'), 50);
  assert.deepEqual([...(again[500]?.timesMs ?? [])], [...(series[500]?.timesMs ?? [])]);
  assert.ok(series.every((one) => one.timesMs.length > 0));
});

test('beacon scorer meets the recall and false-finding targets on a small fixed sample', () => {
  const series = generateLabelledSeries(20240501, SPEC);
  const found = (one: LabelledSeries): boolean => scoreBeaconSeries(one.timesMs).isBeacon;
  const beacons = series.filter((one) => one.label === 'beacon');
  const recall = (keep: (jitter: number) => boolean): number => {
    const chosen = beacons.filter((one) => keep(one.params['jitter'] as number));
    return chosen.filter(found).length / chosen.length;
  };

  assert.ok(recall((jitter) => jitter <= 0.3) >= 0.95);
  assert.ok(recall((jitter) => jitter === 0.5) >= 0.8);
  const falseFindings = series.filter((one) => one.label === 'benign' && found(one));
  assert.deepEqual(
    falseFindings.map((one) => one.class),
    [],
  );
});
