import assert from 'node:assert/strict';
import { test } from 'node:test';

import { GLOB_LENGTH_LIMIT, GlobTooLongError, compileGlob } from '../../src/allowlist/glob.js';

test('compileGlob matches the whole text: * any run, ? one character, the rest itself', () => {
  const glob = compileGlob('*\\OneDrive\\*.exe');

  assert.equal(glob.test('C:\\Users\\a\\OneDrive\\OneDrive.exe'), true);
  assert.equal(glob.test('C:\\Users\\a\\OneDrive\\OneDrive.exe.bak'), false);
  assert.equal(glob.test('\\OneDrive\\.exe'), true);
  assert.equal(compileGlob('?.exe').test('x.exe'), true);
  assert.equal(compileGlob('?.exe').test('.exe'), false);
  assert.equal(compileGlob('?.exe').test('xy.exe'), false);
  assert.equal(compileGlob('').test(''), true);
  assert.equal(compileGlob('').test('a'), false);
  assert.equal(compileGlob('***').test(''), true);
});

test('compileGlob treats regular-expression characters as themselves', () => {
  assert.equal(compileGlob('a.b(1)[x]^$|+{2}\\').test('a.b(1)[x]^$|+{2}\\'), true);
  assert.equal(compileGlob('a.b').test('axb'), false);
  assert.equal(compileGlob('a+').test('aa'), false);
});

test('compileGlob ignores case, and ? takes one character even outside the BMP', () => {
  assert.equal(compileGlob('c:\\WINDOWS\\*').test('C:\\Windows\\System32\\cmd.exe'), true);
  assert.equal(compileGlob('ÄRGER.EXE').test('ärger.exe'), true);
  assert.equal(compileGlob('a?b').test('a😀b'), true);
  assert.equal(compileGlob('a?b').test('aİb'), true);
});

test('compileGlob backtracks only to the last star', () => {
  assert.equal(compileGlob('*a*b*c').test('xxaxxbxxbxxc'), true);
  assert.equal(compileGlob('*a*b*c').test('xxaxxbxxbxxcx'), false);
  assert.equal(compileGlob('*ab').test('aab'), true);
  assert.equal(compileGlob('a*?b').test('ab'), false);
  assert.equal(compileGlob('a*?b').test('axb'), true);
});

test('compileGlob does not hang on globs that make regular expressions backtrack', () => {
  const hostile = compileGlob(`C:\\${'*?'.repeat(8)}Z`);
  const longest = compileGlob(`${'*?'.repeat(GLOB_LENGTH_LIMIT / 2 - 1)}Z`);
  const text = `C:\\${'a'.repeat(30_000)}`;

  const started = performance.now();
  assert.equal(hostile.test(text), false);
  assert.equal(longest.test(text), false);
  assert.equal(hostile.test(`${text}Z`), true);
  assert.ok(performance.now() - started < 2_000, 'matching took more than 2 s');
});

test('compileGlob refuses a glob over GLOB_LENGTH_LIMIT characters', () => {
  assert.equal(compileGlob('x'.repeat(GLOB_LENGTH_LIMIT)).source.length, GLOB_LENGTH_LIMIT);
  assert.throws(() => compileGlob('x'.repeat(GLOB_LENGTH_LIMIT + 1)), {
    name: 'GlobTooLongError',
    message: `glob of ${GLOB_LENGTH_LIMIT + 1} characters is over the limit of 1024`,
  });
  assert.ok(new GlobTooLongError(5) instanceof RangeError);
});
