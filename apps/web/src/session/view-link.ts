/**
 * The page's view as the URL fragment carries it: the applied query (or the ready-made hunt that
 * set it), regex mode, columns, sort, time zone, added facets and the open view's name. Names and
 * the query the person wrote travel; rows, files and the selection never do. The fragment's format
 * is the hunt package's (encodeViewState/decodeViewState); this maps it onto the Workbench.
 */
import { batch } from '@preact/signals';
import { encodeViewState, readyHunt, type ViewState } from '@evtxhunt/hunt';

import { openReadyHunt } from './open-hunt.js';
import { DEFAULT_COLUMNS, type Workbench } from './workbench.js';

/**
 * The view as it stands. While an opened ready-made hunt's query is in force the link names the
 * hunt, not the query: a rare hunt's query lists values read from the logs.
 */
export function currentViewState(bench: Workbench): ViewState {
  const { filter } = bench;
  const columns = bench.columns.value;
  const sort = bench.sort.value;
  const opened = bench.readyHunts.opened.value;
  const query = filter.query.value;
  const fromHunt = opened !== undefined && opened.query === query;
  // TODO: a rare hunt's query edited by hand travels as edited, rare values from the logs included.
  return {
    query: fromHunt ? '' : query,
    hunt: fromHunt ? opened.hunt : '',
    regexMode: filter.regexMode.value,
    columns: sameList(columns, DEFAULT_COLUMNS) ? [] : columns,
    sort: sort === undefined ? [] : [{ column: sort.key, descending: sort.direction === 'desc' }],
    timeZone: filter.timeZone.value,
    facets: filter.facetFields.value,
    view: filter.viewName.value,
  };
}

/**
 * The fragment for the view, with `#`; an empty string when everything is at its default, so
 * a plain page keeps a plain address.
 */
export function viewFragment(state: ViewState): string {
  const encoded = encodeViewState(state);
  return encoded === encodeViewState({}) ? '' : `#${encoded}`;
}

/**
 * Shows `state`: a query that does not parse stays in the box with its problem shown. Only
 * the first sort key is used: the table sorts by one column.
 */
export function applyViewState(bench: Workbench, state: ViewState): void {
  const { filter } = bench;
  const [sort] = state.sort;
  batch(() => {
    filter.regexMode.value = state.regexMode;
    const hunt = state.hunt === '' ? undefined : readyHunt(state.hunt);
    if (hunt === undefined) filter.setQuery(state.query);
    else openReadyHunt(bench, hunt);
    bench.columns.value = state.columns.length === 0 ? DEFAULT_COLUMNS : state.columns;
    filter.setTimeZone(state.timeZone);
    filter.setFacetFields(state.facets);
    filter.viewName.value = state.view;
  });
  const order =
    sort === undefined
      ? undefined
      : { key: sort.column, direction: sort.descending ? ('desc' as const) : ('asc' as const) };
  if (order?.key !== bench.sort.peek()?.key || order?.direction !== bench.sort.peek()?.direction) {
    bench.setSort(order);
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}
