/**
 * Bookmarks meet the page: what to star for a store row or a finding, and jumping to a
 * bookmark (its event's details, selected in the table, or its finding opened).
 */
import type { Finding } from '@evtxhunt/hunt';

import type { EventStore } from '../store/event-store.js';
import type { Bookmark, BookmarkTarget, EventRef } from './bookmarks.js';
import { findingKey } from './findings.js';
import type { Workbench } from './workbench.js';

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
 * still holds it. Says why it could not be opened (a finding gone since new rules, logs or an
 * allowlist), or undefined when it was.
 */
export function openBookmark(bench: Workbench, bookmark: Bookmark): string | undefined {
  const { target } = bookmark;
  bench.bookmarks.current.value = bookmark.key;
  if (target.kind === 'finding') return openFinding(bench, target.finding);

  bench.hunt.tab.value = 'events';
  bench.selected.value = bench.view.value.positionOf(target.row);
  bench.detailsRow.value = target.row;
  return undefined;
}

function openFinding(bench: Workbench, finding: Finding): string | undefined {
  const key = findingKey(finding);
  const findings = bench.hunt.result.value?.findings ?? [];
  if (!findings.some((other) => findingKey(other) === key)) {
    return `${capitalised(findingName(finding))} is not in the current report: the rules, logs or allowlist changed since it was bookmarked.`;
  }
  bench.hunt.tab.value = 'findings';
  bench.hunt.findings.choose(finding);
  return undefined;
}

/**
 * A finding in a few words: `the sigma finding "Rule title" on HOST`, the rule's title telling
 * Sigma findings on one host apart. Plain text: the page shows it through visibleText.
 */
export function findingName(finding: Finding): string {
  const rule = finding.sigma === undefined ? '' : ` "${finding.sigma.title}"`;
  return `the ${finding.kind} finding${rule} on ${finding.computer}`;
}

/** A short line naming a bookmark in the list: its time, and what it is. */
export function bookmarkLabel(store: EventStore, bookmark: Bookmark): string {
  const { target } = bookmark;
  if (target.kind === 'finding') {
    const finding = target.finding;
    const name = findingName(finding).replace(/^the /, `${finding.severity} `);
    return `${bookmark.time} · ${name}`;
  }
  const image = store.cell(target.row, 'Image')?.split('\\').at(-1);
  const eventId = store.cell(target.row, 'eventId') ?? '?';
  const what = `event ${eventId}, record ${target.event.recordId}`;
  return `${bookmark.time} · ${what}${image === undefined ? '' : ` · ${image}`}`;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
