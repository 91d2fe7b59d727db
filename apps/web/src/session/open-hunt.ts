/**
 * Opening a ready-made hunt from the Hunts menu: a query hunt becomes the query in the box
 * (so it shows there and can be edited), on the events table; a finding hunt opens the
 * findings view narrowed to its kind, on the first finding of that kind (none when there is none).
 */
import { readyHunt, type ReadyHunt } from '@evtxhunt/hunt';

import type { Workbench } from './workbench.js';

/** What opening a hunt did, for the menu to say. */
export interface OpenedHunt {
  /** The query applied, for a query hunt. */
  readonly query?: string;
  /** Rare values a rare hunt's query had to leave out (see rareQuery). */
  readonly omitted: number;
  /** For a finding hunt: whether a finding of its kind was there to open. */
  readonly found?: boolean;
}

/** Opens `hunt` in `bench`. */
export function openReadyHunt(bench: Workbench, hunt: ReadyHunt): OpenedHunt {
  const opens = hunt.opens;
  if (opens.kind === 'findings') {
    bench.hunt.findings.narrow(opens.finding);
    bench.hunt.tab.value = 'findings';
    return { omitted: 0, found: bench.hunt.findings.open.peek() !== undefined };
  }

  const target = bench.readyHunts.queryOf(hunt);
  if (target === undefined) return { omitted: 0 };
  // The hunts' queries are written for the plain mode, where a bare word is text.
  bench.filter.regexMode.value = false;
  bench.filter.setQuery(target.query);
  bench.readyHunts.opened.value = { hunt: hunt.id, query: target.query };
  bench.hunt.tab.value = 'events';
  return { query: target.query, omitted: target.omitted };
}

/**
 * Works the opened rare hunt's query out again from the latest counts, as more logs are read
 * or when a link named the hunt before any log was open; a query the person changed since is
 * left alone.
 */
export function followOpenedHunt(bench: Workbench): void {
  const opened = bench.readyHunts.opened.peek();
  if (opened === undefined || bench.filter.query.peek() !== opened.query) return;
  const hunt = readyHunt(opened.hunt);
  if (hunt?.opens.kind !== 'query' || hunt.opens.rare === undefined) return;

  const target = bench.readyHunts.queryOf(hunt);
  if (target === undefined || target.query === opened.query) return;
  bench.filter.setQuery(target.query);
  bench.readyHunts.opened.value = { hunt: hunt.id, query: target.query };
}
