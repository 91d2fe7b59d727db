/**
 * Changes to a query made by clicking instead of typing: include or exclude a value, zoom to a
 * time window. Each takes the applied query text and gives new text, written canonically by
 * formatQuery, so the box, the link and the filter always agree. The top level of a query is
 * the list of terms that must all hold; clicks add to it or take from it.
 */
import {
  allOf,
  fieldEquals,
  formatQuery,
  negated,
  parseQuery,
  timeWindow,
  type QueryNode,
  type TermNode,
} from '@evtxhunt/hunt';

/** The field time windows are written on. */
export const TIME_FIELD = 'timeCreated';

/** Whether the top level of a query keeps or drops a value. */
export type TermState = 'included' | 'excluded' | undefined;

/** A time window of the query, in milliseconds since 1970, `toMs` excluded. */
export interface TimeRange {
  readonly fromMs: number;
  readonly toMs: number;
}

/** The terms that must all hold; an unparseable text has none. */
export function topLevel(text: string, regexMode: boolean): readonly QueryNode[] {
  const parsed = parseQuery(text, { regexMode });
  if (!parsed.ok || parsed.ast.kind === 'all') return [];
  return parsed.ast.kind === 'and' ? parsed.ast.children : [parsed.ast];
}

/** Whether `field:"value"` or its negation stands at the top level. */
export function termState(nodes: readonly QueryNode[], field: string, value: string): TermState {
  const wanted = fieldEquals(field, value);
  for (const node of nodes) {
    if (sameNode(node, wanted)) return 'included';
    if (node.kind === 'not' && sameNode(node.child, wanted)) return 'excluded';
  }
  return undefined;
}

/** The values of `field` the top level leaves out with `-field:"value"`. */
export function excludedValues(nodes: readonly QueryNode[], field: string): readonly string[] {
  return nodes.flatMap((node) => {
    if (node.kind !== 'not' || node.child.kind !== 'term') return [];
    const { field: name, match } = node.child;
    return name === field && match.kind === 'text' ? [match.value] : [];
  });
}

/**
 * The query with `field:"value"` (or, when `exclude`, its negation) added; when that term is
 * already there it is taken away instead, and the opposite term is always taken away.
 */
export function toggledValue(
  text: string,
  regexMode: boolean,
  change: { field: string; value: string; exclude: boolean },
): string {
  const term = fieldEquals(change.field, change.value);
  const nodes = topLevel(text, regexMode);
  const before = termState(nodes, change.field, change.value);
  const rest = nodes.filter((node) => !sameNode(node, term) && !sameNode(node, negated(term)));

  const wanted = change.exclude ? 'excluded' : 'included';
  if (before === wanted) return formatQuery(allOf(...rest));
  return formatQuery(allOf(...rest, change.exclude ? negated(term) : term));
}

/** The query with its time windows replaced by one from `fromMs` to before `toMs`. */
export function withTimeWindow(text: string, regexMode: boolean, range: TimeRange): string {
  const rest = topLevel(text, regexMode).filter((node) => !isTimeWindow(node));
  return formatQuery(allOf(...rest, timeWindow(TIME_FIELD, range.fromMs, range.toMs)));
}

/** The query without its top-level time windows. */
export function withoutTimeWindow(text: string, regexMode: boolean): string {
  return formatQuery(allOf(...topLevel(text, regexMode).filter((node) => !isTimeWindow(node))));
}

/** The query's top-level time window (the last, when several), for display. */
export function timeWindowOf(text: string, regexMode: boolean): TimeRange | undefined {
  const windows = topLevel(text, regexMode).filter(isTimeWindow);
  const last = windows[windows.length - 1];
  if (last === undefined || last.match.kind !== 'range') return undefined;

  // A written time stands for a span: an included end takes all of it, an excluded one none.
  const { low, high, lowInclusive, highInclusive } = last.match;
  const fromMs = low?.kind !== 'time' ? -Infinity : lowInclusive ? low.start : low.end;
  const toMs = high?.kind !== 'time' ? Infinity : highInclusive ? high.end : high.start;
  return { fromMs, toMs };
}

/** A range term on the event time, as a brush or "minutes around" writes it. */
function isTimeWindow(node: QueryNode): node is TermNode {
  return node.kind === 'term' && node.field === TIME_FIELD && node.match.kind === 'range';
}

/** Equal trees, wherever they were written. */
function sameNode(a: QueryNode, b: QueryNode): boolean {
  return formatQuery(a) === formatQuery(b);
}
