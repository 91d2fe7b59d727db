/**
 * Hunts that count: of a query's events, keep those whose value of one field is rare (held by
 * at most so many of them). Counting is the caller's (the web app counts interned value codes,
 * a CLI would count text); these functions pick the rare values and turn them into the query
 * that opens them.
 */
import { anyOf, fieldEquals } from '../query/build.js';
import { formatQuery } from '../query/format.js';
import type { RareBy } from './model.js';

/** At most this many rare values go into the query that opens them. */
export const RARE_QUERY_VALUES = 200;

/** A rare hunt's counts: the rare values (in the order given) and the events holding them. */
export interface RareValues {
  readonly values: readonly string[];
  readonly events: number;
}

/** The values held by at most `rare.atMost` events, given each value's event count. */
export function rareValues(counts: Iterable<readonly [string, number]>, rare: RareBy): RareValues {
  const values: string[] = [];
  let events = 0;
  for (const [value, count] of counts) {
    if (count < 1 || count > rare.atMost) continue;
    values.push(value);
    events += count;
  }
  return { values, events };
}

/**
 * The query keeping `base`'s events whose `rare.field` is one of `values`, the values sorted
 * and at most RARE_QUERY_VALUES of them, and how many were left out.
 *
 * TODO: past RARE_QUERY_VALUES rare values the query opens only the first ones (by text order),
 * because the query language caps a query's terms; the menu says how many were left out.
 */
export function rareQuery(
  base: string,
  rare: RareBy,
  values: readonly string[],
): { readonly query: string; readonly omitted: number } {
  const kept = [...values].sort().slice(0, RARE_QUERY_VALUES);
  if (kept.length === 0) return { query: base, omitted: 0 };

  const terms = anyOf(...kept.map((value) => fieldEquals(rare.field, value)));
  return { query: `(${base}) (${formatQuery(terms)})`, omitted: values.length - kept.length };
}
