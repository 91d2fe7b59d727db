/**
 * The geometry of the beacon charts, apart from drawing so it can be tested: the bars of the
 * interval histogram and the marks of a connection time line, in an SVG box's own units.
 */
import { parseIsoTime } from '@evtxhunt/hunt';

/** A drawing area: width and height in SVG units. */
export interface ChartBox {
  readonly width: number;
  readonly height: number;
}

/** One bar: its rectangle, its count and the gaps it holds (the last bin has no upper end). */
export interface HistogramBar {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly count: number;
  readonly fromMs: number;
  readonly toMs: number | undefined;
}

/** Space between bars, in SVG units. */
const BAR_GAP = 1;

/** Bars for each bin of `counts`, the tallest filling the box's height. */
export function histogramBars(
  histogram: { readonly binWidthMs: number; readonly counts: readonly number[] },
  box: ChartBox,
): HistogramBar[] {
  const bins = histogram.counts.length;
  const most = Math.max(1, ...histogram.counts);
  const slot = bins === 0 ? 0 : box.width / bins;
  return histogram.counts.map((count, bin) => {
    const height = (count / most) * box.height;
    const last = bin === bins - 1;
    return {
      x: bin * slot,
      y: box.height - height,
      width: Math.max(0, slot - BAR_GAP),
      height,
      count,
      fromMs: bin * histogram.binWidthMs,
      toMs: last ? undefined : (bin + 1) * histogram.binWidthMs,
    };
  });
}

/** A time line: where each time falls across the box, and the span drawn. */
export interface TimelineMarks {
  /** Distinct positions, left to right, rounded to half a unit. */
  readonly xs: readonly number[];
  readonly startMs: number;
  readonly endMs: number;
}

/**
 * Marks for ISO-8601 times across `width`, the earliest at 0 and the latest at `width`; text
 * that is not a time is left out. A single instant sits in the middle.
 */
export function timelineMarks(times: readonly string[], width: number): TimelineMarks {
  const ms = times.flatMap((text) => {
    const time = parseIsoTime(text);
    return time === undefined ? [] : [time.ms];
  });
  if (ms.length === 0) return { xs: [], startMs: Number.NaN, endMs: Number.NaN };

  // A loop, not Math.min(...ms): a beacon can have more times than a call has room for arguments.
  let startMs = Infinity;
  let endMs = -Infinity;
  for (const at of ms) {
    startMs = Math.min(startMs, at);
    endMs = Math.max(endMs, at);
  }
  const span = endMs - startMs;
  // Times closer than half a unit share one mark, so a long beacon draws at most 2 x width marks.
  const xs = new Set(
    ms.map((at) => (span === 0 ? width / 2 : roundHalf(((at - startMs) / span) * width))),
  );
  return { xs: [...xs].sort((a, b) => a - b), startMs, endMs };
}

function roundHalf(x: number): number {
  return Math.round(x * 2) / 2;
}
