/**
 * The parts of a beacon score, computed from the gaps between connection attempts. Robust
 * statistics throughout, so jitter and a few long sleeps do not hide a steady cadence:
 *
 * - band: the share of gaps within ±bandFraction of the median gap (30-50% jitter still lands
 *   nearly every gap inside ±35%; random arrivals land about a quarter);
 * - mad: 1 - (median absolute deviation / median) / MAD_RATIO_LIMIT;
 * - skew: 1 - |Bowley skew| of the gaps (jittered sleeps spread symmetrically);
 * - coverage: how much of the observed span the series covers at its own cadence;
 * - count: ln(attempts) / ln(FULL_COUNT_ATTEMPTS), capped at 1: more attempts, firmer statistics.
 *
 * TODO: a beacon that switches between two sleeps (say 1 min by day, 10 min by night) spreads its
 * gaps over two medians and scores low unless one sleep dominates; an autocorrelation or
 * periodogram test would find it.
 */
import {
  bowleySkewSorted,
  clamp01,
  medianAbsoluteDeviation,
  medianSorted,
  shareWithinBand,
} from './stats.js';

/** The parts of a beacon score, each in [0, 1], 1 being the most beacon-like. */
export interface BeaconScoreParts {
  readonly band: number;
  readonly mad: number;
  readonly skew: number;
  readonly coverage: number;
  readonly count: number;
}

/** The weight of each part in the score; they sum to 1. Tuned with `npm run bench:beacon`. */
export const BEACON_WEIGHTS: Readonly<BeaconScoreParts> = {
  band: 0.4,
  mad: 0.25,
  skew: 0.05,
  coverage: 0.05,
  count: 0.25,
};

/** MAD / median at which the mad part reaches 0 (random arrivals sit near 0.69). */
export const MAD_RATIO_LIMIT = 0.5;

/** Attempts at which the count part reaches 1. */
export const FULL_COUNT_ATTEMPTS = 100;

/** A gap over this many median gaps may be a pause (an operator's sleep). */
export const PAUSE_FACTOR = 3;

/** At most this share of the gaps, the longest, are taken as pauses. */
export const MAX_PAUSE_SHARE = 0.25;

/** Below this interquartile range, as a fraction of the median, gaps have no shape: skew 1. */
const SKEW_MIN_IQR = 0.02;

/** The gaps between attempts, ascending, and their robust summary. */
export interface Gaps {
  readonly sorted: Float64Array;
  readonly median: number;
  /** Median absolute deviation from the median. */
  readonly mad: number;
  /** How many of the longest gaps are pauses (see pauseCount). */
  readonly pauses: number;
}

/** Sorts the gaps in place and summarises them. */
export function summariseGaps(gaps: Float64Array): Gaps {
  const sorted = gaps.sort();
  const median = medianSorted(sorted);
  return {
    sorted,
    median,
    mad: medianAbsoluteDeviation(sorted, median),
    pauses: pauseCount(sorted, median),
  };
}

/** Every part for a series of `attempts` attempts whose observed span is `observedMs`. */
export function scoreParts(
  gaps: Gaps,
  attempts: number,
  observedMs: number,
  bandFraction: number,
): BeaconScoreParts {
  const skew = bowleySkewSorted(gaps.sorted, gaps.median * SKEW_MIN_IQR);

  return {
    band: shareWithinBand(gaps.sorted, gaps.median, bandFraction),
    mad: clamp01(1 - gaps.mad / gaps.median / MAD_RATIO_LIMIT),
    skew: clamp01(1 - Math.abs(skew)),
    coverage: coverage(gaps, observedMs),
    count: clamp01(Math.log(attempts) / Math.log(FULL_COUNT_ATTEMPTS)),
  };
}

/** The weighted mean of the parts (BEACON_WEIGHTS). */
export function weightedScore(parts: BeaconScoreParts): number {
  let total = 0;
  for (const name of Object.keys(BEACON_WEIGHTS) as (keyof BeaconScoreParts)[]) {
    total += BEACON_WEIGHTS[name] * parts[name];
  }
  return clamp01(total);
}

/**
 * How many of the longest gaps (ascending input) are pauses: gaps over PAUSE_FACTOR times the
 * median, the longest first, no more than MAX_PAUSE_SHARE of all gaps.
 */
export function pauseCount(sortedGaps: Float64Array, medianGap: number): number {
  const limit = Math.floor(sortedGaps.length * MAX_PAUSE_SHARE);
  const last = sortedGaps.length - 1;
  let pauses = 0;
  while (pauses < limit && (sortedGaps[last - pauses] as number) > PAUSE_FACTOR * medianGap) {
    pauses++;
  }
  return pauses;
}

/**
 * The share of the observed span the series covers at its own cadence. Each gap counts up to
 * twice the median gap; pauses leave the span instead of counting against it. Time in the
 * observed span before the first or after the last attempt is not covered.
 */
function coverage(gaps: Gaps, observedMs: number): number {
  const { sorted, median, pauses } = gaps;
  let covered = 0;
  let paused = 0;
  sorted.forEach((gap, i) => {
    if (i >= sorted.length - pauses) paused += gap;
    else covered += Math.min(gap, 2 * median);
  });

  const span = observedMs - paused;
  return span > 0 ? clamp01(covered / span) : 1;
}
