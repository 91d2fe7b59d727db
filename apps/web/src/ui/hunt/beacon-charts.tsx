/**
 * A beacon finding's timing: the score and its parts, the connections on a time line and the
 * histogram of the gaps between attempts, drawn as inline SVG (no chart library, no styles in
 * attributes, so the page's Content-Security-Policy needs nothing more).
 */
import { formatDuration, type BeaconDetail, type Finding } from '@evtxhunt/hunt';

import { histogramBars, timelineMarks } from '../../hunt/charts.js';
import { useI18n } from '../../i18n/context.js';

const WIDTH = 480;
const TIMELINE_HEIGHT = 36;
const HISTOGRAM_HEIGHT = 110;

export interface BeaconChartsProps {
  readonly finding: Finding;
  readonly beacon: BeaconDetail;
}

/** The charts and figures of one beacon. */
export function BeaconCharts({ finding, beacon }: BeaconChartsProps) {
  const { t, fixed } = useI18n();
  return (
    <section class="beacon" aria-label={t('beacon.label')}>
      <h3>{t('beacon.label')}</h3>
      <dl class="fields">
        <dt>{t('beacon.connections')}</dt>
        <dd>
          {t('beacon.connectionsValue', {
            connections: beacon.connections,
            count: beacon.attempts,
          })}
        </dd>
        <dt>{t('beacon.median')}</dt>
        <dd>{formatDuration(beacon.medianIntervalMs)}</dd>
        <dt>{t('beacon.jitter')}</dt>
        <dd>{t('beacon.jitterValue', { percent: Math.round(beacon.jitter * 100) })}</dd>
        <dt>{t('beacon.score')}</dt>
        <dd>{fixed(beacon.score, 2)}</dd>
        <dt>{t('beacon.parts')}</dt>
        <dd>
          {Object.entries(beacon.parts)
            .map(([part, value]) => `${part} ${fixed(value, 2)}`)
            .join(', ')}
        </dd>
      </dl>
      <Timeline times={finding.evidence.map((item) => item.time)} />
      <Histogram beacon={beacon} />
    </section>
  );
}

function Timeline({ times }: { times: readonly string[] }) {
  const { t } = useI18n();
  const marks = timelineMarks(times, WIDTH);
  if (marks.xs.length === 0) return null;
  const span = formatDuration(marks.endMs - marks.startMs);
  const label = t('beacon.timeline', { count: times.length, span });
  return (
    <figure class="chart">
      <svg
        class="timeline"
        viewBox={`-4 0 ${WIDTH + 8} ${TIMELINE_HEIGHT}`}
        role="img"
        aria-label={label}
      >
        <line class="axis" x1={0} x2={WIDTH} y1={TIMELINE_HEIGHT - 6} y2={TIMELINE_HEIGHT - 6} />
        {marks.xs.map((x) => (
          <line class="mark" key={x} x1={x} x2={x} y1={4} y2={TIMELINE_HEIGHT - 8} />
        ))}
      </svg>
      <figcaption>
        <span>{new Date(marks.startMs).toISOString()}</span>
        <span>{t('beacon.timelineCaption', { span })}</span>
        <span>{new Date(marks.endMs).toISOString()}</span>
      </figcaption>
    </figure>
  );
}

function Histogram({ beacon }: { beacon: BeaconDetail }) {
  const { t, count } = useI18n();
  const box = { width: WIDTH, height: HISTOGRAM_HEIGHT };
  const bars = histogramBars(beacon.histogram, box);
  const widest = formatDuration(beacon.histogram.binWidthMs * (bars.length - 1));
  const label = t('beacon.gaps', {
    bins: bars.length,
    width: formatDuration(beacon.histogram.binWidthMs),
    counts: bars.map((bar) => count(bar.count)).join(', '),
    widest,
  });
  return (
    <figure class="chart">
      <svg
        class="histogram"
        viewBox={`0 0 ${WIDTH} ${HISTOGRAM_HEIGHT}`}
        role="img"
        aria-label={label}
      >
        <line class="axis" x1={0} x2={WIDTH} y1={HISTOGRAM_HEIGHT} y2={HISTOGRAM_HEIGHT} />
        {bars.map((bar, bin) => (
          <rect class="bar" key={bin} x={bar.x} y={bar.y} width={bar.width} height={bar.height}>
            <title>
              {bar.toMs === undefined
                ? t('beacon.binOpen', { from: formatDuration(bar.fromMs), count: bar.count })
                : t('beacon.bin', {
                    from: formatDuration(bar.fromMs),
                    to: formatDuration(bar.toMs),
                    count: bar.count,
                  })}
            </title>
          </rect>
        ))}
      </svg>
      <figcaption>
        <span>0</span>
        <span>{t('beacon.gapsCaption', { median: formatDuration(beacon.medianIntervalMs) })}</span>
        <span>{`${widest}+`}</span>
      </figcaption>
    </figure>
  );
}
