/**
 * The time histogram of the rows a filter keeps: equal bins of a round width (a second, five
 * minutes, a day, ...) chosen so that at most a given number of bins cover the first to the
 * last event. Bins start at multiples of their width since 1970, in UTC. Events all at one
 * instant (a single event) are drawn in a window of SINGLE_INSTANT_MS around it, so the bar is
 * one of many and the time axis around it reads as times.
 */

import type { Translator } from '../i18n/translator.js';

/** Counts of events per bin. */
export interface TimeHistogram {
  /** Each bin's start, in milliseconds since 1970. */
  readonly starts: readonly number[];
  readonly counts: readonly number[];
  readonly binMs: number;
  /** Rows counted: those with a time. */
  readonly total: number;
  /** Rows looked at, with a time or without. */
  readonly rows: number;
  /** The first and last event's time, in milliseconds since 1970. */
  readonly firstMs: number;
  readonly lastMs: number;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Bin widths offered, smallest first. */
export const BIN_WIDTHS: readonly number[] = [
  1,
  10,
  100,
  SECOND,
  5 * SECOND,
  15 * SECOND,
  30 * SECOND,
  MINUTE,
  5 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  7 * DAY,
  30 * DAY,
  365 * DAY,
];

/** Most bins drawn. */
export const MAX_BINS = 120;

/** The window drawn round events that all share one time, centred on it. */
export const SINGLE_INSTANT_MS = MINUTE;

/**
 * The histogram of `count` rows, row i at `timeAt(i)` ms (NaN for a row without a time), or
 * undefined when no row has a time.
 */
export function timeHistogram(
  count: number,
  timeAt: (index: number) => number,
  maxBins = MAX_BINS,
): TimeHistogram | undefined {
  const span = timeSpan(count, timeAt);
  return span === undefined ? undefined : binnedTimes(count, timeAt, span, maxBins);
}

/** The first and last time of the rows, and how many have one. */
export interface TimeSpan {
  readonly firstMs: number;
  readonly lastMs: number;
  readonly total: number;
}

/** Like timeHistogram, for rows whose span is known already (one pass instead of two). */
export function binnedTimes(
  count: number,
  timeAt: (index: number) => number,
  span: TimeSpan,
  maxBins = MAX_BINS,
): TimeHistogram {
  const { fromMs, toMs } = drawnWindow(span);
  const binMs = binWidth(toMs - fromMs, maxBins);
  const origin = Math.floor(fromMs / binMs) * binMs;
  const bins = Math.floor((toMs - origin) / binMs) + 1;
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < count; i++) {
    const ms = timeAt(i);
    if (Number.isNaN(ms)) continue;
    const bin = Math.floor((ms - origin) / binMs);
    counts[bin] = (counts[bin] ?? 0) + 1;
  }

  const starts = counts.map((_, bin) => origin + bin * binMs);
  return { starts, counts, binMs, ...span, rows: count };
}

/** The times the bins cover: the events' span, or SINGLE_INSTANT_MS round a single instant. */
function drawnWindow(span: TimeSpan): { readonly fromMs: number; readonly toMs: number } {
  if (span.lastMs > span.firstMs) return { fromMs: span.firstMs, toMs: span.lastMs };
  const half = SINGLE_INSTANT_MS / 2;
  return { fromMs: span.firstMs - half, toMs: span.lastMs + half };
}

/** The smallest offered width that covers `spanMs` in at most `maxBins` bins. */
export function binWidth(spanMs: number, maxBins: number): number {
  const fitting = BIN_WIDTHS.find((width) => Math.floor(spanMs / width) + 1 <= maxBins);
  if (fitting !== undefined) return fitting;

  // Spans past a century's worth of years: whole years, as many as it takes.
  const year = BIN_WIDTHS[BIN_WIDTHS.length - 1] ?? DAY;
  return Math.ceil(spanMs / year / (maxBins - 1)) * year;
}

function timeSpan(count: number, timeAt: (index: number) => number): TimeSpan | undefined {
  let firstMs = Infinity;
  let lastMs = -Infinity;
  let total = 0;
  for (let i = 0; i < count; i++) {
    const ms = timeAt(i);
    if (Number.isNaN(ms)) continue;
    total++;
    if (ms < firstMs) firstMs = ms;
    if (ms > lastMs) lastMs = ms;
  }
  return total === 0 ? undefined : { firstMs, lastMs, total };
}

/** `1,730 events`, or `1,730 events (1 without a time, not drawn)`, as the table counts them. */
export function captionCount(histogram: TimeHistogram, tr: Translator): string {
  const untimed = histogram.rows - histogram.total;
  if (untimed === 0) return tr.t('histogram.caption', { count: histogram.rows });
  return tr.t('histogram.captionUntimed', { count: histogram.rows, untimed });
}
