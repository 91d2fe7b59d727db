/**
 * Bookmarks meet the page: what to star for a store row or a finding, and jumping to a
 * bookmark (its event's details, selected in the table, or its finding opened).
 */
import type { Finding } from '@evtxhunt/hunt';

import type { ZonedFrame } from '../filter/zoned-frame.js';
import type { EventStore } from '../store/event-store.js';
import type { Bookmark, BookmarkTarget, EventRef } from './bookmarks.js';
import { findingKey } from './findings.js';
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
 * (when the filter keeps it); a finding opens in the findings view when the current report
 * still holds it. False when it could not be opened: its finding is gone (new rules, logs or
 * allowlist since), and no other is opened in its place.
 */
export function openBookmark(bench: Workbench, bookmark: Bookmark): boolean {
  const { target } = bookmark;
  bench.bookmarks.current.value = bookmark.key;
  if (target.kind === 'finding') return openFinding(bench, target.finding);

  bench.hunt.tab.value = 'events';
  bench.selected.value = bench.view.value.positionOf(target.row);
  bench.detailsRow.value = target.row;
  return true;
}

function openFinding(bench: Workbench, finding: Finding): boolean {
  const key = findingKey(finding);
  const findings = bench.hunt.result.value?.findings ?? [];
  if (!findings.some((other) => findingKey(other) === key)) return false;
  bench.hunt.tab.value = 'findings';
  bench.hunt.findings.choose(finding);
  return true;
}

/**
 * A finding in a few words: `the beacon finding on HOST`, or for a Sigma finding `the sigma
 * finding "Rule title" on HOST` (the title tells a host's Sigma findings apart). Plain text:
 * the page shows it through visibleText.
 */
export function findingName(finding: Finding, tr: Translator): string {
  const { kind, computer } = finding;
  if (finding.sigma === undefined) return tr.t('findings.star', { kind, computer });
  return tr.t('findings.starSigma', { kind, title: finding.sigma.title, computer });
}

/**
 * A short line naming a bookmark in the list: its time, in the zone `frame` shows the table in,
 * and what it is.
 */
export function bookmarkLabel(frame: ZonedFrame, bookmark: Bookmark, tr: Translator): string {
  const { target } = bookmark;
  const time = frame.formatTime(bookmark.time);
  if (target.kind === 'finding') {
    const { severity, kind, computer, sigma } = target.finding;
    const common = { time, severity: tr.severity(severity), kind, computer };
    if (sigma !== undefined) {
      return tr.t('bookmarks.findingSigmaLabel', { ...common, title: sigma.title });
    }
    return tr.t('bookmarks.findingLabel', common);
  }
  const image = frame.cell(target.row, 'Image')?.split('\\').at(-1);
  const eventId = frame.cell(target.row, 'eventId') ?? '?';
  const recordId = target.event.recordId;
  if (image === undefined) return tr.t('bookmarks.eventLabel', { time, eventId, recordId });
  return tr.t('bookmarks.eventImageLabel', { time, eventId, recordId, image });
}
