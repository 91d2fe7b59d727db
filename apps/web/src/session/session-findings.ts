/**
 * Finding bookmarks in a session. A finding comes from the hunt over the whole set of files, so
 * its bookmark is kept with the set (by the finding's key, findings.ts) and comes back once the
 * hunt of the same set reports a finding with that key; until then it waits, and stays kept.
 */
import { batch } from '@preact/signals';

import type { Bookmark, Bookmarks } from './bookmarks.js';
import { findingBookmarkKey } from './bookmarks.js';
import { findingKey } from './findings.js';
import type { Finding } from '@evtxhunt/hunt';
import { FINDINGS_MAX, type KeptFinding } from './session-records.js';

/** Stars each kept finding found in `findings` with its note; returns those not found. */
export function placeFindings(
  bookmarks: Bookmarks,
  kept: readonly KeptFinding[],
  findings: readonly Finding[],
): { readonly placed: number; readonly waiting: readonly KeptFinding[] } {
  const byKey = new Map(findings.map((finding) => [findingKey(finding), finding]));
  const waiting: KeptFinding[] = [];
  let placed = 0;
  batch(() => {
    for (const finding of kept) {
      const found = byKey.get(finding.key);
      if (found === undefined) {
        waiting.push(finding);
        continue;
      }
      const key = findingBookmarkKey(found);
      if (!bookmarks.has(key))
        bookmarks.toggle({ kind: 'finding', finding: found }, found.firstSeen);
      bookmarks.setNote(key, finding.note);
      placed += 1;
    }
  });
  return { placed, waiting };
}

/**
 * The page's finding bookmarks as kept, then `waiting` ones not placed yet; at most FINDINGS_MAX.
 */
export function keptFindings(
  list: readonly Bookmark[],
  waiting: readonly KeptFinding[],
): KeptFinding[] {
  const kept = list.flatMap(({ target, time, note }) =>
    target.kind === 'finding' ? [{ key: findingKey(target.finding), time, note }] : [],
  );
  const keys = new Set(kept.map((finding) => finding.key));
  const still = waiting.filter((finding) => !keys.has(finding.key));
  return [...kept, ...still].slice(0, FINDINGS_MAX);
}
