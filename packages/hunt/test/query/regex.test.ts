import { test } from 'node:test';
import assert from 'node:assert/strict';

import { REGEX_MAX_CHARS } from '../../src/query/limits.js';
import { checkRegex, compileSafeRegex } from '../../src/query/regex.js';
import { LinearRegex } from '../../src/query/regex-linear.js';

const EXPONENTIAL = /^regular expression can take exponential time: a repeated group holds/;

/** Patterns RegExp can backtrack on for long (exponential or polynomial in the value). */
const RISKY = [
  '\\d{0,99}\\d{0,99}\\d{0,99}x',
  '(a+)+',
  '(a*)*b',
  '(?:a|aa)+$',
  '(a|b)*c',
  '(.*a){12}',
  '(\\w+\\s?)+$',
  '.*.*=$',
];

test('checkRegex accepts the patterns hunters write, and risky shapes', () => {
  for (const source of [
    '-e(nc)?\\s',
    '^C:\\\\Users\\\\[^\\\\]+\\\\AppData\\\\',
    '(\\d{1,3}\\.){3}\\d{1,3}',
    '(?:foo|bar)baz',
    '[a-z]+\\.(exe|dll)$',
    '\\(a+\\)+',
    '[(a+)+]',
    'a{2,}b*',
    '(ab)+',
    ...RISKY,
  ]) {
    assert.equal(checkRegex(source, 'i'), undefined, source);
  }
});

test('compileSafeRegex runs risky shapes on the linear-time matcher, with the same answers', () => {
  const values = ['', 'a', 'aab', 'aaaaaaaaaaaa!', 'ab c=', 'x a a b'];
  for (const source of RISKY) {
    const compiled = compileSafeRegex(source, '');
    assert.ok(compiled instanceof LinearRegex, source);
    const expected = values.map((value) => new RegExp(source).test(value));
    assert.deepEqual(
      values.map((value) => compiled.test(value)),
      expected,
      source,
    );
  }
  // A repeat at the very end is not risky: RegExp never backtracks into it.
  for (const source of ['-e(nc)?\\s', '\\d{1,3}\\.\\d{1,3}', 'x{2,}', '\\w+', '(?:a|aa)+']) {
    assert.ok(compileSafeRegex(source, '') instanceof RegExp, source);
  }
});

test('checkRegex refuses what the linear-time matcher cannot run, pointing at it', () => {
  assert.deepEqual(checkRegex('xy(?=a)', ''), {
    message: 'regular expression /xy(?=a)/: a lookahead or lookbehind cannot run in linear time',
    at: 2,
  });
  assert.deepEqual(checkRegex('(?<name>x)\\k<name>', '')?.at, 10);
  assert.deepEqual(checkRegex('(a)\\1', '')?.at, 3);
});

test('checkRegex refuses exponential shapes with the u flag, which keeps RegExp', () => {
  for (const source of ['(a+)+', '(a?)+', '((a)+)+', '(a+){2}', '(a{1,3})+', '(a+)+?']) {
    const problem = checkRegex(source, 'u');
    assert.match(problem?.message ?? 'accepted', EXPONENTIAL, source);
  }
  assert.deepEqual(checkRegex('xy(a+)+', 'u')?.at, 2);
  assert.deepEqual(checkRegex('(b)(?:a|c)*', 'u')?.at, 3);
  assert.equal(checkRegex('(?<name>x)\\k<name>', 'u'), undefined);
});

test('checkRegex refuses flags that keep state, repeated flags and long patterns', () => {
  assert.deepEqual(checkRegex('a', 'g'), {
    message: 'regular expression flag g is not supported; use i, m, s or u',
    at: 1,
  });
  assert.equal(checkRegex('a', 'y')?.message.startsWith('regular expression flag y'), true);
  assert.equal(checkRegex('a', 'ss')?.message, 'regular expression flag s is given twice');
  assert.equal(checkRegex('a', 'imsu'), undefined);

  const long = 'a'.repeat(REGEX_MAX_CHARS + 1);
  assert.equal(
    checkRegex(long, '')?.message,
    `regular expression is ${REGEX_MAX_CHARS + 1} characters long; the limit is ${REGEX_MAX_CHARS}`,
  );
  assert.equal(checkRegex('a'.repeat(REGEX_MAX_CHARS), ''), undefined);
});

test('checkRegex passes on the engine reason for a syntax error', () => {
  const problem = checkRegex('[a', '');
  assert.match(problem?.message ?? '', /^bad regular expression \/\[a\/: \S/);
  assert.equal(checkRegex('\\p{L', 'u')?.message.startsWith('bad regular expression'), true);
  assert.equal(checkRegex('(?<n>a)(?<n>b)', '')?.message.startsWith('bad regular'), true);
});
