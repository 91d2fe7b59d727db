/**
 * Values for differential tests of regular expressions: strings a pattern's tree could match
 * (a random walk through it), then changed a little (a code unit inserted, dropped or doubled,
 * text around it), so both matches and near misses are tried.
 */
import type { RegexNode } from '@evtxhunt/hunt';

/** Code units a negated class or an inserted character is drawn from. */
const EXTRA = [
  'a',
  'Z',
  '0',
  '9',
  ' ',
  '\t',
  '\n',
  '\\',
  '"',
  "'",
  '-',
  '.',
  '{',
  'é',
  '\u212a',
  '\ud83d',
];

/** A small seeded generator (xorshift32): the same seed gives the same strings. */
export class Dice {
  #state: number;

  constructor(seed: number) {
    this.#state = seed >>> 0 || 1;
  }

  /** A whole number in [0, n). */
  below(n: number): number {
    this.#state ^= this.#state << 13;
    this.#state ^= this.#state >>> 17;
    this.#state ^= this.#state << 5;
    return (this.#state >>> 0) % n;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.below(items.length)] as T;
  }
}

/** A string the tree matches, ignoring its assertions. */
export function sampleOf(node: RegexNode, dice: Dice): string {
  switch (node.kind) {
    case 'chars':
      return memberOf(node.set.ranges, node.set.negated, dice);
    case 'sequence':
      return node.items.map((item) => sampleOf(item, dice)).join('');
    case 'alternation':
      return sampleOf(dice.pick(node.options), dice);
    case 'repeat': {
      const count = node.min + dice.below(Math.min(node.max - node.min, 3) + 1);
      return Array.from({ length: count }, () => sampleOf(node.body, dice)).join('');
    }
    default:
      return '';
  }
}

function memberOf(ranges: readonly number[], negated: boolean, dice: Dice): string {
  const inside = (code: number) => {
    for (let at = 0; at < ranges.length; at += 2) {
      if (code >= (ranges[at] ?? 0) && code <= (ranges[at + 1] ?? 0)) return true;
    }
    return false;
  };
  if (negated) {
    const outside = EXTRA.filter((char) => !inside(char.charCodeAt(0)));
    return outside.length === 0 ? '' : dice.pick(outside);
  }
  const pair = dice.below(ranges.length / 2) * 2;
  const first = ranges[pair] ?? 0;
  const last = ranges[pair + 1] ?? 0;
  return String.fromCharCode(first + dice.below(Math.min(last - first, 300) + 1));
}

/** The sample changed a little: an edit, case changed, or text around it. */
export function nearMiss(sample: string, dice: Dice): string {
  const at = dice.below(sample.length + 1);
  switch (dice.below(5)) {
    case 0:
      return sample.slice(0, at) + dice.pick(EXTRA) + sample.slice(at);
    case 1:
      return sample.slice(0, at) + sample.slice(at + 1);
    case 2:
      return sample.slice(0, at) + sample.slice(at - 1);
    case 3:
      return dice.below(2) === 0 ? sample.toUpperCase() : sample.toLowerCase();
    default:
      return `${dice.pick(EXTRA)}${sample}${dice.pick(EXTRA)}${sample.slice(0, at)}`;
  }
}
