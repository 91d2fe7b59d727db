import { test } from 'node:test';
import assert from 'node:assert/strict';

import { factLines, wrap } from '../../src/report/text-layout.js';

test('wrap breaks at spaces and keeps each line within the width', () => {
  assert.deepEqual(wrap('the quick brown fox jumps', 10), ['the quick', 'brown fox', 'jumps']);
  assert.deepEqual(wrap('short', 10), ['short']);
  assert.deepEqual(wrap('', 10), ['']);
});

test('wrap never cuts a word: one longer than a line gets its own line and overflows', () => {
  const path = 'C:\\Users\\alice\\AppData\\Local\\Temp\\x.exe';

  assert.deepEqual(wrap(`run ${path} now`, 20, 12), ['run', path, 'now']);
  assert.deepEqual(wrap(path, 5), [path]);
  assert.deepEqual(wrap(`${path} ${path}`, 5), [path, path]);
  assert.deepEqual(wrap(`a b ${path}`, 20), ['a b', path]);
});

test('wrap leaves no trailing spaces where it breaks a run of spaces', () => {
  assert.deepEqual(wrap('dns      summary', 10), ['dns', 'summary']);
});

test('wrap counts code points, not UTF-16 units', () => {
  assert.deepEqual(wrap('😀😀😀😀 ab', 4), ['😀😀😀😀', 'ab']);
});

test('factLines pads the label and hangs later lines under the value', () => {
  const lines = factLines('why', 'one two three four five six seven eight nine ten', 42, 2);

  assert.deepEqual(lines, [
    '  why          one two three four five six',
    '                 seven eight nine ten',
  ]);
});

test('factLines keeps a usable value column on a very narrow terminal', () => {
  const lines = factLines('why', 'abcdefghij klmnopqrstu vwxyz 0123456789', 10);

  assert.deepEqual(lines, [
    '  why          abcdefghij klmnopqrstu',
    '               vwxyz 0123456789',
  ]);
});

test('factLines lets a long path overflow the width rather than break it', () => {
  const file =
    '/work/shared/samples/evtx/evtx-attack-samples/sysmon_3_10_Invoke-Mimikatz_hosted_Github.evtx';
  const lines = factLines('evidence', `1 event: ${file} #10272`, 100, 4);

  assert.deepEqual(lines, [
    '  evidence     1 event:',
    `                   ${file}`,
    '                   #10272',
  ]);
});
