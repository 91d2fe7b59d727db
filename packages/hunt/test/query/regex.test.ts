import { test } from 'node:test';
import assert from 'node:assert/strict';

import { REGEX_MAX_CHARS } from '../../src/query/limits.js';
import { checkRegex } from '../../src/query/regex.js';

const EXPONENTIAL = /^regular expression can take exponential time: a repeated group holds/;

test('checkRegex accepts the patterns hunters write', () => {
  for (const source of [
    '-e(nc)?\\s',
    '^C:\\\\Users\\\\[^\\\\]+\\\\AppData\\\\',
    '(\\d{1,3}\\.){3}\\d{1,3}',
    '(?:foo|bar)baz',
    '[a-z]+\\.(exe|dll)$',
    '(?<name>x)\\k<name>',
    '\\(a+\\)+',
    '[(a+)+]',
    'a{2,}b*',
    '(ab)+',
    '(?:ab){2,}',
  ]) {
    assert.equal(checkRegex(source, 'i'), undefined, source);
  }
});

test('checkRegex refuses the shapes behind exponential backtracking', () => {
  for (const source of [
    '(a+)+',
    '(a*)*b',
    '(a?)+',
    '((a)+)+',
    '(?:a|aa)+',
    '(a|b)*c',
    '(.*a){12}',
    '(a+){2}',
    '(a?){30}a{30}',
    '(a{1,3})+',
    '(\\w+\\s?)+$',
    '(?:(?:a|b))*',
    '(a+)+?',
  ]) {
    const problem = checkRegex(source, '');
    assert.match(problem?.message ?? 'accepted', EXPONENTIAL, source);
  }
});

test('checkRegex points at the repeated group', () => {
  assert.deepEqual(checkRegex('xy(a+)+', '')?.at, 2);
  assert.deepEqual(checkRegex('(b)(?:a|c)*', '')?.at, 3);
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
