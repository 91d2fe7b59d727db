/**
 * Building queries from what a person clicks: include or exclude a cell's value, keep a time
 * window. Combine the result with the current tree and show it with formatQuery.
 */
import type { NotNode, QueryNode, RangeMatch, TermNode, TimeBound } from './ast.js';
import { parseTimeSpan } from './time.js';

// The largest distance from 1970 a JavaScript Date can hold.
const MAX_DATE_MS = 8.64e15;

/** The term `field:"value"`: the field equals the value, ignoring case. */
export function fieldEquals(field: string, value: string): TermNode {
  return { kind: 'term', field, match: { kind: 'text', value } };
}

/** The negation of a node. */
export function negated(node: QueryNode): NotNode {
  return { kind: 'not', child: node };
}

/** Every node must match; `all` nodes are dropped and nested ANDs lifted. */
export function allOf(...nodes: readonly QueryNode[]): QueryNode {
  return joinedNodes('and', nodes);
}

/** Some node must match; nested ORs are lifted. An `all` node makes the whole match all. */
export function anyOf(...nodes: readonly QueryNode[]): QueryNode {
  if (nodes.some((node) => node.kind === 'all')) return { kind: 'all' };
  return joinedNodes('or', nodes);
}

/**
 * The term `field:[from TO to}`: a time at or after `from` and before `to`, both in epoch
 * milliseconds, written as ISO UTC with milliseconds. Throws RangeError for a time no Date holds.
 */
export function timeWindow(field: string, fromMs: number, toMs: number): TermNode {
  const match: RangeMatch = {
    kind: 'range',
    low: timeBound(fromMs),
    lowInclusive: true,
    high: timeBound(toMs),
    highInclusive: false,
  };
  return { kind: 'term', field, match };
}

function timeBound(ms: number): TimeBound {
  if (!Number.isFinite(ms) || Math.abs(ms) > MAX_DATE_MS) {
    throw new RangeError(`Cannot build a time window: ${ms} is not a time in milliseconds`);
  }
  const text = new Date(ms).toISOString();
  const span = parseTimeSpan(text) ?? { start: ms, end: ms + 1 };
  return { kind: 'time', text, ...span };
}

function joinedNodes(kind: 'and' | 'or', nodes: readonly QueryNode[]): QueryNode {
  const children = nodes.flatMap((node) => {
    if (node.kind === 'all') return [];
    return node.kind === kind ? node.children : [node];
  });

  const [only] = children;
  if (children.length === 0 || only === undefined) return { kind: 'all' };
  return children.length === 1 ? only : { kind, children };
}
