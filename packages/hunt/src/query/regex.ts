/**
 * Regular expressions of queries and Sigma rules, which run on attacker-controlled values.
 * JavaScript's engine backtracks and cannot be given a time limit: `(a+)+$` takes exponential time
 * on forty `a`s, `.*.*.*=$` polynomial time, and even one `\s+$` is quadratic in the value. So a
 * pattern with a repeat that can backtrack beyond a fixed bound (an unbounded repeat not at the
 * very end, or a counted one of a group holding a repeat or an alternation) runs on our linear-time
 * matcher (regex-linear.ts); the rest keep V8's RegExp, which is faster on them. What the matcher
 * cannot run is refused: backreferences and lookarounds. Queries also refuse long patterns and
 * flags that make a RegExp carry state between rows.
 *
 * TODO: the matcher reads patterns the way JavaScript does without the `u` flag; a query with
 * `u` keeps V8 and only the exponential shapes are refused for it (see exponentialShape), so
 * polynomial backtracking (`.*a.*a.*b` with `u`) is still possible there.
 */
import { REGEX_MAX_CHARS } from './limits.js';
import { LinearRegex } from './regex-linear.js';
import { exponentialShape, type RegexProblem } from './regex-exponential.js';
import { LinearRegexError, parseRegex, type RegexNode } from './regex-syntax.js';

/** Flags a query may give a regular expression. */
export const REGEX_FLAGS = 'imsu';

/** Why a pattern is refused: a message, and the offset in the pattern it is about. */
export type { RegexProblem };

/** Checks a pattern and its flags; undefined when the pattern may be compiled and run. */
export function checkRegex(source: string, flags: string): RegexProblem | undefined {
  if (source.length > REGEX_MAX_CHARS) {
    const size = `${source.length} characters long`;
    return { message: `regular expression is ${size}; the limit is ${REGEX_MAX_CHARS}`, at: 0 };
  }

  const flagProblem = checkFlags(flags);
  if (flagProblem !== undefined) return { message: flagProblem, at: source.length };

  const syntax = compileProblem(source, flags);
  if (syntax !== undefined) return { message: syntax, at: 0 };
  if (flags.includes('u')) return exponentialShape(source);
  try {
    compileSafeRegex(source, flags);
    return undefined;
  } catch (error) {
    if (!(error instanceof LinearRegexError)) throw error;
    return { message: `regular expression /${source}/: ${error.message}`, at: error.at };
  }
}

/** What tests values against a pattern: V8's RegExp or the linear-time matcher. */
export interface RegexTest {
  test(value: string): boolean;
}

/**
 * A pattern compiled to take time at most linear in the value (see above): V8's RegExp when it
 * holds no repeat that can backtrack beyond a fixed bound, else a LinearRegex. Throws the
 * SyntaxError of RegExp for bad syntax and a LinearRegexError (message and offset) for what the
 * matcher cannot run. With the `u` flag (queries only) it is V8's RegExp, unchecked.
 */
export function compileSafeRegex(source: string, flags: string): RegexTest {
  const regex = new RegExp(source, flags);
  if (flags.includes('u')) return regex;
  const tree = parseRegex(source, flags.includes('s'));
  const shape = endless(tree);
  const risky = mayBacktrack(shape) || choices(shape) > MAX_CHOICES;
  return risky ? new LinearRegex(source, flags) : regex;
}

/**
 * Most ways a pattern without risky repeats may match from one position before RegExp takes
 * the linear-time matcher's place: `\d{0,99}\d{0,99}\d{0,99}x` has a million, each of which
 * RegExp may try at every position of a value.
 */
const MAX_CHOICES = 10_000;

/**
 * The tree with an unbounded repeat at its very end cut to its least count: whether a value
 * holds a match does not change (`x{3,}` somewhere means `x{3}` somewhere), and RegExp never
 * backtracks into such a repeat once it has its least count, since nothing follows it.
 */
function endless(node: RegexNode): RegexNode {
  if (node.kind === 'repeat' && node.max === Infinity) return { ...node, max: node.min };
  if (node.kind === 'alternation') return { ...node, options: node.options.map(endless) };
  if (node.kind !== 'sequence' || node.items.length === 0) return node;
  const last = node.items[node.items.length - 1] as RegexNode;
  return { ...node, items: [...node.items.slice(0, -1), endless(last)] };
}

/**
 * Whether V8 could backtrack more than a fixed number of steps per start position: an unbounded
 * repeat (`\s+$` on spaces is quadratic, `.*.*=$` cubic), or a counted repeat of a group that
 * holds a repeat or an alternation (`(?:\s*\d{1,3}\s*,){2}`).
 */
function mayBacktrack(node: RegexNode): boolean {
  switch (node.kind) {
    case 'repeat':
      return (
        node.max === Infinity || (node.max > 1 && branches(node.body)) || mayBacktrack(node.body)
      );
    case 'sequence':
      return node.items.some(mayBacktrack);
    case 'alternation':
      return node.options.some(mayBacktrack);
    default:
      return false;
  }
}

/**
 * How many ways a part without risky repeats can match at one position, at most: counted
 * repeats multiply (`x{2,5}` has 4), alternatives add. Stops counting past MAX_CHOICES.
 */
function choices(node: RegexNode): number {
  switch (node.kind) {
    case 'repeat':
      return Math.min(node.max - node.min + 1, MAX_CHOICES + 1) * choices(node.body);
    case 'sequence':
      return node.items.reduce(
        (product, item) => Math.min(product * choices(item), MAX_CHOICES + 1),
        1,
      );
    case 'alternation':
      return node.options.reduce(
        (sum, option) => Math.min(sum + choices(option), MAX_CHOICES + 1),
        0,
      );
    default:
      return 1;
  }
}

/** Whether a part holds a repeat or an alternation. */
function branches(node: RegexNode): boolean {
  if (node.kind === 'repeat' || node.kind === 'alternation') return true;
  return node.kind === 'sequence' && node.items.some(branches);
}

function checkFlags(flags: string): string | undefined {
  for (const [index, flag] of [...flags].entries()) {
    if (!REGEX_FLAGS.includes(flag)) {
      return `regular expression flag ${flag} is not supported; use i, m, s or u`;
    }
    if (flags.indexOf(flag) !== index) return `regular expression flag ${flag} is given twice`;
  }
  return undefined;
}

function compileProblem(source: string, flags: string): string | undefined {
  try {
    new RegExp(source, flags);
    return undefined;
  } catch (error) {
    // Engines say "Invalid regular expression: /[a/: Unterminated character class"; keep the end.
    const said = error instanceof Error ? error.message : String(error);
    const detail = said.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
    return `bad regular expression /${source}/: ${detail}`;
  }
}
