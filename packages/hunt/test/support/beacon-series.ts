/**
 * Labelled synthetic connection series for measuring the beacon scorer: beacons at 5 s to 1 h with
 * 0-50% jitter, with and without sleeps; benign traffic that must score low; and known-good
 * periodic telemetry, which is as regular as a beacon and is left to the allowlist. Deterministic
 * for a given seed. Test and bench code only: the library does not ship it.
 */
import { SeededRandom } from './random.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** What a series truly is. */
export type SeriesLabel = 'beacon' | 'benign' | 'known-good-periodic';

/**
 * How a beacon jitters its sleep S by j: `below` waits uniformly in [S(1 - j), S] (Cobalt Strike),
 * `around` waits uniformly in S(1 ± j/2).
 */
export type JitterModel = 'below' | 'around';

/** One generated series. */
export interface LabelledSeries {
  readonly label: SeriesLabel;
  /** `beacon`, `known-good-periodic`, or one of BENIGN_CLASSES. */
  readonly class: string;
  readonly params: Readonly<Record<string, number | string | boolean>>;
  readonly timesMs: Float64Array;
}

/** How many series of each kind to generate. */
export interface SeriesSpec {
  /** Beacons per (interval, jitter, jitter model, with or without sleeps) cell. */
  readonly beaconsPerCell: number;
  /** Series per benign class. */
  readonly benignPerClass: number;
  readonly knownGoodPeriodic: number;
  /** Beacon sleeps; default BEACON_INTERVALS_MS. */
  readonly intervalsMs?: readonly number[];
  /** Beacon jitters as fractions; default BEACON_JITTERS. */
  readonly jitters?: readonly number[];
}

/** Beacon sleeps from 5 s to 1 h. */
export const BEACON_INTERVALS_MS: readonly number[] = [
  5 * SECOND,
  10 * SECOND,
  30 * SECOND,
  MINUTE,
  5 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
];

/** Beacon jitters from none to 50%. */
export const BEACON_JITTERS: readonly number[] = [0, 0.1, 0.2, 0.3, 0.4, 0.5];

/** The benign classes, each of which must score low. */
export const BENIGN_CLASSES = [
  'browsing',
  'update-agent',
  'retry-burst',
  'poisson',
  'office-hours',
] as const;

/** A benign class name. */
export type BenignClass = (typeof BENIGN_CLASSES)[number];

/** 2024-01-01T00:00:00Z, a Monday: every series starts on or after it. */
export const SERIES_EPOCH_MS = Date.UTC(2024, 0, 1);
const EPOCH = SERIES_EPOCH_MS;

/**
 * Every series the spec asks for, beacons first, then each benign class, then the known-good
 * periodic telemetry. The same seed and spec always give the same series.
 */
export function generateLabelledSeries(seed: number, spec: SeriesSpec): LabelledSeries[] {
  const random = new SeededRandom(seed);
  const series: LabelledSeries[] = [];
  for (const intervalMs of spec.intervalsMs ?? BEACON_INTERVALS_MS) {
    for (const jitter of spec.jitters ?? BEACON_JITTERS) {
      for (const model of ['below', 'around'] as const) {
        for (const sleeps of [false, true]) {
          const params = { intervalMs, jitter, model, sleeps };
          for (let i = 0; i < spec.beaconsPerCell; i++) series.push(beacon(random, params));
        }
      }
    }
  }

  for (const benignClass of BENIGN_CLASSES) {
    for (let i = 0; i < spec.benignPerClass; i++) series.push(benign(random, benignClass));
  }
  for (let i = 0; i < spec.knownGoodPeriodic; i++) series.push(knownGoodPeriodic(random));
  return series;
}

/** What a beacon is generated from. */
export interface BeaconParams {
  readonly intervalMs: number;
  readonly jitter: number;
  readonly model: JitterModel;
  readonly sleeps: boolean;
}

/**
 * One beacon: 12-200 check-ins (log-uniform, so short series are common), and with `sleeps`
 * one to three pauses of 2-12 h after which the cadence resumes. A quarter of check-ins open one
 * or two extra connections 10-200 ms apart, as HTTP clients and retries do.
 */
export function beacon(random: SeededRandom, params: BeaconParams): LabelledSeries {
  const checkIns = Math.round(random.logUniform(12, 200));
  const pauses = params.sleeps ? pauseSchedule(random, checkIns) : new Map<number, number>();
  const times: number[] = [];
  let time = EPOCH + random.uniform(0, DAY);

  for (let i = 0; i < checkIns; i++) {
    checkIn(random, times, time);
    time += wait(random, params) + (pauses.get(i) ?? 0);
  }
  const fullParams = { ...params, checkIns, pauses: pauses.size };
  return {
    label: 'beacon',
    class: 'beacon',
    params: fullParams,
    timesMs: Float64Array.from(times),
  };
}

/** One wait of a jittered beacon. */
function wait(random: SeededRandom, params: BeaconParams): number {
  const { intervalMs, jitter } = params;
  if (params.model === 'below') return intervalMs * (1 - jitter * random.next());
  return intervalMs * (1 + jitter * (random.next() - 0.5));
}

/** Pause length by check-in index: 1 pause under 20 check-ins, up to 2 under 40, else up to 3. */
function pauseSchedule(random: SeededRandom, checkIns: number): Map<number, number> {
  const count = random.integer(1, 1 + Math.min(2, Math.floor(checkIns / 20)));
  const pauses = new Map<number, number>();
  while (pauses.size < count) {
    pauses.set(random.integer(1, checkIns - 3), random.uniform(2 * HOUR, 12 * HOUR));
  }
  return pauses;
}

/** One call-out: a connection, and a quarter of the time one or two more just after it. */
function checkIn(random: SeededRandom, times: number[], time: number): void {
  times.push(time);
  if (!random.chance(0.25)) return;

  let extra = time;
  for (let i = random.integer(1, 2); i > 0; i--) {
    extra += random.uniform(10, 200);
    times.push(extra);
  }
}

function benign(random: SeededRandom, benignClass: BenignClass): LabelledSeries {
  const made = BENIGN_MAKERS[benignClass](random);
  return { label: 'benign', class: benignClass, ...made };
}

interface Made {
  readonly params: Readonly<Record<string, number | string | boolean>>;
  readonly timesMs: Float64Array;
}

const BENIGN_MAKERS: Readonly<Record<BenignClass, (random: SeededRandom) => Made>> = {
  browsing,
  'update-agent': updateAgent,
  'retry-burst': retryBurst,
  poisson,
  'office-hours': officeHours,
};

/**
 * Human browsing: 1-6 sessions over 1-3 days; in each, 5-60 page loads with log-normal gaps
 * (median 2-60 s, sigma 1.2-2), each load opening up to three connections within 1.5 s.
 */
function browsing(random: SeededRandom): Made {
  const sessions = random.integer(1, 6);
  const daysMs = random.integer(1, 3) * DAY;
  const medianGapMs = random.logUniform(2 * SECOND, MINUTE);
  const sigma = random.uniform(1.2, 2);
  const times: number[] = [];

  for (let s = 0; s < sessions; s++) {
    let time = EPOCH + random.uniform(0, daysMs);
    for (let loads = random.integer(5, 60); loads > 0; loads--) {
      burst(random, times, time, random.integer(1, 4), 500);
      time += random.logNormal(medianGapMs, sigma);
    }
  }
  return { params: { sessions, medianGapMs, sigma }, timesMs: Float64Array.from(times) };
}

/** An update agent: 3-20 checks at uniformly random times over 1-14 days, each with retries. */
function updateAgent(random: SeededRandom): Made {
  const checks = random.integer(3, 20);
  const daysMs = random.integer(1, 14) * DAY;
  const times: number[] = [];

  for (let i = 0; i < checks; i++) {
    burst(random, times, EPOCH + random.uniform(0, daysMs), random.integer(1, 3), 1500);
  }
  return { params: { checks, days: daysMs / DAY }, timesMs: Float64Array.from(times) };
}

/** Connection retries: 1-3 bursts of 5-30 connections 50-800 ms apart, hours from each other. */
function retryBurst(random: SeededRandom): Made {
  const bursts = random.integer(1, 3);
  const times: number[] = [];

  for (let b = 0; b < bursts; b++) {
    let time = EPOCH + random.uniform(0, 2 * DAY);
    for (let n = random.integer(5, 30); n > 0; n--) {
      times.push(time);
      time += random.uniform(50, 800);
    }
  }
  return { params: { bursts }, timesMs: Float64Array.from(times) };
}

/** Random arrivals: 12-200 connections with exponential gaps, mean 10 s to 1 h. */
function poisson(random: SeededRandom): Made {
  const count = random.integer(12, 200);
  const meanGapMs = random.logUniform(10 * SECOND, HOUR);
  const times: number[] = [];
  let time = EPOCH + random.uniform(0, DAY);

  for (let i = 0; i < count; i++) {
    times.push(time);
    time += random.exponential(meanGapMs);
  }
  return { params: { count, meanGapMs }, timesMs: Float64Array.from(times) };
}

/**
 * Office-hours activity: 3-15 days from a Monday; on weekdays (one in ten skipped) random
 * arrivals between about 08:00 and 18:00 UTC, mean gap 5-90 min; nothing at night or weekends.
 */
function officeHours(random: SeededRandom): Made {
  const days = random.integer(3, 15);
  const meanGapMs = random.logUniform(5 * MINUTE, 90 * MINUTE);
  const times: number[] = [];

  for (let day = 0; day < days; day++) {
    if (day % 7 >= 5 || random.chance(0.1)) continue;
    const dayStart = EPOCH + day * DAY;
    const end = dayStart + 18 * HOUR + random.uniform(-HOUR, HOUR);
    for (let time = dayStart + 8 * HOUR + random.uniform(-HOUR, HOUR); time < end;) {
      times.push(time);
      time += random.exponential(meanGapMs);
    }
  }
  return { params: { days, meanGapMs }, timesMs: Float64Array.from(times) };
}

/** Telemetry that is periodic by design: every 1, 5, 15 or 60 min, within ±0-5%, 12-200 times. */
function knownGoodPeriodic(random: SeededRandom): LabelledSeries {
  const intervalMs = random.pick([MINUTE, 5 * MINUTE, 15 * MINUTE, HOUR]);
  const jitter = random.uniform(0, 0.1);
  const count = random.integer(12, 200);
  const times: number[] = [];
  let time = EPOCH + random.uniform(0, DAY);

  for (let i = 0; i < count; i++) {
    times.push(time);
    time += intervalMs * (1 + jitter * (random.next() - 0.5));
  }
  const params = { intervalMs, jitter, count };
  return {
    label: 'known-good-periodic',
    class: 'known-good-periodic',
    params,
    timesMs: Float64Array.from(times),
  };
}

/** `count` connections from `time`, each following the last by up to `spreadMs`. */
function burst(
  random: SeededRandom,
  times: number[],
  time: number,
  count: number,
  spreadMs: number,
): void {
  let at = time;
  for (let i = 0; i < count; i++) {
    times.push(at);
    at += random.uniform(0, spreadMs);
  }
}
