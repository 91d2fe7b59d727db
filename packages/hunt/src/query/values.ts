/**
 * The value after `field:`: quoted text, a regular expression, a comparison, a range, or a word
 * that is a wildcard pattern, a time, two bounds joined by `..`, or plain text.
 */
import type {
  Bound,
  CompareMatch,
  CompareOperator,
  RangeMatch,
  RegexMatch,
  ValueMatch,
} from './ast.js';
import { hasWildcard } from './glob.js';
import { QueryFailure, column } from './problem.js';
import { checkRegex } from './regex.js';
import type { Scanner } from './scanner.js';
import { parseTimeSpan } from './time.js';

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const HEX = /^0[xX][0-9a-fA-F]+$/;
const BOUND_HINT = 'is not a number or an ISO time such as 2024-05-01T10:00Z';

/** A number (decimal or 0x hex) or an ISO time as written; undefined for anything else. */
export function parseBound(text: string): Bound | undefined {
  if (DECIMAL.test(text) || HEX.test(text)) return { kind: 'number', text, value: Number(text) };

  const span = parseTimeSpan(text);
  return span === undefined ? undefined : { kind: 'time', text, ...span };
}

/** Reads the value of a field term at the scanner's position. `field` is as typed, for errors. */
export function fieldValue(scanner: Scanner, field: string): ValueMatch {
  const char = scanner.peek();
  if (scanner.atDelimiter()) {
    if (char !== '(') throw missingValue(scanner, field);
    const hint = `${field}: takes one value; write (${field}:a OR ${field}:b)`;
    throw new QueryFailure(scanner.pos, scanner.pos + 1, hint);
  }

  if (char === '"') return quotedValue(scanner);
  if (char === '/') return regexValue(scanner);
  if (char === '[' || char === '{') return rangeValue(scanner);
  if (char === '>' || char === '<') return compareValue(scanner);
  return wordValue(scanner.word());
}

/** Checks a regular expression read at `start`, failing with the span of its text. */
export function checkedRegex(scanner: Scanner, start: number, regex: RegexMatch): RegexMatch {
  const problem = checkRegex(regex.source, regex.flags);
  if (problem === undefined) return regex;
  throw new QueryFailure(start, scanner.pos, problem.message);
}

function missingValue(scanner: Scanner, field: string): QueryFailure {
  const at = scanner.pos;
  return new QueryFailure(
    at - field.length - 1,
    at,
    `expected a value after ${field}: at column ${column(at)}`,
  );
}

function quotedValue(scanner: Scanner): ValueMatch {
  const value = scanner.quoted();
  scanner.expectDelimiter('the closing quote');
  return { kind: 'text', value };
}

function regexValue(scanner: Scanner): RegexMatch {
  const start = scanner.pos;
  const { source, flags } = scanner.regexLiteral();
  scanner.expectDelimiter('the regular expression');
  return checkedRegex(scanner, start, { kind: 'regex', source, flags });
}

/** A word after `field:`: `*`, `a..b`, a wildcard pattern, a time, or plain text. */
function wordValue(word: string): ValueMatch {
  if (word === '*') return { kind: 'exists' };

  const dots = dottedRange(word);
  if (dots !== undefined) return dots;
  if (hasWildcard(word)) return { kind: 'glob', pattern: word };

  const bound = parseTimeSpan(word);
  if (bound !== undefined) return { kind: 'time', bound: { kind: 'time', text: word, ...bound } };
  return { kind: 'text', value: word };
}

/** `a..b` when both ends are numbers or both are times; undefined otherwise. */
export function dottedRange(word: string): RangeMatch | undefined {
  const at = word.indexOf('..');
  if (at <= 0) return undefined;

  const low = parseBound(word.slice(0, at));
  const high = parseBound(word.slice(at + 2));
  if (low === undefined || high === undefined || low.kind !== high.kind) return undefined;
  return { kind: 'range', low, lowInclusive: true, high, highInclusive: true };
}

function compareValue(scanner: Scanner): CompareMatch {
  const start = scanner.pos;
  const operator = compareOperator(scanner);
  scanner.pos += operator.length;

  const text = scanner.word();
  const bound = parseBound(text);
  if (bound !== undefined) return { kind: 'compare', operator, bound };

  const what = text === '' ? `nothing after ${operator}` : `${JSON.stringify(text)} ${BOUND_HINT}`;
  const hint = 'quote the value to match it as text';
  throw new QueryFailure(start, scanner.pos, `${what} at column ${column(start)}; ${hint}`);
}

function compareOperator(scanner: Scanner): CompareOperator {
  const first = scanner.peek() === '<' ? '<' : '>';
  return scanner.peek(1) === '=' ? (`${first}=` as const) : first;
}

/** `[low TO high]` with `[` `]` inclusive, `{` `}` exclusive and `*` for an open end. */
function rangeValue(scanner: Scanner): RangeMatch {
  const start = scanner.pos;
  const lowInclusive = scanner.peek() === '[';
  scanner.pos++;
  const low = rangeEnd(scanner);
  expectTo(scanner);
  const high = rangeEnd(scanner);

  scanner.skipSpace();
  const close = scanner.peek();
  if (close !== ']' && close !== '}') {
    throw new QueryFailure(
      start,
      scanner.pos,
      `unclosed range at column ${column(start)}; expected ] or }`,
    );
  }
  scanner.pos++;
  scanner.expectDelimiter('the range');
  return checkedRange(start, scanner.pos, {
    kind: 'range',
    low,
    lowInclusive,
    high,
    highInclusive: close === ']',
  });
}

function rangeEnd(scanner: Scanner): Bound | undefined {
  scanner.skipSpace();
  const start = scanner.pos;
  const text = scanner.boundWord();
  if (text === '*') return undefined;

  const bound = parseBound(text);
  if (bound !== undefined) return bound;
  const what = text === '' ? 'a range end is missing' : `${JSON.stringify(text)} ${BOUND_HINT}`;
  throw new QueryFailure(
    start,
    Math.max(scanner.pos, start + 1),
    `${what} at column ${column(start)}`,
  );
}

function expectTo(scanner: Scanner): void {
  scanner.skipSpace();
  const start = scanner.pos;
  if (scanner.boundWord().toUpperCase() === 'TO') return;

  throw new QueryFailure(
    start,
    Math.max(scanner.pos, start + 1),
    `expected TO in the range at column ${column(start)}`,
  );
}

function checkedRange(start: number, end: number, range: RangeMatch): RangeMatch {
  const { low, high } = range;
  if (low === undefined && high === undefined) {
    throw new QueryFailure(
      start,
      end,
      'a range needs at least one end; field:* tests that the field is present',
    );
  }
  if (low !== undefined && high !== undefined && low.kind !== high.kind) {
    throw new QueryFailure(start, end, 'the ends of a range must both be numbers or both be times');
  }
  return range;
}
