/**
 * A JavaScript regular expression (without the `u` flag) read into a tree for the linear-time
 * matcher. The caller has already compiled the pattern with RegExp, so this reader meets only
 * valid syntax; what it cannot run it refuses with a LinearRegexError naming the offset:
 * backreferences and lookarounds (no linear-time matcher can run them), and the rare legacy
 * forms whose meaning JavaScript decides by context (octal escapes, `\c` without a letter).
 */
import { classEscape, dotSet, rangesOf, singleChar, unionOf, type CharSet } from './regex-chars.js';

/** A part of a pattern. */
export type RegexNode =
  | { readonly kind: 'chars'; readonly set: CharSet }
  | { readonly kind: 'sequence'; readonly items: readonly RegexNode[] }
  | { readonly kind: 'alternation'; readonly options: readonly RegexNode[] }
  | {
      readonly kind: 'repeat';
      readonly body: RegexNode;
      readonly min: number;
      readonly max: number;
    }
  | { readonly kind: 'assertion'; readonly what: Assertion };

/** `^`, `$`, `\b` and `\B`. */
export type Assertion = 'start' | 'end' | 'boundary' | 'inside';

/** Why the matcher cannot run a pattern, and the offset in the pattern it is about. */
export class LinearRegexError extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
    this.name = 'LinearRegexError';
  }
}

/** Reads a pattern; throws a LinearRegexError for what the matcher cannot run. */
export function parseRegex(source: string, dotAll: boolean): RegexNode {
  const reader = new Reader(source, dotAll);
  const node = reader.alternation();
  if (reader.at < source.length) reader.fail(`unexpected ${source[reader.at]}`);
  return node;
}

const SIMPLE_ESCAPES: Readonly<Record<string, number>> = { t: 9, n: 10, v: 11, f: 12, r: 13 };

const COUNTED = /\{(\d+)(,(\d*))?\}/y;

class Reader {
  at = 0;

  constructor(
    readonly source: string,
    readonly dotAll: boolean,
  ) {}

  fail(message: string, at = this.at): never {
    throw new LinearRegexError(message, at);
  }

  alternation(): RegexNode {
    const options = [this.sequence()];
    while (this.source[this.at] === '|') {
      this.at += 1;
      options.push(this.sequence());
    }
    return options.length === 1 ? (options[0] as RegexNode) : { kind: 'alternation', options };
  }

  sequence(): RegexNode {
    const items: RegexNode[] = [];
    while (this.at < this.source.length && this.source[this.at] !== '|') {
      if (this.source[this.at] === ')') break;
      const atom = this.term();
      items.push(this.quantified(atom));
    }
    return items.length === 1 ? (items[0] as RegexNode) : { kind: 'sequence', items };
  }

  /** One assertion, group, class, escape or character. */
  term(): RegexNode {
    const char = this.source[this.at] ?? '';
    this.at += 1;
    if (char === '^') return { kind: 'assertion', what: 'start' };
    if (char === '$') return { kind: 'assertion', what: 'end' };
    if (char === '.') return { kind: 'chars', set: dotSet(this.dotAll) };
    if (char === '(') return this.group();
    if (char === '[') return { kind: 'chars', set: this.charClass() };
    if (char === '\\') return this.escape();
    return { kind: 'chars', set: singleChar(char.charCodeAt(0)) };
  }

  /** A repeat after an atom, if one is written there (`{` that is not a count is a literal). */
  quantified(atom: RegexNode): RegexNode {
    const char = this.source[this.at];
    let min = 0;
    let max = Infinity;
    if (char === '+') min = 1;
    else if (char === '?') max = 1;
    else if (char === '{') {
      COUNTED.lastIndex = this.at;
      const counted = COUNTED.exec(this.source);
      if (counted === null) return atom;
      [min, max] = this.counts(counted);
      this.at += counted[0].length - 1;
    } else if (char !== '*') return atom;

    this.at += 1;
    if (this.source[this.at] === '?') this.at += 1;
    return { kind: 'repeat', body: atom, min, max };
  }

  counts(counted: RegExpExecArray): [number, number] {
    const [, least = '0', comma, most] = counted;
    const min = Number(least);
    const max = comma === undefined ? min : most === '' ? Infinity : Number(most);
    return [min, max];
  }

  /** After `(`: a capturing, non-capturing or named group; lookarounds are refused. */
  group(): RegexNode {
    const start = this.at - 1;
    const rest = this.source.slice(this.at, this.at + 3);
    if (/^\?<?[=!]/.test(rest))
      this.fail('a lookahead or lookbehind cannot run in linear time', start);
    if (rest.startsWith('?:')) this.at += 2;
    else if (rest.startsWith('?<')) this.at = this.source.indexOf('>', this.at) + 1;
    else if (rest.startsWith('?')) this.fail('an inline modifier group is not supported', start);

    const body = this.alternation();
    if (this.source[this.at] !== ')') this.fail('unterminated group', start);
    this.at += 1;
    return body;
  }

  /** After `\` outside a class. */
  escape(): RegexNode {
    const letter = this.source[this.at] ?? '';
    if (letter === 'b' || letter === 'B') {
      this.at += 1;
      return { kind: 'assertion', what: letter === 'b' ? 'boundary' : 'inside' };
    }
    // Without named groups, `\k` is a `k` (Annex B); with them, a backreference.
    const named = letter === 'k' && /\(\?<[^=!]/.test(this.source);
    if (/[1-9]/.test(letter) || named) {
      this.fail('a backreference cannot run in linear time', this.at - 1);
    }
    return { kind: 'chars', set: this.escapedChars() };
  }

  /** After `\`: a class escape or one code unit, as a set. */
  escapedChars(): CharSet {
    const letter = this.source[this.at] ?? '';
    const named = classEscape(letter);
    if (named !== undefined) {
      this.at += 1;
      return named;
    }
    return singleChar(this.escapedCode());
  }

  /** After `\`: the code unit an escape stands for. */
  escapedCode(): number {
    const start = this.at - 1;
    const letter = this.source[this.at] ?? '';
    this.at += 1;
    const simple = SIMPLE_ESCAPES[letter];
    if (simple !== undefined) return simple;
    if (letter === '0' && !/[0-9]/.test(this.source[this.at] ?? '')) return 0;
    if (letter === 'x') return this.hex(2, start);
    if (letter === 'u') return this.hex(4, start);
    if (letter === 'c' && /[A-Za-z]/.test(this.source[this.at] ?? '')) {
      this.at += 1;
      return (this.source.charCodeAt(this.at - 1) ?? 0) % 32;
    }
    if (/[0-9c]/.test(letter)) this.fail(`the legacy escape \\${letter} is not supported`, start);
    return letter.charCodeAt(0);
  }

  hex(digits: number, start: number): number {
    const text = this.source.slice(this.at, this.at + digits);
    if (!new RegExp(`^[0-9a-fA-F]{${digits}}$`).test(text)) {
      this.fail(
        `the escape ${this.source.slice(start, this.at)} without ${digits} hex digits`,
        start,
      );
    }
    this.at += digits;
    return parseInt(text, 16);
  }

  /** After `[`: the class up to its `]`. */
  charClass(): CharSet {
    const negated = this.source[this.at] === '^';
    if (negated) this.at += 1;
    const ranges: number[] = [];
    while (this.source[this.at] !== ']') {
      if (this.at >= this.source.length) this.fail('unterminated character class');
      ranges.push(...this.classRange());
    }
    this.at += 1;
    return unionOf(ranges, negated);
  }

  /** One member of a class: a code unit, a range `a-z` or a class escape, as ranges. */
  classRange(): number[] {
    const first = this.classAtom();
    const dash = this.source[this.at] === '-' && this.source[this.at + 1] !== ']';
    if (!dash || this.at + 1 >= this.source.length) return first;

    this.at += 1;
    const last = this.classAtom();
    // Annex B: a range with a class escape at either end is the members and a `-`.
    const single = (set: number[]) => set.length === 2 && set[0] === set[1];
    if (!single(first) || !single(last)) return [...first, 45, 45, ...last];
    return [first[0] ?? 0, last[0] ?? 0];
  }

  classAtom(): number[] {
    const char = this.source[this.at] ?? '';
    this.at += 1;
    if (char !== '\\') return [char.charCodeAt(0), char.charCodeAt(0)];

    const letter = this.source[this.at] ?? '';
    if (letter === 'b') {
      this.at += 1;
      return [8, 8];
    }
    if (letter === '-') {
      this.at += 1;
      return [45, 45];
    }
    if (/[1-9k]/.test(letter)) this.fail(`the escape \\${letter} in a class is not supported`);
    return rangesOf(this.escapedChars());
  }
}
