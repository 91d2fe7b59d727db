/**
 * "Show this process's events": one small seam between the details pane (and any cell action)
 * and whoever owns the query. The action only builds the query text and hands it over; the
 * owner of the query box decides how and when it filters.
 */
import { fieldEquals, formatQuery } from '@evtxhunt/hunt';

/** Whoever owns the query box: takes the text a shortcut wants to filter by. */
export interface QueryTarget {
  setQuery(text: string): void;
}

/**
 * The query for every event of one process run: `ProcessGuid:"{...}"`. The GUID is quoted
 * through the query language's own formatter, so any text (quotes, wildcards, spaces) stays a
 * literal value.
 */
export function processEventsQuery(processGuid: string): string {
  return formatQuery(fieldEquals('ProcessGuid', processGuid));
}

/** Sets the query to the events of the process run with `processGuid`. */
export function showProcessEvents(target: QueryTarget, processGuid: string): void {
  target.setQuery(processEventsQuery(processGuid));
}
