import { test } from 'node:test';
import assert from 'node:assert/strict';

import { compileGlob, hasWildcard } from '../../src/query/glob.js';
import { cpuMs } from '../support/cpu-time.js';

test('compileGlob matches whole values with * and ?', () => {
  const cases: [string, string, boolean][] = [
    ['abc', 'abc', true],
    ['abc', 'abcd', false],
    ['a?c', 'abc', true],
    ['a?c', 'ac', false],
    ['*', '', true],
    ['*', 'anything', true],
    ['a*', 'a', true],
    ['*c', 'abc', true],
    ['*c', 'abcd', false],
    ['a*c', 'ac', true],
    ['a*c', 'abbbc', true],
    ['a*b*c', 'aXbYc', true],
    ['a*b*c', 'acb', false],
    ['ab*ba', 'aba', false],
    ['ab*ba', 'abba', true],
    ['*a?a*', 'xxaaXa', true],
    ['*a?a*', 'aXb', false],
    ['**', 'x', true],
    ['?*?', 'x', false],
    ['?*?', 'xy', true],
    ['*\\rundll32.exe', 'c:\\windows\\system32\\rundll32.exe', true],
  ];
  for (const [pattern, value, expected] of cases) {
    assert.equal(compileGlob(pattern)(value), expected, `${pattern} on ${value}`);
  }
});

test('compileGlob takes each middle piece at its leftmost place without missing a match', () => {
  assert.equal(compileGlob('*ab?d*')('abxabcd'), true);
  assert.equal(compileGlob('*a*a*a*b')('aaaa'), false);
  assert.equal(compileGlob('x*y?y*z')('xyyyz'), true);
});

test('compileGlob does not hang on patterns that make regex engines backtrack', () => {
  const value = 'a'.repeat(100_000);
  const pattern = '*a'.repeat(200) + '*b';
  const ms = cpuMs(() => assert.equal(compileGlob(pattern)(value), false));
  assert.ok(ms < 2000, `matching took ${ms} ms of CPU`);
});

test('compileGlob agrees with a regular expression on random patterns, long pieces included', () => {
  let seed = 11;
  const next = (below: number) => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % below;
  const text = (length: number, letters: string) =>
    Array.from({ length }, () => letters[next(letters.length)]).join('');

  for (let round = 0; round < 3000; round++) {
    const pattern = text(1 + next(round < 2500 ? 8 : 80), 'ab?*');
    const value = text(next(round < 2500 ? 12 : 120), 'ab');
    const reference = new RegExp(`^${pattern.replace(/\?/g, '.').replace(/\*/g, '.*')}$`, 's');
    assert.equal(compileGlob(pattern)(value), reference.test(value), `${pattern} on ${value}`);
  }
});

test('compileGlob finds a piece of more than 32 characters with ?', () => {
  const piece = 'a?'.repeat(20) + 'b';
  assert.equal(
    compileGlob(`*${piece}*`)('x'.repeat(50) + 'aXaYaZ'.repeat(7) + 'aXc' + 'tail'),
    false,
  );
  assert.equal(compileGlob(`*${piece}*`)('x'.repeat(50) + 'aQ'.repeat(20) + 'b!'), true);
  assert.equal(compileGlob(`*x${piece}`)('xx' + 'aQ'.repeat(20) + 'b'), true);
});

test('hasWildcard finds * and ?', () => {
  assert.equal(hasWildcard('a*'), true);
  assert.equal(hasWildcard('a?'), true);
  assert.equal(hasWildcard('a.b'), false);
});
