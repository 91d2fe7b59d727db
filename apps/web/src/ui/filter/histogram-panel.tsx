/**
 * The time histogram of the filtered events, drawn by uPlot on a canvas. Dragging across it,
 * or picking bars with the arrow keys and pressing Enter, keeps only that time: the brush
 * writes a time window into the query, so it shows in the box and in the link. The axis is in
 * the chosen time zone.
 */
import { useEffect, useRef, useState } from 'preact/hooks';

import { plural } from '../../files/describe.js';
import { captionCount, type TimeHistogram } from '../../filter/histogram.js';
import type { TimeRange } from '../../filter/query-edit.js';
import type { FilterSession } from '../../session/filter.js';
import type { Theme } from '../theme.js';
import { binName, keyboardBrush, type BarPick } from './histogram-keys.js';
import { drawPick, pickRange, usePlot } from './histogram-plot.js';

export interface HistogramPanelProps {
  readonly filter: FilterSession;
  readonly theme: Theme;
}

/** The histogram above the table. */
export function HistogramPanel({ filter, theme }: HistogramPanelProps) {
  const histogram = filter.histogram.value;
  const frame = filter.frame.value;
  const [pick, setPick] = useState<BarPick | undefined>(undefined);
  const host = useRef<HTMLDivElement>(null);
  const zoom = (range: TimeRange) => {
    setPick(undefined);
    filter.zoom(range);
  };
  const plot = usePlot(host, histogram, { frame, theme, onBrush: zoom });
  useEffect(() => drawPick(plot.current, histogram, pick), [plot.current, histogram, pick]);

  const time = (ms: number) => toMillisecond(frame.formatTime(new Date(ms).toISOString()));
  const described =
    histogram === undefined
      ? 'No filtered event has a time.'
      : `${captionCount(histogram)} from ${time(histogram.firstMs)} to ` +
        `${time(histogram.lastMs)}, one bar per ${binName(histogram.binMs)}.`;
  const picked =
    pick === undefined || histogram === undefined ? '' : pickText(histogram, pick, time);

  return (
    <section class="histogram" aria-label="Events over time">
      <div class="histogram-head">
        <span class="histogram-summary">{described}</span>
        {filter.timeRange.value !== undefined && (
          <button type="button" onClick={() => filter.clearZoom()}>
            Show all times
          </button>
        )}
      </div>
      <div
        ref={host}
        class="histogram-plot"
        role="group"
        tabIndex={0}
        aria-label="Time histogram: drag across bars, or pick them with the arrow keys (Shift widens) and press Enter, to keep only that time"
        aria-describedby="histogram-pick"
        onKeyDown={(event) => {
          if (histogram === undefined) return;
          const next = keyboardBrush(event, histogram, pick);
          if (next === 'ignore') return;
          event.preventDefault();
          if (next === 'zoom' && pick !== undefined) zoom(pickRange(histogram, pick));
          else setPick(next === 'zoom' ? undefined : next);
        }}
        onBlur={() => setPick(undefined)}
      />
      <p id="histogram-pick" class="histogram-pick" aria-live="polite">
        {picked}
      </p>
    </section>
  );
}

/** A time shown to the millisecond: the histogram knows no finer. */
function toMillisecond(text: string): string {
  return text.replace(/(\.\d{3})\d{4}/, '$1');
}

function pickText(histogram: TimeHistogram, pick: BarPick, time: (ms: number) => string): string {
  const range = pickRange(histogram, pick);
  const first = Math.min(pick.anchor, pick.head);
  const last = Math.max(pick.anchor, pick.head);
  const events = histogram.counts.slice(first, last + 1).reduce((sum, n) => sum + n, 0);
  const bars = first === last ? `Bar ${first + 1}` : `Bars ${first + 1} to ${last + 1}`;
  const span = `${time(range.fromMs)} to ${time(range.toMs)}`;
  return `${bars} of ${histogram.counts.length}: ${span}, ${plural(events, 'event')}. Enter keeps only this time.`;
}
