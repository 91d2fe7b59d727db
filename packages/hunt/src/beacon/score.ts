/**
 * Beacon scoring of one series of connection times: one Computer, process, destination and port.
 * Retries are collapsed into attempts, the gaps between attempts are scored part by part
 * (parts.ts), and the result carries the median interval, the jitter, the parts, a histogram of
 * the gaps and a sentence an analyst can read.
 */
import { collapseRetries, intervals, sortedTimes } from './attempts.js';
import {
  scoreParts,
  summariseGaps,
  weightedScore,
  type BeaconScoreParts,
  type Gaps,
} from './parts.js';
import { describeSeries, plural } from './reason.js';

/** A time span in epoch milliseconds. */
export interface TimeSpan {
  readonly startMs: number;
  readonly endMs: number;
}

/** How a series is scored; every field has a default. */
export interface BeaconOptions {
  /** A connection closer than this to the previous one is a retry. Default 2000. */
  readonly retryCollapseMs?: number;
  /** Fewest attempts a finding needs. Default DEFAULT_MIN_ATTEMPTS (12). */
  readonly minAttempts?: number;
  /** Half-width of the band around the median gap, as a fraction of it. Default 0.35. */
  readonly bandFraction?: number;
  /** Score at or above which a series with enough attempts is a beacon. Default 0.75. */
  readonly threshold?: number;
  /**
   * The span of the whole data set, for the coverage part; default the series's own span. A
   * series active for a small part of it loses up to the coverage weight (0.05) of its score, so
   * with the default threshold only its other parts can carry it.
   */
  readonly observedSpan?: TimeSpan;
}

/**
 * Gaps between attempts in bins of `binWidthMs` from 0 (a tenth of the median gap, so 20 bins
 * reach twice the median); the last entry of `counts` holds every gap of twice the median or more.
 * Empty when the series has fewer than three attempts.
 */
export interface IntervalHistogram {
  readonly binWidthMs: number;
  readonly counts: readonly number[];
}

/** The beacon score of one series and everything needed to show why. */
export interface BeaconScore {
  /** Connection times given, and attempts left after collapsing retries. */
  readonly connections: number;
  readonly attempts: number;
  /** First and last attempt (epoch ms); NaN when the series is empty. */
  readonly firstMs: number;
  readonly lastMs: number;
  /** Median gap between attempts; 0 with fewer than two attempts. */
  readonly medianIntervalMs: number;
  /**
   * Jitter as a fraction, read "median ± jitter": 2 * MAD / median of the gaps. For sleeps
   * jittered uniformly it is the half-width of their spread (S ± 15% gives 0.15); pauses do not
   * move it. 0 with fewer than three attempts.
   */
  readonly jitter: number;
  /** Gaps taken as pauses, an operator's sleeps (see pauseCount). */
  readonly pauses: number;
  /** Weighted mean of the parts, in [0, 1]. */
  readonly score: number;
  readonly parts: BeaconScoreParts;
  /** Score at or above the threshold, with at least minAttempts attempts. */
  readonly isBeacon: boolean;
  /** One sentence: counts, cadence, jitter, span, parts and score, or why it was not scored. */
  readonly reason: string;
  readonly histogram: IntervalHistogram;
}

/** Default fewest attempts for a finding: below it the timing cannot meet the FP target. */
export const DEFAULT_MIN_ATTEMPTS = 12;

/** Default score for a finding; `npm run bench:beacon` measures what it gives. */
export const DEFAULT_BEACON_THRESHOLD = 0.75;

/** Default half-width of the band around the median gap, as a fraction of the median. */
export const DEFAULT_BAND_FRACTION = 0.35;

/** Default gap under which a connection is a retry of the one before it. */
export const DEFAULT_RETRY_COLLAPSE_MS = 2000;

const HISTOGRAM_BINS = 20;

interface Settings {
  readonly retryCollapseMs: number;
  readonly minAttempts: number;
  readonly bandFraction: number;
  readonly threshold: number;
  readonly observedSpan: TimeSpan | undefined;
}

/**
 * Scores one series of connection times (epoch ms, any order, duplicates and fractions allowed).
 * Throws a RangeError for a time that is not finite or an option out of range.
 */
export function scoreBeaconSeries(
  timesMs: ArrayLike<number>,
  options: BeaconOptions = {},
): BeaconScore {
  const settings = checkOptions(options);
  const attempts = collapseRetries(sortedTimes(timesMs), settings.retryCollapseMs);
  if (attempts.length < 3) return unscored(timesMs.length, attempts);

  const firstMs = attempts[0] as number;
  const lastMs = attempts[attempts.length - 1] as number;
  const span = settings.observedSpan;
  const observedMs = span === undefined ? lastMs - firstMs : span.endMs - span.startMs;
  const gaps = summariseGaps(intervals(attempts));
  const parts = scoreParts(gaps, attempts.length, observedMs, settings.bandFraction);
  const score = weightedScore(parts);

  const facts = {
    connections: timesMs.length,
    attempts: attempts.length,
    medianIntervalMs: gaps.median,
    jitter: (2 * gaps.mad) / gaps.median,
    pauses: gaps.pauses,
    spanMs: lastMs - firstMs,
    parts,
    score,
  };
  const enough = attempts.length >= settings.minAttempts;
  return {
    ...facts,
    firstMs,
    lastMs,
    isBeacon: enough && score >= settings.threshold,
    reason: describeSeries(facts) + (enough ? '' : tooFew(attempts.length, settings.minAttempts)),
    histogram: intervalHistogram(gaps),
  };
}

function intervalHistogram(gaps: Gaps): IntervalHistogram {
  const binWidthMs = gaps.median / (HISTOGRAM_BINS / 2);
  const counts = new Array<number>(HISTOGRAM_BINS + 1).fill(0);
  for (const gap of gaps.sorted) {
    const bin = Math.min(HISTOGRAM_BINS, Math.floor(gap / binWidthMs));
    counts[bin] = (counts[bin] as number) + 1;
  }
  return { binWidthMs, counts };
}

function tooFew(attempts: number, minAttempts: number): string {
  return ` (too few attempts for a finding: ${attempts} < ${minAttempts})`;
}

function unscored(connections: number, attempts: Float64Array): BeaconScore {
  const first = attempts.length > 0 ? (attempts[0] as number) : NaN;
  const last = attempts.length > 0 ? (attempts[attempts.length - 1] as number) : NaN;
  return {
    connections,
    attempts: attempts.length,
    firstMs: first,
    lastMs: last,
    medianIntervalMs: attempts.length === 2 ? last - first : 0,
    jitter: 0,
    pauses: 0,
    score: 0,
    parts: { band: 0, mad: 0, skew: 0, coverage: 0, count: 0 },
    isBeacon: false,
    reason: `${connections} connections in ${plural(attempts.length, 'attempt')}: too few to score`,
    histogram: { binWidthMs: 0, counts: [] },
  };
}

function checkOptions(options: BeaconOptions): Settings {
  const settings: Settings = {
    retryCollapseMs: options.retryCollapseMs ?? DEFAULT_RETRY_COLLAPSE_MS,
    minAttempts: options.minAttempts ?? DEFAULT_MIN_ATTEMPTS,
    bandFraction: options.bandFraction ?? DEFAULT_BAND_FRACTION,
    threshold: options.threshold ?? DEFAULT_BEACON_THRESHOLD,
    observedSpan: options.observedSpan,
  };
  requireRange('retryCollapseMs', settings.retryCollapseMs, 0, Infinity);
  requireRange('minAttempts', settings.minAttempts, 3, Infinity);
  requireRange('bandFraction', settings.bandFraction, 0, 1);
  requireRange('threshold', settings.threshold, 0, 1);

  const span = settings.observedSpan;
  if (span !== undefined && !(span.endMs >= span.startMs && Number.isFinite(span.endMs))) {
    const range = `${span.startMs}..${span.endMs}`;
    throw new RangeError(
      `Beacon option observedSpan must run forward over finite times, got ${range}`,
    );
  }
  return settings;
}

function requireRange(name: string, value: number, low: number, high: number): void {
  if (!(value >= low && value <= high)) {
    throw new RangeError(`Beacon option ${name} must be within [${low}, ${high}], got ${value}`);
  }
}
