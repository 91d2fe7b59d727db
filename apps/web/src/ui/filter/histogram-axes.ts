/**
 * Room for the histogram's axis labels, worked out without a canvas: the count axis as wide as
 * its longest label (`10,000` must not lose its first digit), and room at the right end for
 * half of the last time label, which uPlot centres on its tick.
 */

/** Width of one character of uPlot's axis font (12 px system sans), rounded up, in CSS px. */
const CHAR_PX = 7.5;

/** The tick, the gap between tick and label, and a margin, in CSS px. */
const AXIS_EXTRA_PX = 18;

/** Narrowest count axis, in CSS px. */
const MIN_COUNT_AXIS_PX = 32;

/** The width the count axis needs for `labels`. */
export function countAxisWidth(labels: readonly string[] | null | undefined): number {
  const longest = Math.max(0, ...(labels ?? []).map((label) => label.length));
  return Math.max(MIN_COUNT_AXIS_PX, Math.ceil(longest * CHAR_PX) + AXIS_EXTRA_PX);
}

/** Room right of the plot for half the widest time label (`2017-10-23`, `17:31:50.123`). */
export const TIME_AXIS_END_PX = Math.ceil((12 * CHAR_PX) / 2) + 4;
