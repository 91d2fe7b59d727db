import { test } from 'node:test';
import assert from 'node:assert/strict';

import { el, join, leaf, text } from '../../src/report/html-build.js';

test('text escapes the five HTML specials', () => {
  assert.equal(
    text(`<a href="x" title='y'>&amp;</a>`),
    '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;',
  );
  assert.equal(text(42), '42');
});

test('text shows controls and bidi overrides as escapes, as the terminal output does', () => {
  assert.equal(text('a\x1b[2Jb\u202ec\u0000'), 'a\\x1b[2Jb\\u202ec\\x00');
});

test('el escapes attribute values so they cannot end the attribute', () => {
  const markup = el('td', { title: '" onmouseover="x', class: undefined }, text('<b>'));

  assert.equal(markup, '<td title="&quot; onmouseover=&quot;x">&lt;b&gt;</td>');
});

test('leaf writes void and self-closed elements; join flattens lists', () => {
  const shapes = [leaf('line', { x1: 0, x2: 1.5 }, true), leaf('meta', { charset: 'utf-8' })];

  assert.equal(join([shapes, text('&')]), '<line x1="0" x2="1.5"/><meta charset="utf-8">&amp;');
});
