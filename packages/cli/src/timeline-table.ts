/** Text rendering of a timeline: one table row per event, in time order. */
import { imageFileName, type TimelineRow } from '@evtxhunt/hunt';

import { headings, headingWidths, renderTable, tableLine, widen, type Column } from './table.js';

const COLUMNS: readonly Column[] = [
  { heading: 'time (UTC)' },
  { heading: 'computer' },
  { heading: 'event', align: 'right' },
  { heading: 'kind' },
  { heading: 'process' },
  { heading: 'ProcessGuid' },
  { heading: 'summary' },
];

/**
 * Leads the summary of an event from a recovered record (no chunk header vouches for it), as
 * `"recovered": true` marks it in --json.
 */
export const RECOVERED_MARK = '(recovered)';

/**
 * The timeline as text lines: the table (cells escaped), then a one-line tally. The process
 * column is the image's file name as logged.
 */
export function renderTimeline(rows: readonly TimelineRow[], activities: number): string[] {
  const table = renderTable(COLUMNS, rows.map(timelineCells));
  const events = rows.length === 1 ? 'event' : 'events';
  return [...table, '', `${rows.length} ${events} shown of ${activities} activities read`];
}

/**
 * renderTimeline() one line at a time, from rows read twice (widths and count, then lines): a
 * timeline of a million rows is never held as cells or lines.
 */
export async function* timelineLines(
  rows: AsyncIterable<TimelineRow> | Iterable<TimelineRow>,
  activities: number,
): AsyncIterableIterator<string> {
  const widths = headingWidths(COLUMNS);
  let shown = 0;
  for await (const row of rows) {
    widen(widths, timelineCells(row));
    shown++;
  }

  yield tableLine(COLUMNS, widths, headings(COLUMNS));
  for await (const row of rows) yield tableLine(COLUMNS, widths, timelineCells(row));
  yield '';
  yield `${shown} ${shown === 1 ? 'event' : 'events'} shown of ${activities} activities read`;
}

function timelineCells(row: TimelineRow): string[] {
  return [
    row.time,
    row.computer,
    String(row.eventId),
    row.kind,
    row.image === undefined ? '-' : imageFileName(row.image),
    row.processGuid ?? '-',
    row.evidence.recovered === true ? `${RECOVERED_MARK} ${row.summary}` : row.summary,
  ];
}
