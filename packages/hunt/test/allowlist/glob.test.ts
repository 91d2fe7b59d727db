import assert from 'node:assert/strict';
import { test } from 'node:test';

import { GLOB_LENGTH_LIMIT, GlobTooLongError, compileAllowGlob } from '../../src/allowlist/glob.js';
import { cpuMs } from '../support/cpu-time.js';

test('compileAllowGlob matches the whole text: * any run, ? one character, the rest itself', () => {
  const glob = compileAllowGlob('*\\OneDrive\\*.exe');

  assert.equal(glob.test('C:\\Users\\a\\OneDrive\\OneDrive.exe'), true);
  assert.equal(glob.test('C:\\Users\\a\\OneDrive\\OneDrive.exe.bak'), false);
  assert.equal(glob.test('\\OneDrive\\.exe'), true);
  assert.equal(compileAllowGlob('?.exe').test('x.exe'), true);
  assert.equal(compileAllowGlob('?.exe').test('.exe'), false);
  assert.equal(compileAllowGlob('?.exe').test('xy.exe'), false);
  assert.equal(compileAllowGlob('').test(''), true);
  assert.equal(compileAllowGlob('').test('a'), false);
  assert.equal(compileAllowGlob('***').test(''), true);
});

test('compileAllowGlob treats regular-expression characters as themselves', () => {
  assert.equal(compileAllowGlob('a.b(1)[x]^$|+{2}\\').test('a.b(1)[x]^$|+{2}\\'), true);
  assert.equal(compileAllowGlob('a.b').test('axb'), false);
  assert.equal(compileAllowGlob('a+').test('aa'), false);
});

test('compileAllowGlob ignores case; ? takes one UTF-16 unit, so two for a character outside the BMP', () => {
  assert.equal(compileAllowGlob('c:\\WINDOWS\\*').test('C:\\Windows\\System32\\cmd.exe'), true);
  assert.equal(compileAllowGlob('ÄRGER.EXE').test('ärger.exe'), true);
  assert.equal(compileAllowGlob('a??b').test('a😀b'), true);
  assert.equal(compileAllowGlob('a?b').test('a😀b'), false);
  assert.equal(compileAllowGlob('a?b').test('aİb'), true);
});

test('compileAllowGlob backtracks only to the last star', () => {
  assert.equal(compileAllowGlob('*a*b*c').test('xxaxxbxxbxxc'), true);
  assert.equal(compileAllowGlob('*a*b*c').test('xxaxxbxxbxxcx'), false);
  assert.equal(compileAllowGlob('*ab').test('aab'), true);
  assert.equal(compileAllowGlob('a*?b').test('ab'), false);
  assert.equal(compileAllowGlob('a*?b').test('axb'), true);
});

test('compileAllowGlob does not hang on globs that make regular expressions backtrack', () => {
  const hostile = compileAllowGlob(`C:\\${'*?'.repeat(8)}Z`);
  const longest = compileAllowGlob(`${'*?'.repeat(GLOB_LENGTH_LIMIT / 2 - 1)}Z`);
  const text = `C:\\${'a'.repeat(30_000)}`;

  const ms = cpuMs(() => {
    assert.equal(hostile.test(text), false);
    assert.equal(longest.test(text), false);
    assert.equal(hostile.test(`${text}Z`), true);
  });
  assert.ok(ms < 2_000, `matching took ${ms} ms of CPU`);
});

test('compileAllowGlob refuses a glob over GLOB_LENGTH_LIMIT characters', () => {
  assert.equal(compileAllowGlob('x'.repeat(GLOB_LENGTH_LIMIT)).source.length, GLOB_LENGTH_LIMIT);
  assert.throws(() => compileAllowGlob('x'.repeat(GLOB_LENGTH_LIMIT + 1)), {
    name: 'GlobTooLongError',
    message: `glob of ${GLOB_LENGTH_LIMIT + 1} characters is over the limit of 1024`,
  });
  assert.ok(new GlobTooLongError(5) instanceof RangeError);
});
