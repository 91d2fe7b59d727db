/** Text rendering of a timeline: one table row per event, in time order. */
import { imageFileName, type TimelineRow } from '@evtxhunt/hunt';

import { tableLines, type Column } from './table.js';

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
 * The timeline as text lines: the table (cells escaped), then a one-line tally. The process
 * column is the image's file name as logged.
 */
export function renderTimeline(rows: readonly TimelineRow[], activities: number): string[] {
  return [...timelineLines(rows, activities)];
}

/**
 * renderTimeline() one line at a time: a timeline of a million rows holds its rows, but not
 * their cells and lines as well.
 */
export function* timelineLines(
  rows: readonly TimelineRow[],
  activities: number,
): IterableIterator<string> {
  // tableLines() reads the cells twice, so they are an iterable made again on each read.
  const cells = {
    *[Symbol.iterator]() {
      for (const row of rows) yield timelineCells(row);
    },
  };
  yield* tableLines(COLUMNS, cells);

  const events = rows.length === 1 ? 'event' : 'events';
  yield '';
  yield `${rows.length} ${events} shown of ${activities} activities read`;
}

function timelineCells(row: TimelineRow): string[] {
  return [
    row.time,
    row.computer,
    String(row.eventId),
    row.kind,
    row.image === undefined ? '-' : imageFileName(row.image),
    row.processGuid ?? '-',
    row.summary,
  ];
}
