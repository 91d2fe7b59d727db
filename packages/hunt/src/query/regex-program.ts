/**
 * A pattern tree as a Thompson automaton: states that read one code unit, states that split
 * (alternation, repeats), states that assert (`^`, `$`, `\b`, `\B`) and one final state. A
 * counted repeat is written out (`x{2,4}` is `xx(x(x)?)?`), so the state count is bounded.
 */
import { charTest, type CharSet, type CharTest } from './regex-chars.js';
import { LinearRegexError, type Assertion, type RegexNode } from './regex-syntax.js';

/** Most states a pattern may become; `(?:a{100}){100}` would need 10,000. */
export const MAX_STATES = 20_000;

/** What a state does. */
export type State =
  | { readonly kind: 'read'; readonly test: number; next: number }
  | { readonly kind: 'split'; first: number; second: number }
  | { readonly kind: 'assert'; readonly what: Assertion; readonly next: number }
  | { readonly kind: 'final' };

/** The automaton: its states, the one to start from, and the distinct tests its states read. */
export interface Program {
  readonly states: readonly State[];
  readonly start: number;
  readonly tests: readonly CharTest[];
}

/** The automaton of a pattern tree. */
export function buildProgram(root: RegexNode, ignoreCase: boolean): Program {
  const builder = new Builder(ignoreCase);
  const final = builder.add({ kind: 'final' });
  const start = builder.build(root, final);
  return { states: builder.states, start, tests: builder.tests };
}

class Builder {
  readonly states: State[] = [];
  readonly tests: CharTest[] = [];
  /** Index in `tests` of each distinct set, so `.{1000}` has one test, not a thousand. */
  readonly #testOf = new Map<string, number>();

  constructor(readonly ignoreCase: boolean) {}

  add(state: State): number {
    if (this.states.length >= MAX_STATES) {
      throw new LinearRegexError(`pattern needs more than ${MAX_STATES} states`, 0);
    }
    this.states.push(state);
    return this.states.length - 1;
  }

  /** The state that matches `node` and goes on to `next`. */
  build(node: RegexNode, next: number): number {
    switch (node.kind) {
      case 'chars':
        return this.add({ kind: 'read', test: this.test(node.set), next });
      case 'assertion':
        return this.add({ kind: 'assert', what: node.what, next });
      case 'sequence':
        return node.items.reduceRight((after, item) => this.build(item, after), next);
      case 'alternation':
        return this.alternation(node.options, next);
      case 'repeat':
        return this.repeat(node.body, node.min, node.max, next);
    }
  }

  /** The index of the set's test, made on first use. */
  test(set: CharSet): number {
    const key = `${set.negated}:${set.ranges.join(',')}`;
    let index = this.#testOf.get(key);
    if (index === undefined) {
      index = this.tests.push(charTest(set, this.ignoreCase)) - 1;
      this.#testOf.set(key, index);
    }
    return index;
  }

  alternation(options: readonly RegexNode[], next: number): number {
    const starts = options.map((option) => this.build(option, next));
    return starts.reduceRight((second, first) => this.add({ kind: 'split', first, second }));
  }

  /** `min` copies of the body, then `max - min` optional ones, or a loop when unbounded. */
  repeat(body: RegexNode, min: number, max: number, next: number): number {
    let after = next;
    if (max === Infinity) after = this.loop(body, next);
    else {
      if (max - min > MAX_STATES) this.tooMany(max);
      for (let count = min; count < max; count += 1) {
        after = this.add({ kind: 'split', first: this.build(body, after), second: next });
      }
    }
    if (min > MAX_STATES) this.tooMany(min);
    for (let count = 0; count < min; count += 1) after = this.build(body, after);
    return after;
  }

  loop(body: RegexNode, next: number): number {
    const split: State = { kind: 'split', first: -1, second: next };
    const at = this.add(split);
    split.first = this.build(body, at);
    return at;
  }

  tooMany(count: number): never {
    throw new LinearRegexError(`a repeat of ${count} needs more than ${MAX_STATES} states`, 0);
  }
}
