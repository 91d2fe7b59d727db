/**
 * The event times a query can keep at most, read from its top-level terms on the event time.
 * A pass drops rows outside them by their millisecond time, before any text is built, so a
 * brushed window over a million rows costs a number compare per row. The bounds are widened
 * by a millisecond on each side: inside them the query's own exact test (to 100 ns) decides.
 */
import type { Bound, QueryNode, TermNode } from '@evtxhunt/hunt';

import { TIME_FIELD } from './query-edit.js';

/** Milliseconds since 1970, both ends included. */
export interface MsBounds {
  readonly fromMs: number;
  readonly toMs: number;
}

/** The bounds every kept row's time lies in, or undefined when the query sets none. */
export function timeBounds(ast: QueryNode): MsBounds | undefined {
  const terms = ast.kind === 'and' ? ast.children : [ast];
  let fromMs = -Infinity;
  let toMs = Infinity;
  for (const term of terms) {
    const span = term.kind === 'term' ? termSpan(term) : undefined;
    if (span === undefined) continue;
    fromMs = Math.max(fromMs, span.fromMs);
    toMs = Math.min(toMs, span.toMs);
  }
  if (fromMs === -Infinity && toMs === Infinity) return undefined;
  // Bounds in milliseconds are rounded; a millisecond more each side keeps every row in reach.
  return { fromMs: fromMs - 1, toMs: toMs + 1 };
}

/**
 * The span a time term allows: a time written in a query stands for a span (a day, a minute),
 * all of it when its end is included, none of it when excluded.
 */
function termSpan(term: TermNode): MsBounds | undefined {
  if (term.field !== TIME_FIELD) return undefined;
  const match = term.match;
  switch (match.kind) {
    case 'time':
      return { fromMs: match.bound.start, toMs: match.bound.end };
    case 'compare': {
      const included = match.operator.endsWith('=');
      return match.operator.startsWith('>')
        ? { fromMs: lowEnd(match.bound, included), toMs: Infinity }
        : { fromMs: -Infinity, toMs: highEnd(match.bound, included) };
    }
    case 'range':
      return {
        fromMs: lowEnd(match.low, match.lowInclusive),
        toMs: highEnd(match.high, match.highInclusive),
      };
    default:
      return undefined;
  }
}

function lowEnd(bound: Bound | undefined, included: boolean): number {
  if (bound?.kind !== 'time') return -Infinity;
  return included ? bound.start : bound.end;
}

function highEnd(bound: Bound | undefined, included: boolean): number {
  if (bound?.kind !== 'time') return Infinity;
  return included ? bound.end : bound.start;
}
