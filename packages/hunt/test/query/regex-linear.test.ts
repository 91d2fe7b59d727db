import { test } from 'node:test';
import assert from 'node:assert/strict';

import { LinearRegex } from '../../src/query/regex-linear.js';
import { LinearRegexError } from '../../src/query/regex-syntax.js';
import { cpuMs } from '../support/cpu-time.js';

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
