/**
 * The histogram's chart: a uPlot of bars on a canvas, its time axis written in the chosen zone,
 * and its drag selection turned into a time window of whole bars. uPlot styles through the
 * CSSOM, which the page's `style-src 'self'` allows.
 */
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';

import type { TimeHistogram } from '../../filter/histogram.js';
import type { TimeRange } from '../../filter/query-edit.js';
import type { ZonedFrame } from '../../filter/zoned-frame.js';
import type { Translator } from '../../i18n/translator.js';
import type { Theme } from '../theme.js';
import type { BarPick } from './histogram-keys.js';
import { TIME_AXIS_END_PX, countAxisWidth } from './histogram-axes.js';

/** The plot's height in pixels, axis included. */
const PLOT_HEIGHT = 110;

/** A drag narrower than this many pixels is a click, not a brush. */
const MIN_BRUSH_PX = 3;

/** Least room between two time ticks, in pixels: a date label is about 70 wide. */
const TICK_SPACE_PX = 90;

const SECOND_MS = 1000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** What the chart is drawn for. */
export interface PlotOptions {
  readonly frame: ZonedFrame;
  readonly theme: Theme;
  readonly onBrush: (range: TimeRange) => void;
  /** The page's language, for the count axis and the series' name. */
  readonly tr: Translator;
}

/** A uPlot in `host`, made again when the zone or theme changes and fed each new histogram. */
export function usePlot(
  host: { current: HTMLDivElement | null },
  histogram: TimeHistogram | undefined,
  options: PlotOptions,
): { current: uPlot | undefined } {
  const plot = useRef<uPlot | undefined>(undefined);
  const latest = useRef({ histogram, onBrush: options.onBrush });
  latest.current = { histogram, onBrush: options.onBrush };

  useEffect(() => {
    const element = host.current;
    if (element === null) return undefined;
    const made = new uPlot(plotOptions(element, options, latest), plotData(histogram), element);
    plot.current = made;
    const observer = new ResizeObserver(() =>
      made.setSize({ width: element.clientWidth, height: PLOT_HEIGHT }),
    );
    observer.observe(element);
    return () => {
      observer.disconnect();
      made.destroy();
      plot.current = undefined;
    };
  }, [options.frame, options.theme, options.tr]);

  useEffect(() => plot.current?.setData(plotData(histogram)), [histogram]);
  return plot;
}

type Latest = {
  readonly current: {
    readonly histogram: TimeHistogram | undefined;
    readonly onBrush: (range: TimeRange) => void;
  };
};

function plotOptions(element: HTMLElement, options: PlotOptions, latest: Latest): uPlot.Options {
  const { frame, tr } = options;
  const style = getComputedStyle(element);
  const color = (name: string) => style.getPropertyValue(name).trim();
  const axis = {
    stroke: color('--fg-soft'),
    grid: { stroke: color('--border'), width: 1 },
    ticks: { stroke: color('--border'), width: 1 },
  };
  const bars = uPlot.paths.bars?.({ size: [1, Infinity], gap: 1, align: 1 });
  return {
    width: element.clientWidth,
    height: PLOT_HEIGHT,
    ms: 1,
    tzDate: (ms) => uPlot.tzDate(new Date(ms), frame.zone),
    legend: { show: false },
    padding: [8, TIME_AXIS_END_PX, 0, 0],
    cursor: { drag: { x: true, y: false, setScale: false }, points: { show: false }, y: false },
    scales: {
      x: { time: true, range: (_, min, max) => xRange(latest, min, max) },
      y: { range: (_, __, max) => [0, Math.max(1, max)] },
    },
    axes: [
      {
        ...axis,
        size: 30,
        space: TICK_SPACE_PX,
        values: (self, splits) => timeTicks(frame, splits, self.scales['x']),
      },
      {
        ...axis,
        size: (_, values) => countAxisWidth(values),
        values: (_, splits) => splits.map((n) => (n % 1 === 0 ? tr.count(n) : '')),
      },
    ],
    series: [
      {},
      {
        label: tr.t('histogram.axis'),
        stroke: color('--accent'),
        width: 0,
        fill: color('--histogram-fill'),
        ...(bars === undefined ? {} : { paths: bars }),
        points: { show: false },
      },
    ],
    hooks: { setSelect: [(self) => brushed(self, latest)] },
  };
}

/**
 * Tick labels in the chosen zone, cut from its ISO text (`2017-10-23T07:14:40.0132228+02:00`):
 * the date for spans of days, hours and minutes within them, seconds below an hour or so, and
 * milliseconds below a few seconds.
 */
function timeTicks(frame: ZonedFrame, splits: number[], scale: uPlot.Scale | undefined): string[] {
  const span = (scale?.max ?? 0) - (scale?.min ?? 0);
  const [from, to] = tickCut(span);
  return splits.map((ms) => frame.formatTime(new Date(ms).toISOString()).slice(from, to));
}

function tickCut(spanMs: number): [number, number] {
  if (spanMs >= 2 * DAY_MS) return [0, 10];
  if (spanMs >= 2 * HOUR_MS) return [11, 16];
  if (spanMs >= 10 * SECOND_MS) return [11, 19];
  return [11, 23];
}

/** The x range: from the first bar's start to the last bar's end. */
function xRange(latest: Latest, min: number, max: number): uPlot.Range.MinMax {
  const binMs = latest.current.histogram?.binMs ?? 1;
  return [min, max + binMs];
}

function plotData(histogram: TimeHistogram | undefined): uPlot.AlignedData {
  if (histogram === undefined) return [[], []];
  return [Array.from(histogram.starts), Array.from(histogram.counts)];
}

/** A finished drag: the bars it covers become the query's time window. */
function brushed(self: uPlot, latest: Latest): void {
  const { left, width } = self.select;
  const histogram = latest.current.histogram;
  self.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
  if (histogram === undefined || width < MIN_BRUSH_PX) return;

  const from = self.posToVal(left, 'x');
  const to = self.posToVal(left + width, 'x');
  const first = barAt(histogram, from);
  const last = barAt(histogram, to);
  latest.current.onBrush(pickRange(histogram, { anchor: first, head: last }));
}

function barAt(histogram: TimeHistogram, ms: number): number {
  const bar = Math.floor((ms - (histogram.starts[0] ?? 0)) / histogram.binMs);
  return Math.min(histogram.starts.length - 1, Math.max(0, bar));
}

/** The time window of the picked bars: the first one's start to the last one's end. */
export function pickRange(histogram: TimeHistogram, pick: BarPick): TimeRange {
  const origin = histogram.starts[0] ?? 0;
  const first = Math.min(pick.anchor, pick.head);
  const last = Math.max(pick.anchor, pick.head);
  return { fromMs: origin + first * histogram.binMs, toMs: origin + (last + 1) * histogram.binMs };
}

/** Shows the keyboard's pick as uPlot's selection box. */
export function drawPick(
  plot: uPlot | undefined,
  histogram: TimeHistogram | undefined,
  pick: BarPick | undefined,
): void {
  if (plot === undefined) return;
  if (histogram === undefined || pick === undefined) {
    plot.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
    return;
  }
  const range = pickRange(histogram, pick);
  const left = plot.valToPos(range.fromMs, 'x');
  const width = plot.valToPos(range.toMs, 'x') - left;
  plot.setSelect({ left, top: 0, width, height: plot.over.clientHeight }, false);
}
