import { test } from 'node:test';
import assert from 'node:assert/strict';

import { escapeText } from '../src/escape.js';

test('escapeText shows escape sequences and C0 controls as escapes', () => {
  assert.equal(escapeText('\x1b[31mred\x1b[0m'), '\\x1b[31mred\\x1b[0m');
  assert.equal(escapeText('a\tb\nc\rd\x00e\x07'), 'a\\tb\\nc\\rd\\x00e\\x07');
  assert.equal(escapeText('\x1b]0;title\x07'), '\\x1b]0;title\\x07');
});

test('escapeText escapes DEL, C1 controls, bidi overrides and lone surrogates', () => {
  assert.equal(escapeText('\x7f\x9b'), '\\x7f\\x9b');
  assert.equal(escapeText('evil\u202egnp.exe'), 'evil\\u202egnp.exe');
  assert.equal(escapeText('\u2028\u2066'), '\\u2028\\u2066');
  assert.equal(escapeText('a\ud800b'), 'a\\ud800b');
  assert.equal(escapeText('\udc00'), '\\udc00');
});

test('escapeText leaves paths, non-ASCII letters and surrogate pairs alone', () => {
  const text = 'C:\\Users\\José\\下载\\😀.exe';

  assert.equal(escapeText(text), text);
});
