import { test } from 'node:test';
import assert from 'node:assert/strict';

import { codeSpan, proseLine, quotedNote } from '../../src/session/markdown-text.js';

test('codeSpan fences a value with one backtick more than its longest run', () => {
  assert.equal(codeSpan('C:\\Windows\\cmd.exe'), '`C:\\Windows\\cmd.exe`');
  assert.equal(codeSpan('a`b``c'), '```a`b``c```');
  assert.equal(codeSpan('`start'), '`` `start ``');
  assert.equal(codeSpan('end`'), '`` end` ``');
});

test('codeSpan keeps the spaces round a value that has them on both sides', () => {
  assert.equal(codeSpan(' padded '), '`  padded  `');
  assert.equal(codeSpan('trailing '), '`trailing `');
});

test('codeSpan shows line breaks, controls and bidi overrides as escapes', () => {
  assert.equal(codeSpan('a\r\nb\n\n# c'), '`a\\u{d}\\u{a}b\\u{a}\\u{a}# c`');
  assert.equal(codeSpan('evil\u202etxt.exe'), '`evil\\u{202e}txt.exe`');
  assert.equal(codeSpan('\u001b[31m'), '`\\u{1b}[31m`');
});

test('codeSpan writes an empty value as (empty)', () => {
  assert.equal(codeSpan(''), '(empty)');
});

test('proseLine escapes markup, HTML and autolinks', () => {
  assert.equal(proseLine('<img src=x onerror=alert(1)>'), '\\<img src=x onerror=alert(1)\\>');
  assert.equal(proseLine('see www.evil.example or WWW.x.y'), 'see www\\.evil.example or WWW\\.x.y');
  assert.equal(
    proseLine('[x](http://a.b) *b* a@b.c javascript:x()'),
    '\\[x\\](http\\://a.b) \\*b\\* a\\@b.c javascript\\:x()',
  );
  assert.equal(proseLine('&amp; _u_ ~s~ |t| `c`'), '\\&amp; \\_u\\_ \\~s\\~ \\|t\\| \\`c\\`');
});

test('proseLine leaves Windows paths and plain punctuation as they are', () => {
  assert.equal(
    proseLine('C:\\Windows\\System32\\rundll32.exe ran (twice), 50% of the time; why?'),
    'C:\\Windows\\System32\\rundll32.exe ran (twice), 50% of the time; why?',
  );
  // A backslash before a mark or at the end would escape it or break the line.
  assert.equal(proseLine('a\\*b\\'), 'a\\\\\\*b\\\\');
});

test('proseLine escapes what would start a block at the start of a line', () => {
  assert.equal(proseLine('# heading'), '\\# heading');
  assert.equal(proseLine('- item'), '\\- item');
  assert.equal(proseLine('+ item'), '\\+ item');
  assert.equal(proseLine('==='), '\\===');
  assert.equal(proseLine('12. item'), '12\\. item');
  assert.equal(proseLine('3) item'), '3\\) item');
  assert.equal(proseLine('> quote'), '\\> quote');
  assert.equal(proseLine('a - b # c'), 'a - b # c');
});

test('quotedNote quotes each line of a note, so none starts a block of its own', () => {
  const note = 'first\r\n# heading\n\n    code\r- item\n```';
  assert.equal(quotedNote(note), '> first\n> \\# heading\n>\n> code\n> \\- item\n> \\`\\`\\`');
});
