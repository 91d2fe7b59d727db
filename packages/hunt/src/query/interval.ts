/**
 * Comparisons, ranges and time values as one test: is the value, read as a number or a time,
 * inside an interval? A time bound stands for a span, so as a lower end it starts at the span's
 * start (included) or its end (excluded), and as an upper end it stops before the span's end
 * (included) or its start (excluded). Times compare exactly, to the nanosecond.
 */
import type { Bound, CompareMatch, RangeMatch, TimeMatch } from './ast.js';
import { compareInstants, parseExactSpan, readInstant, type Instant } from './time.js';

/** A test on one field value. */
export type ValueTest = (value: string) => boolean;

/** Something the interval tests: a comparison, a range or a time value. */
type IntervalMatch = CompareMatch | RangeMatch | TimeMatch;

/** One end of an interval, itself accepted or not; undefined `at` for an open end. */
interface End<T> {
  readonly at: T | undefined;
  readonly included: boolean;
}

/** The test for a comparison, range or time value. */
export function intervalTest(match: IntervalMatch): ValueTest {
  const [low, high] = ends(match);
  const kind = (low ?? high)?.bound.kind;
  return kind === 'time' ? timeTest(low, high) : numberTest(low, high);
}

/** A field value as a number (decimal, 0x hex, exponent), or undefined when it is none. */
export function numberOf(value: string): number | undefined {
  const number = Number(value);
  if (!Number.isFinite(number)) return undefined;

  // Number() reads '' and blanks as 0; a real zero has a digit.
  return number === 0 && !/\d/.test(value) ? undefined : number;
}

/** A bound and whether it is included, for the low and the high end (undefined when open). */
type BoundEnd = { readonly bound: Bound; readonly included: boolean } | undefined;

function ends(match: IntervalMatch): [BoundEnd, BoundEnd] {
  switch (match.kind) {
    case 'time':
      return [
        { bound: match.bound, included: true },
        { bound: match.bound, included: true },
      ];
    case 'compare': {
      const end = { bound: match.bound, included: match.operator.endsWith('=') };
      return match.operator.startsWith('>') ? [end, undefined] : [undefined, end];
    }
    case 'range': {
      const { low, high } = match;
      return [
        low === undefined ? undefined : { bound: low, included: match.lowInclusive },
        high === undefined ? undefined : { bound: high, included: match.highInclusive },
      ];
    }
  }
}

function numberTest(low: BoundEnd, high: BoundEnd): ValueTest {
  const min = numberEnd(low);
  const max = numberEnd(high);
  return (value) => {
    const at = numberOf(value);
    if (at === undefined) return false;
    return isAbove(at - (min.at ?? at), min) && isAbove((max.at ?? at) - at, max);
  };
}

function numberEnd(end: BoundEnd): End<number> {
  if (end === undefined) return { at: undefined, included: true };
  const at = end.bound.kind === 'number' ? end.bound.value : NaN;
  return { at, included: end.included };
}

function timeTest(low: BoundEnd, high: BoundEnd): ValueTest {
  const start = timeEnd(low, 'low');
  const stop = timeEnd(high, 'high');
  const instant: Instant = { seconds: 0, nanos: 0 };
  return (value) => {
    if (!readInstant(value, instant)) return false;
    const fromStart = start.at === undefined ? 0 : compareInstants(instant, start.at);
    const toStop = stop.at === undefined ? 0 : compareInstants(stop.at, instant);
    return isAbove(fromStart, start) && isAbove(toStop, stop);
  };
}

/**
 * Where a time bound's span puts an end: a low end starts at the span's start, or its end when
 * excluded; a high end stops before the span's end, or its start when excluded.
 */
function timeEnd(end: BoundEnd, side: 'low' | 'high'): End<Instant> {
  if (end === undefined) return { at: undefined, included: true };

  const span = end.bound.kind === 'time' ? parseExactSpan(end.bound.text) : undefined;
  if (span === undefined) return { at: undefined, included: false };
  const useStart = side === 'low' ? end.included : !end.included;
  return { at: useStart ? span.start : span.end, included: side === 'low' };
}

/** True when a difference from an end is inside it: positive, or zero when the end is included. */
function isAbove(difference: number, end: End<unknown>): boolean {
  return difference > 0 || (difference === 0 && end.included);
}
