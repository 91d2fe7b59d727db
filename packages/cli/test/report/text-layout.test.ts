import { test } from 'node:test';
import assert from 'node:assert/strict';

import { factLines, wrap } from '../../src/report/text-layout.js';

test('wrap breaks at spaces and keeps each line within the width', () => {
  assert.deepEqual(wrap('the quick brown fox jumps', 10), ['the quick', 'brown fox', 'jumps']);
  assert.deepEqual(wrap('short', 10), ['short']);
  assert.deepEqual(wrap('', 10), ['']);
});

test('wrap cuts a word longer than a line, using the narrower width after the first', () => {
  const path = 'C:\\Users\\alice\\AppData\\Local\\Temp\\x.exe';

  assert.deepEqual(wrap(`run ${path}`, 20, 12), [
    'run',
    'C:\\Users\\ali',
    'ce\\AppData\\L',
    'ocal\\Temp\\x.',
    'exe',
  ]);
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
  const lines = factLines('image', 'abcdefghijklmnopqrstuvwxyz0123456789', 10);

  assert.deepEqual(lines, [
    '  image        abcdefghijklmnopqrstuvwx',
    '               yz0123456789',
  ]);
});
