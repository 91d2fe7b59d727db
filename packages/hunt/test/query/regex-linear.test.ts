import { test } from 'node:test';
import assert from 'node:assert/strict';

import { LinearRegex } from '../../src/query/regex-linear.js';
import { LinearRegexError } from '../../src/query/regex-syntax.js';
import { cpuMs } from '../support/cpu-time.js';
import { SeededRandom } from '../support/random.js';

/** Pattern, flags, value and whether RegExp (and so the matcher) finds a match. */
const CASES: readonly [string, string, string, boolean][] = [
  ['a.*b', '', 'xxaxxbx', true],
  ['a.*b', '', 'a\nb', false],
  ['a.*b', 's', 'a\nb', true],
  ['^ab$', '', 'xab', false],
  ['^b', '', 'a\nb', false],
  ['^b', 'm', 'a\nb', true],
  ['a$', 'm', 'a\r\nb', true],
  ['a$', '', 'a\nb', false],
  ['\\bfoo\\b', '', 'a foo.', true],
  ['\\bfoo\\b', '', 'afoo', false],
  ['\\Boo', '', 'foo', true],
  ['\\Bfoo', '', 'foo', false],
  ['a{2,3}', '', 'xa', false],
  ['^a{2,3}$', '', 'aaa', true],
  ['^a{2,3}$', '', 'aaaa', false],
  ['^a{2,}$', '', 'aaaaaaa', true],
  ['a{,2}', '', 'a{,2}', true],
  ['x{', '', 'x{', true],
  ['(?:a|b)*c', '', 'ababc', true],
  ['(?<word>ab)+c', '', 'ababc', true],
  ['(a|)+b', '', 'b', true],
  ['(?:)', '', '', true],
  ['[^\\\\]+$', '', 'x\\', false],
  ['[\\w-]+@', '', 'a-b@', true],
  ['[\\d-z]', '', '-', true],
  ['[a-c]', 'i', 'B', true],
  ['[^a-c]', 'i', 'B', false],
  ['STRASSE', 'i', 'strasse', true],
  ['\\u212a', 'i', 'k', false],
  ['\\u017f', 'i', 's', false],
  ['é', 'i', 'É', true],
  ['\\s', '', '\u2028', true],
  ['\\s', '', '\u200b', false],
  ['\\x41\\u0042\\cC\\0', '', 'AB\u0003\u0000', true],
  ['[\\b]', '', '\b', true],
  ['^.$', '', '\ud83d\ude00', false],
  ['^..$', '', '\ud83d\ude00', true],
  ['\\ude00', '', '\ud83d\ude00', true],
  ['[^]', '', '\n', true],
  ['[]', '', 'a', false],
  ['\\$\\{`?e`?n`?v`?\\}', 'i', '${`E`n`V}', true],
  ['net\\s+view', '', 'net net  view', true],
  ['net\\s+view', '', 'net net  vie', false],
  ['^net', '', ' net', false],
  ['a\\k', '', 'ak', true],
];

test('LinearRegex.test answers as RegExp.test does', () => {
  for (const [source, flags, value, expected] of CASES) {
    const what = `/${source}/${flags} on ${JSON.stringify(value)}`;
    assert.equal(new RegExp(source, flags).test(value), expected, `RegExp ${what}`);
    assert.equal(new LinearRegex(source, flags).test(value), expected, what);
  }
});

test('LinearRegex refuses what it cannot run, with the offset', () => {
  const refused = (source: string, flags = '') => {
    try {
      new LinearRegex(source, flags);
      return 'accepted';
    } catch (error) {
      assert.ok(error instanceof LinearRegexError);
      return `${error.at}: ${error.message}`;
    }
  };
  assert.equal(refused('(a)\\1'), '3: a backreference cannot run in linear time');
  assert.equal(refused('(?<n>a)\\k<n>'), '7: a backreference cannot run in linear time');
  assert.equal(refused('^(?=(a+))'), '1: a lookahead or lookbehind cannot run in linear time');
  assert.equal(refused('x(?<!a)'), '1: a lookahead or lookbehind cannot run in linear time');
  assert.equal(refused('\\08'), '0: the legacy escape \\0 is not supported');
  assert.equal(refused('(?:a{200}){200}'), '0: pattern needs more than 20000 states');
  assert.equal(refused('a{1000000}'), '0: a repeat of 1000000 needs more than 20000 states');
  assert.equal(refused('a', 'u'), '0: flag u is not supported');
});

test('LinearRegex takes linear time on the patterns that hang RegExp', () => {
  const patterns: [string, string][] = [
    ['.*.*.*.*.*.*.*.*.*.*=$', 'a'.repeat(200_000)],
    ['(a+)+$', `${'a'.repeat(200_000)}!`],
    ['(?:\\s*\\d{1,3}\\s*,){2}', ' '.repeat(200_000)],
    [
      '\\+.*\\+.*\\+.*\\+.*\\+.*\\+.*\\+.*\\+.*\\+.*\\+.*\\+.*\\+.*\\+.*\\+',
      `+${'a'.repeat(15_000)}`.repeat(13),
    ],
    ['(x|xx)+y', 'x'.repeat(200_000)],
  ];
  for (const [source, value] of patterns) {
    const regex = new LinearRegex(source, '');
    let matched = true;
    const used = cpuMs(() => (matched = regex.test(value)));
    assert.equal(matched, false, source);
    // RegExp takes minutes to years on these; linear time is tens of milliseconds.
    assert.ok(used < 3000, `${source}: ${used} ms of CPU`);
  }
});

test('LinearRegex keeps its DFA bounded and still answers right', () => {
  // Every position after an `a` opens a new DFA state: `a.{0,60}b` holds up to 2^60 sets.
  const regex = new LinearRegex('a.{0,60}b', '');
  let value = '';
  for (let index = 0; index < 5000; index += 1) value += index % 7 < 3 ? 'a' : 'c';
  assert.equal(regex.test(value), false);
  assert.equal(regex.test(`${value}b`), true);
  assert.equal(regex.test(`${value}${'c'.repeat(61)}b`), false);
});

/** Pieces of random patterns: atoms, and repeats to follow them. */
const ATOMS = ['a', 'b', '.', '\\d', '\\w', '\\s', '\\W', '\\S', '[ab]', '[^a]', '[a-c]', '[\\w-]'];
ATOMS.push(
  '\\b',
  '\\B',
  '^',
  '$',
  'A',
  'é',
  '\\n',
  '-',
  '[^]',
  '[]',
  '\\x41',
  '{',
  '}',
  'K',
  '\\k',
);
const REPEATS = ['', '', '', '*', '+', '?', '{2}', '{1,2}', '{0,}', '*?', '+?', '{2,3}?', '{,2}'];
const VALUE_CHARS = [
  'a',
  'b',
  'A',
  '1',
  ' ',
  '\n',
  '\r',
  '_',
  '-',
  'é',
  'É',
  'K',
  'k',
  '\u212a',
  '{',
];

function randomPattern(random: SeededRandom, depth: number): string {
  let pattern = '';
  for (let count = random.integer(1, 4); count > 0; count -= 1) {
    const pick = <T>(items: readonly T[]) => items[random.integer(0, items.length - 1)] as T;
    let atom = pick(ATOMS);
    if (depth < 3 && random.chance(0.25)) {
      const inner = randomPattern(random, depth + 1);
      const other = random.chance(0.3) ? `|${randomPattern(random, depth + 1)}` : '';
      atom = `${pick(['(', '(?:', `(?<g${random.integer(0, 1e9)}>`])}${inner}${other})`;
    }
    pattern += atom + pick(REPEATS);
  }
  return pattern;
}

test('LinearRegex answers as RegExp on random patterns and values', () => {
  const random = new SeededRandom(2026);
  let compared = 0;
  for (let round = 0; round < 5000; round += 1) {
    const source = randomPattern(random, 0);
    const flags = ['', 'i', 'm', 's', 'ims'][random.integer(0, 4)] ?? '';
    let v8: RegExp;
    try {
      v8 = new RegExp(source, flags);
    } catch {
      continue; // Not a pattern (a repeat after `^`, say; about a third): nothing to compare.
    }
    const linear = new LinearRegex(source, flags);
    for (let index = 0; index < 20; index += 1) {
      const length = random.integer(0, 12);
      const value = Array.from({ length }, () => VALUE_CHARS[random.integer(0, 14)]).join('');
      assert.equal(
        linear.test(value),
        v8.test(value),
        `/${source}/${flags} on ${JSON.stringify(value)}`,
      );
      compared += 1;
    }
  }
  assert.ok(compared > 50_000, `${compared} comparisons`);
});
