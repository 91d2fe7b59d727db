/**
 * From connection times to connection attempts: sort, check, and collapse retries. A client whose
 * connection fails often tries again within a second or two; those retries are one attempt, so
 * the gaps the scorer sees are the gaps between the program's decisions to call out.
 */

/**
 * The times in ascending order as a new array. Throws a RangeError naming the index of the first
 * time that is not a finite number.
 */
export function sortedTimes(timesMs: ArrayLike<number>): Float64Array {
  const sorted = Float64Array.from(timesMs);
  for (let i = 0; i < sorted.length; i++) {
    const time = sorted[i] as number;
    if (!Number.isFinite(time)) {
      throw new RangeError(`Beacon series time at index ${i} is not a finite number: ${time}`);
    }
  }
  return sorted.sort();
}

/**
 * The start time of each connection attempt, from ascending connection times. A connection
 * joins the attempt before it when it follows the previous connection by less than
 * `retryCollapseMs`, so a chain of quick retries is one attempt however long it runs; identical
 * times always collapse. The attempt's time is its first connection's.
 *
 * TODO: a program that connects more often than every retryCollapseMs for hours (a "strobe")
 * becomes one long attempt and is never reported; it deserves a finding of its own. And a beacon
 * whose shortest sleep, less the length of its own check-in, falls under retryCollapseMs (5 s
 * with 60% jitter) has check-ins merged: lower retryCollapseMs for such cadences.
 */
export function collapseRetries(sortedMs: Float64Array, retryCollapseMs: number): Float64Array {
  const starts = new Float64Array(sortedMs.length);
  let count = 0;
  let previous = -Infinity;

  for (const time of sortedMs) {
    const gap = time - previous;
    if (gap >= retryCollapseMs && gap > 0) starts[count++] = time;
    previous = time;
  }
  return starts.slice(0, count);
}

/** The gaps between consecutive ascending times: n - 1 values. */
export function intervals(sortedMs: Float64Array): Float64Array {
  const gaps = new Float64Array(Math.max(0, sortedMs.length - 1));
  for (let i = 0; i < gaps.length; i++) {
    gaps[i] = (sortedMs[i + 1] as number) - (sortedMs[i] as number);
  }
  return gaps;
}
