import { test } from 'node:test';
import assert from 'node:assert/strict';

import { cellParts } from '../../../src/ui/table/cell-text.js';

test('cellParts keeps inner spaces and splits trailing whitespace off to be marked', () => {
  assert.deepEqual(cellParts('wmic  shadowcopy delete '), {
    body: 'wmic  shadowcopy delete',
    trailing: ' ',
  });
  assert.deepEqual(cellParts('a'), { body: 'a', trailing: '' });
  assert.deepEqual(cellParts('   '), { body: '', trailing: '   ' });
});

test('cellParts shows line breaks as ⏎ and cuts long values', () => {
  assert.deepEqual(cellParts('one\r\ntwo\nthree\n'), { body: 'one⏎two⏎three⏎', trailing: '' });
  assert.deepEqual(cellParts('abcdef', 3), { body: 'abc…', trailing: '' });
});

test('cellParts shows controls and direction overrides as escapes, so evil\\u202etxt.exe is not drawn reversed', () => {
  assert.deepEqual(cellParts('evil\u202etxt.exe\x1b[2J\x9b\x7f\u2066x\tz'), {
    body: 'evil\\u202etxt.exe\\x1b[2J\\x9b\\x7f\\u2066x\tz',
    trailing: '',
  });
});
