/**
 * The shapes behind exponential backtracking, found by one scan of the pattern text: a repeated
 * group that itself holds a repeat, an optional part or an alternation. Only for query patterns
 * with the `u` flag, which keep V8's RegExp because the linear-time matcher does not read `u`.
 */

/** Why a pattern is refused: a message, and the offset in the pattern it is about. */
export interface RegexProblem {
  readonly message: string;
  readonly at: number;
}

/** Counted repeats of a group holding bounded repeats are allowed up to this count. */
const SMALL_REPEAT = 4;

/** A group being scanned: what it holds, so far, at any depth. */
interface Group {
  readonly start: number;
  repeats: boolean;
  unbounded: boolean;
  alternation: boolean;
}

/** A repeat just read: how often at most, and whether without limit. */
interface Repeat {
  readonly length: number;
  readonly max: number;
}

/**
 * Whether a pattern has a shape behind exponential backtracking, a repeated group that itself
 * holds a repeat, an optional part or an alternation; undefined when not. Scans the pattern once.
 * Only for patterns with the `u` flag, which the linear-time matcher does not read.
 */
export function exponentialShape(source: string): RegexProblem | undefined {
  const groups: Group[] = [newGroup(-1)];
  let lastGroup: Group | undefined;
  let at = 0;

  while (at < source.length) {
    const char = source[at];
    const repeat = repeatAt(source, at);
    const current = groups[groups.length - 1] ?? newGroup(-1);

    if (repeat !== undefined) {
      const problem = lastGroup === undefined ? undefined : nestedRepeat(lastGroup, repeat);
      if (problem !== undefined) return problem;
      noteRepeat(current, repeat);
      at += repeat.length;
      lastGroup = undefined;
      continue;
    }

    lastGroup = undefined;
    if (char === '(') {
      at = openGroup(source, at, groups);
    } else if (char === ')') {
      lastGroup = closeGroup(groups);
      at += 1;
    } else {
      if (char === '|') current.alternation = true;
      at = atomEnd(source, at);
    }
  }
  return undefined;
}

function newGroup(start: number): Group {
  return { start, repeats: false, unbounded: false, alternation: false };
}

/** The repeat written at `at` (`*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}`, maybe lazy), if any. */
function repeatAt(source: string, at: number): Repeat | undefined {
  const char = source[at];
  let repeat: Repeat | undefined;
  if (char === '*' || char === '+') repeat = { length: 1, max: Infinity };
  else if (char === '?') repeat = { length: 1, max: 1 };
  else if (char === '{') repeat = countedRepeat(source, at);
  if (repeat === undefined) return undefined;

  const lazy = source[at + repeat.length] === '?';
  return lazy ? { length: repeat.length + 1, max: repeat.max } : repeat;
}

function countedRepeat(source: string, at: number): Repeat | undefined {
  const counted = /\{(\d+)(,(\d*))?\}/y;
  counted.lastIndex = at;
  const match = counted.exec(source);
  if (match === null) return undefined;

  const [whole, least = '0', comma, most] = match;
  const max = comma === undefined ? Number(least) : most === '' ? Infinity : Number(most);
  return { length: whole.length, max };
}

function nestedRepeat(group: Group, repeat: Repeat): RegexProblem | undefined {
  const inner = group.alternation || group.unbounded;
  const risky = repeat.max === Infinity ? inner || group.repeats : repeat.max > 1 && inner;
  const tooMany = repeat.max > SMALL_REPEAT && group.repeats;
  if (!risky && !tooMany) return undefined;

  const what = group.alternation ? 'an alternation' : 'something that repeats or is optional';
  return {
    message:
      `regular expression can take exponential time: a repeated group holds ${what}; ` +
      'repeat only the inner part, or use a character class',
    at: group.start,
  };
}

function noteRepeat(group: Group, repeat: Repeat): void {
  group.repeats = true;
  group.unbounded ||= repeat.max === Infinity;
}

/** Offset past the escape, character class or single character at `at`. */
function atomEnd(source: string, at: number): number {
  if (source[at] === '\\') return at + 2;
  if (source[at] !== '[') return at + 1;

  let end = at + 1;
  while (end < source.length && source[end] !== ']') end += source[end] === '\\' ? 2 : 1;
  return end + 1;
}

/** Pushes a group and returns the offset past `(` and any `?:`, `?=`, `?<name>` prefix. */
function openGroup(source: string, at: number, groups: Group[]): number {
  groups.push(newGroup(at));
  if (source[at + 1] !== '?') return at + 1;

  const named = source[at + 2] === '<' && source[at + 3] !== '=' && source[at + 3] !== '!';
  if (named) return source.indexOf('>', at) + 1;
  return at + (source[at + 2] === '<' ? 4 : 3);
}

/** Pops a group, passing what it holds up to the group around it. */
function closeGroup(groups: Group[]): Group | undefined {
  const closed = groups.pop();
  const outer = groups[groups.length - 1];
  if (closed === undefined || outer === undefined) return closed;

  outer.repeats ||= closed.repeats;
  outer.unbounded ||= closed.unbounded;
  outer.alternation ||= closed.alternation;
  return closed;
}
