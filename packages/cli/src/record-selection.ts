/** Which records `pivot` counts: `--where`, `--query` and `--all-events` together. */
import {
  WhereSyntaxError,
  isInitiatedNetworkConnect,
  whereFilter,
  type EventRecord,
} from '@evtxhunt/hunt';

import { UsageError } from './errors.js';
import { queryOption } from './query-option.js';

/**
 * The record selection from `--where`, `--query` and `--all-events`, which must all hold;
 * throws UsageError for bad syntax.
 */
export function selectionFor(
  where: readonly string[],
  allEvents: boolean,
  query?: string,
): (record: EventRecord) => boolean {
  let matches: (record: EventRecord) => boolean;
  try {
    matches = whereFilter(where);
  } catch (error) {
    if (error instanceof WhereSyntaxError) throw new UsageError(`--where: ${error.message}`);
    throw error;
  }

  const queried = queryOption(query) ?? (() => true);
  if (allEvents) return (record) => matches(record) && queried(record);
  return (record) => isInitiatedNetworkConnect(record) && matches(record) && queried(record);
}
