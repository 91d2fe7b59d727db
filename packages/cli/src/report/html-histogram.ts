/**
 * A beacon's interval histogram as inline SVG: one bar per non-empty bin, the median marked,
 * the time axis labelled in s/min. Drawn on a fixed view box that the page scales.
 */
import { formatDuration, plural } from './format.js';
import type { BeaconDetail } from './hunt-types.js';
import { el, join, leaf, text, type Html } from './html-build.js';

const VIEW = { width: 640, height: 200 } as const;
const PLOT = { left: 44, right: 624, top: 24, bottom: 164 } as const;

/** Most labelled ticks along the time axis. */
const MAX_TICKS = 7;

/** Tick spacings to choose from: round numbers of seconds, minutes, hours and days. */
const TICK_STEPS_MS = [
  1, 10, 100, 1_000, 2_000, 5_000, 10_000, 15_000, 20_000, 30_000, 60_000, 120_000, 300_000,
  600_000, 900_000, 1_800_000, 3_600_000, 7_200_000, 10_800_000, 21_600_000, 43_200_000, 86_400_000,
];

/**
 * The histogram as a figure: the SVG chart and a caption, or a note when there is nothing to
 * draw. `label` names what connected where; it is escaped here.
 */
export function histogramFigure(beacon: BeaconDetail, label: string): Html {
  if (!hasHistogram(beacon)) return el('p', { class: 'note' }, text('No interval histogram.'));

  const caption =
    `Intervals between connections in ${formatDuration(beacon.histogram.binWidthMs)} bins; ` +
    `the dashed line marks the median, ${formatDuration(beacon.medianIntervalMs)}.`;
  return el('figure', {}, histogramSvg(beacon, label), el('figcaption', {}, text(caption)));
}

function hasHistogram(beacon: BeaconDetail): boolean {
  const { binWidthMs, counts } = beacon.histogram;
  return binWidthMs > 0 && Number.isFinite(binWidthMs) && counts.some((count) => count > 0);
}

function histogramSvg(beacon: BeaconDetail, label: string): Html {
  const { binWidthMs, counts } = beacon.histogram;
  const top = Math.max(0, ...counts);
  const title = `Intervals between connections: ${label}`;

  return el(
    'svg',
    { class: 'histogram', viewBox: `0 0 ${VIEW.width} ${VIEW.height}`, role: 'img' },
    el('title', {}, text(title)),
    axes(counts.length, binWidthMs, top),
    counts.flatMap((count, bin) =>
      count > 0 ? [bar(bin, count, counts.length, binWidthMs, top)] : [],
    ),
    medianMark(beacon.medianIntervalMs, counts.length * binWidthMs),
  );
}

function bar(bin: number, count: number, bins: number, binWidthMs: number, top: number): Html {
  const width = (PLOT.right - PLOT.left) / bins;
  const height = (count / top) * (PLOT.bottom - PLOT.top);
  const from = formatDuration(bin * binWidthMs);
  const to = formatDuration((bin + 1) * binWidthMs);

  const box = {
    class: 'bar',
    x: coordinate(PLOT.left + bin * width + gap(width)),
    y: coordinate(PLOT.bottom - height),
    width: coordinate(Math.max(width - 2 * gap(width), 0.5)),
    height: coordinate(height),
  };
  return el('rect', box, el('title', {}, text(`${from} to ${to}: ${plural(count, 'interval')}`)));
}

/** Space on each side of a bar: a pixel when bars are wide enough to spare it. */
function gap(width: number): number {
  return width >= 4 ? 1 : 0;
}

function medianMark(medianMs: number, spanMs: number): Html {
  if (!(medianMs >= 0 && medianMs <= spanMs)) return join([]);

  const x = coordinate(xFor(medianMs / spanMs));
  const line = leaf(
    'line',
    { class: 'median', x1: x, x2: x, y1: PLOT.top - 6, y2: PLOT.bottom },
    true,
  );
  const label = el(
    'text',
    { class: 'median-label', x, y: PLOT.top - 10, 'text-anchor': 'middle' },
    text(`median ${formatDuration(medianMs)}`),
  );
  return join([line, label]);
}

function axes(bins: number, binWidthMs: number, top: number): Html {
  const baseline = { x1: PLOT.left, x2: PLOT.right, y1: PLOT.bottom, y2: PLOT.bottom };
  const side = { x1: PLOT.left, x2: PLOT.left, y1: PLOT.top, y2: PLOT.bottom };

  return el(
    'g',
    { class: 'axis' },
    leaf('line', baseline, true),
    leaf('line', side, true),
    yLabel(top, PLOT.top + 4),
    yLabel(0, PLOT.bottom),
    ticks(bins * binWidthMs).map((ms) => xTick(ms / (bins * binWidthMs), formatDuration(ms))),
  );
}

/** Times to label on an axis from 0 to `spanMs`: 0 and multiples of the first round step. */
function ticks(spanMs: number): number[] {
  const step = TICK_STEPS_MS.find((size) => spanMs / size < MAX_TICKS) ?? spanMs;
  const count = Math.floor(spanMs / step);

  return Array.from({ length: count + 1 }, (_unused, i) => i * step);
}

function xTick(fraction: number, label: string): Html {
  const x = coordinate(xFor(fraction));
  return join([
    leaf('line', { x1: x, x2: x, y1: PLOT.bottom, y2: PLOT.bottom + 4 }, true),
    el('text', { x, y: PLOT.bottom + 18, 'text-anchor': 'middle' }, text(label)),
  ]);
}

function yLabel(count: number, y: number): Html {
  return el('text', { x: PLOT.left - 6, y, 'text-anchor': 'end' }, text(count));
}

function xFor(fraction: number): number {
  return PLOT.left + fraction * (PLOT.right - PLOT.left);
}

/** A coordinate with at most one decimal, so the markup stays short. */
function coordinate(value: number): number {
  return Math.round(value * 10) / 10;
}
