/**
 * Bookmarks meet the page: what to star for a store row or a finding, and jumping to a
 * bookmark (its event's details, selected in the table, or its finding opened).
 */
import type { Finding } from '@evtxhunt/hunt';

import type { ZonedFrame } from '../filter/zoned-frame.js';
import type { EventStore } from '../store/event-store.js';
import type { Bookmark, BookmarkTarget, EventRef } from './bookmarks.js';
import type { Workbench } from './workbench.js';
import type { Translator } from '../i18n/translator.js';

/** A target to star and the time it sorts by. */
export interface Starrable {
  readonly target: BookmarkTarget;
  readonly time: string;
}

/** Store row `row` as it is named outside this page: its file and record id. */
export function eventRef(store: EventStore, row: number): EventRef {
  const file = store.fileName(store.fileOf(row)) ?? '';
  return { file, recordId: store.cell(row, 'recordId') ?? '', recovered: store.recovered(row) };
}

/** Store row `row` as a bookmark target, sorted by its time (UTC). */
export function eventStarrable(store: EventStore, row: number): Starrable {
  const target = { kind: 'event' as const, event: eventRef(store, row), row };
  return { target, time: store.record(row).timeCreated ?? '' };
}

/** A finding as a bookmark target, sorted by when it was first seen. */
export function findingStarrable(finding: Finding): Starrable {
  return { target: { kind: 'finding', finding }, time: finding.firstSeen };
}

/**
 * Shows `bookmark`: an event opens in the details pane and is selected in the events table
 * (when the filter keeps it); a finding opens in the findings view.
 */
export function openBookmark(bench: Workbench, bookmark: Bookmark): void {
  const { target } = bookmark;
  bench.bookmarks.current.value = bookmark.key;
  if (target.kind === 'finding') {
    bench.hunt.tab.value = 'findings';
    bench.hunt.findings.choose(target.finding);
    return;
  }
  bench.hunt.tab.value = 'events';
  bench.selected.value = bench.view.value.positionOf(target.row);
  bench.detailsRow.value = target.row;
}

/**
 * A short line naming a bookmark in the list: its time, in the zone `frame` shows the table in,
 * and what it is.
 */
export function bookmarkLabel(frame: ZonedFrame, bookmark: Bookmark, tr: Translator): string {
  const { target } = bookmark;
  const time = frame.formatTime(bookmark.time);
  if (target.kind === 'finding') {
    const { severity, kind, computer } = target.finding;
    return tr.t('bookmarks.findingLabel', {
      time,
      severity: tr.severity(severity),
      kind,
      computer,
    });
  }
  const image = frame.cell(target.row, 'Image')?.split('\\').at(-1);
  const eventId = frame.cell(target.row, 'eventId') ?? '?';
  const recordId = target.event.recordId;
  if (image === undefined) return tr.t('bookmarks.eventLabel', { time, eventId, recordId });
  return tr.t('bookmarks.eventImageLabel', { time, eventId, recordId, image });
}
