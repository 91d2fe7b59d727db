/**
 * Robust statistics for beacon scoring: quantiles, median, median absolute deviation, Bowley's
 * quartile skew and the share of values inside a band. Pure functions over numbers; the ones named
 * `...Sorted` expect ascending input and do not check it.
 */

/**
 * The p-quantile (0 <= p <= 1) of ascending values, by linear interpolation between the two
 * closest ranks: position p * (n - 1), Hyndman and Fan's type 7 (numpy's and R's default,
 * Excel's PERCENTILE.INC). NaN for an empty input.
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`Quantile must be within [0, 1], got ${p}`);
  const n = sorted.length;
  if (n === 0) return NaN;

  const position = p * (n - 1);
  const below = Math.floor(position);
  const low = sorted[below] as number;
  if (below === n - 1) return low;

  const high = sorted[below + 1] as number;
  return low + (high - low) * (position - below);
}

/** The median of ascending values (the mean of the middle two when n is even); NaN when empty. */
export function medianSorted(sorted: ArrayLike<number>): number {
  return quantileSorted(sorted, 0.5);
}

/** An ascending copy of the values as a Float64Array (numeric order, not string order). */
export function sortedCopy(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values).sort();
}

/** The median of values in any order; NaN when empty. */
export function median(values: ArrayLike<number>): number {
  return medianSorted(sortedCopy(values));
}

/** Median absolute deviation: the median of |value - center|, center defaulting to the median. */
export function medianAbsoluteDeviation(
  values: ArrayLike<number>,
  center = median(values),
): number {
  const deviations = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) deviations[i] = Math.abs((values[i] as number) - center);
  return median(deviations);
}

/**
 * Bowley's quartile skew (Q1 + Q3 - 2 * Q2) / (Q3 - Q1) of ascending values, within [-1, 1]:
 * 0 for a symmetric spread. Returns 0 when the interquartile range is not above `minIqr`, since
 * a series that tight has no shape to measure.
 */
export function bowleySkewSorted(sorted: ArrayLike<number>, minIqr = 0): number {
  const q1 = quantileSorted(sorted, 0.25);
  const q2 = quantileSorted(sorted, 0.5);
  const q3 = quantileSorted(sorted, 0.75);
  const iqr = q3 - q1;
  if (!(iqr > minIqr)) return 0;

  return (q1 + q3 - 2 * q2) / iqr;
}

/** The share of values within center * (1 - fraction) .. center * (1 + fraction), inclusive. */
export function shareWithinBand(
  values: ArrayLike<number>,
  center: number,
  fraction: number,
): number {
  if (values.length === 0) return 0;

  const low = center * (1 - fraction);
  const high = center * (1 + fraction);
  let inside = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number;
    if (value >= low && value <= high) inside++;
  }
  return inside / values.length;
}

/** The value limited to [0, 1]; NaN becomes 0. */
export function clamp01(value: number): number {
  if (!(value > 0)) return 0;
  return value < 1 ? value : 1;
}
