/**
 * The time histogram of the filtered events, drawn by uPlot on a canvas. Dragging across it,
 * or picking bars with the arrow keys and pressing Enter, keeps only that time: the brush
 * writes a time window into the query, so it shows in the box and in the link. The axis is in
 * the chosen time zone.
 */
import { useEffect, useRef, useState } from 'preact/hooks';

import { captionCount, type TimeHistogram } from '../../filter/histogram.js';
import type { TimeRange } from '../../filter/query-edit.js';
import { useI18n } from '../../i18n/context.js';
import type { Translator } from '../../i18n/translator.js';
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
  const tr = useI18n();
  const { t } = tr;
  const histogram = filter.histogram.value;
  const frame = filter.frame.value;
  const [pick, setPick] = useState<BarPick | undefined>(undefined);
  const host = useRef<HTMLDivElement>(null);
  const zoom = (range: TimeRange) => {
    setPick(undefined);
    filter.zoom(range);
  };
  const plot = usePlot(host, histogram, { frame, theme, onBrush: zoom, tr });
  useEffect(() => drawPick(plot.current, histogram, pick), [plot.current, histogram, pick]);

  const time = (ms: number) => toMillisecond(frame.formatTime(new Date(ms).toISOString()));
  const described =
    histogram === undefined
      ? t('histogram.noTime')
      : t('histogram.described', {
          events: captionCount(histogram, tr),
          from: time(histogram.firstMs),
          to: time(histogram.lastMs),
          bin: binName(histogram.binMs, tr),
        });
  const picked =
    pick === undefined || histogram === undefined ? '' : pickText(tr, histogram, pick, time);

  return (
    <section class="histogram" aria-label={t('histogram.label')}>
      <div class="histogram-head">
        <span class="histogram-summary">{described}</span>
        {filter.timeRange.value !== undefined && (
          <button type="button" onClick={() => filter.clearZoom()}>
            {t('histogram.showAll')}
          </button>
        )}
      </div>
      <div
        ref={host}
        class="histogram-plot"
        role="group"
        tabIndex={0}
        aria-label={t('histogram.plot')}
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

function pickText(
  tr: Translator,
  histogram: TimeHistogram,
  pick: BarPick,
  time: (ms: number) => string,
): string {
  const range = pickRange(histogram, pick);
  const first = Math.min(pick.anchor, pick.head);
  const last = Math.max(pick.anchor, pick.head);
  const events = histogram.counts.slice(first, last + 1).reduce((sum, n) => sum + n, 0);
  const bars =
    first === last
      ? tr.t('histogram.bar', { bar: first + 1 })
      : tr.t('histogram.bars', { first: first + 1, last: last + 1 });
  return tr.t('histogram.pick', {
    bars,
    all: histogram.counts.length,
    from: time(range.fromMs),
    to: time(range.toMs),
    count: events,
  });
}
