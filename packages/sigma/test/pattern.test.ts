import assert from 'node:assert/strict';
import { test } from 'node:test';

import { compilePattern, parsePattern } from '../src/index.js';

const matches = (pattern: string, value: string, lower = true) =>
  compilePattern(parsePattern(pattern), lower)(lower ? value.toLowerCase() : value);

test('parsePattern resolves the escapes of the specification', () => {
  // A backslash not before a wildcard is plain: C:\Windows needs no doubling.
  assert.deepEqual(parsePattern('C:\\Windows'), ['C:\\Windows']);
  assert.deepEqual(parsePattern('a\\*b\\?c'), ['a*b?c']);
  // \\* is a backslash followed by a wildcard; \\\* a backslash and a plain star.
  assert.equal(parsePattern('x\\\\*').length, 2);
  assert.deepEqual(parsePattern('x\\\\\\*'), ['x\\*']);
  // Three or four backslashes are a double backslash.
  assert.deepEqual(parsePattern('\\\\\\\\'), ['\\\\']);
  assert.deepEqual(parsePattern('\\\\\\'), ['\\\\']);
});

test('compilePattern matches wildcards, case-insensitively by default', () => {
  assert.equal(matches('prog?.exe', 'ProgA.exe'), true);
  assert.equal(matches('prog?.exe', 'Prog.exe'), false);
  assert.equal(matches('antivirus_V*.exe', 'antivirus_V21.2.1.exe'), true);
  assert.equal(matches('*\\cmd.exe', 'C:\\Windows\\System32\\CMD.EXE'), true);
  assert.equal(matches('adm*', 'Administrator'), true);
  assert.equal(matches('*evil*', 'not EVIL at all'), true);
  assert.equal(matches('a*b*c', 'a--b--c'), true);
  assert.equal(matches('a*b*c', 'a--c--b'), false);
  assert.equal(matches('', ''), true);
  assert.equal(matches('', 'x'), false);
  assert.equal(matches('*', ''), true);
  assert.equal(matches('a\\*', 'a*'), true);
  assert.equal(matches('a\\*', 'ab'), false);
  assert.equal(matches('Cmd.exe', 'cmd.exe', false), false);
  assert.equal(matches('a.c', 'abc'), false);
  assert.equal(matches('line*end', 'line\nend'), true);
});
