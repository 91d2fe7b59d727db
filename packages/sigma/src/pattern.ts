/**
 * Sigma string values: `*` and `?` wildcards, the escapes `\*`, `\?` and `\\`, compiled once
 * to a test of one field value. A backslash before anything else is a plain backslash, as the
 * specification says (`C:\Windows` needs no doubling).
 */

/** One piece of a value: plain text, `*` (any run) or `?` (one character). */
export type PatternPart = string | typeof ANY_RUN | typeof ANY_ONE;

export const ANY_RUN = Symbol('*');
export const ANY_ONE = Symbol('?');

/** A value as its pieces, plain text runs merged. */
export type Pattern = readonly PatternPart[];

/** A test of one field value (already lower-cased for a case-insensitive pattern). */
export type StringTest = (value: string) => boolean;

/** The value's pieces: wildcards and escapes resolved. */
export function parsePattern(value: string): Pattern {
  const parts: PatternPart[] = [];
  let text = '';
  for (let i = 0; i < value.length; i++) {
    const char = value[i]!;
    if (char === '\\') {
      const next = value[i + 1];
      if (next === '*' || next === '?' || next === '\\') {
        text += next;
        i++;
      } else text += char;
      continue;
    }
    if (char !== '*' && char !== '?') {
      text += char;
      continue;
    }
    if (text !== '') parts.push(text);
    text = '';
    parts.push(char === '*' ? ANY_RUN : ANY_ONE);
  }
  if (text !== '') parts.push(text);
  return parts;
}

/** A pattern of plain text only. */
export function literalPattern(text: string): Pattern {
  return text === '' ? [] : [text];
}

/** The plain text of a pattern without wildcards, or undefined when it has one. */
export function patternText(pattern: Pattern): string | undefined {
  return pattern.every((part) => typeof part === 'string') ? pattern.join('') : undefined;
}

/** The pattern with `*` before and/or after it (contains, startswith, endswith). */
export function anchored(pattern: Pattern, before: boolean, after: boolean): Pattern {
  const parts = [...pattern];
  if (before && parts[0] !== ANY_RUN) parts.unshift(ANY_RUN);
  if (after && parts[parts.length - 1] !== ANY_RUN) parts.push(ANY_RUN);
  return parts;
}

/**
 * The test of a pattern. The common shapes (`text`, `*text`, `text*`, `*text*`) become string
 * comparisons; anything else one anchored regular expression. `lower` lower-cases the text for
 * a case-insensitive match (the caller then passes lower-cased values).
 */
export function compilePattern(pattern: Pattern, lower: boolean): StringTest {
  const parts = lower
    ? pattern.map((part) => (typeof part === 'string' ? part.toLowerCase() : part))
    : pattern;
  const first = parts[0];
  const last = parts[parts.length - 1];
  const inner = parts.slice(
    first === ANY_RUN ? 1 : 0,
    last === ANY_RUN && parts.length > 1 ? -1 : undefined,
  );

  if (inner.length === 0) return parts.length === 0 ? (value) => value === '' : () => true;
  if (inner.length === 1 && typeof inner[0] === 'string') {
    const text = inner[0];
    if (first === ANY_RUN && last === ANY_RUN) return (value) => value.includes(text);
    if (first === ANY_RUN) return (value) => value.endsWith(text);
    if (last === ANY_RUN) return (value) => value.startsWith(text);
    return (value) => value === text;
  }
  const regex = new RegExp(`^${parts.map(regexPart).join('')}$`);
  return (value) => regex.test(value);
}

function regexPart(part: PatternPart): string {
  if (part === ANY_RUN) return '[\\s\\S]*';
  if (part === ANY_ONE) return '[\\s\\S]';
  return part.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** Patterns of which any may match, sorted for fewer tests (see compileAnyPattern). */
export interface AnyPattern {
  /** Whole values, one set lookup. */
  readonly exact: ReadonlySet<string>;
  /** `*\name` values by `\name`: one lookup of the text from the value's last backslash. */
  readonly baseNames: ReadonlySet<string>;
  /** Tests of the other patterns, one each. */
  readonly tests: readonly StringTest[];
}

/**
 * Several patterns of which any may match, fewer than one test per pattern where they allow
 * it: plain values become one set lookup, and `*\name` values (the usual
 * `Image|endswith: '\cmd.exe'` lists) one lookup of the text after the last backslash.
 */
export function compileAnyPattern(patterns: readonly Pattern[], lower: boolean): AnyPattern {
  const exact = new Set<string>();
  const baseNames = new Set<string>();
  const tests: StringTest[] = [];
  for (const pattern of patterns) {
    const parts = lower ? lowered(pattern) : pattern;
    const [first, second] = parts;
    if (parts.length === 1 && typeof first === 'string') exact.add(first);
    else if (parts.length === 2 && first === ANY_RUN && isBaseName(second)) baseNames.add(second);
    else tests.push(compilePattern(pattern, lower));
  }
  return { exact, baseNames, tests };
}

/** The text from the value's last backslash on: what `*\name` patterns compare. */
export function baseNameOf(value: string): string {
  return value.slice(value.lastIndexOf('\\'));
}

function lowered(pattern: Pattern): Pattern {
  return pattern.map((part) => (typeof part === 'string' ? part.toLowerCase() : part));
}

/** True for `\name`: a backslash and a name with no other backslash. */
function isBaseName(part: PatternPart | undefined): part is string {
  return typeof part === 'string' && part.startsWith('\\') && part.indexOf('\\', 1) === -1;
}
