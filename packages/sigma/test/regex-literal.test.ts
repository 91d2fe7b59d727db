import assert from 'node:assert/strict';
import { test } from 'node:test';

import { requiredText } from '../src/regex-literal.js';

test('requiredText: the longest plain run at the top level, nothing repeated or optional', () => {
  assert.equal(requiredText('\\w+`(?:\\w+|-|.)`[\\w+|\\s]', ''), '`');
  assert.equal(requiredText('://[0-9]{1,3}\\.[0-9]{1,3}', ''), '://');
  assert.equal(requiredText('\\s-O\\s', 's'), '-O');
  assert.equal(requiredText('^cmd\\.exe /c', 'm'), 'cmd.exe /c');
  assert.equal(requiredText('abc?d', ''), 'ab');
  assert.equal(requiredText('x(?!abcdef)yz', ''), 'yz');
  assert.equal(requiredText('ab{2}cde*f', ''), 'cd');
  assert.equal(requiredText('a+?bcd', ''), 'bcd');
  assert.equal(requiredText('(?s)line.*end', ''), 'line');
});

test('requiredText: none when a match need not hold a known text', () => {
  assert.equal(requiredText('abc|def', ''), undefined);
  assert.equal(requiredText('abc', 'i'), undefined);
  assert.equal(requiredText('(?i)abc', ''), undefined);
  assert.equal(requiredText('(?si)abc', ''), undefined);
  assert.equal(requiredText('\\x41bc', ''), undefined);
  assert.equal(requiredText('\\u0041bc', ''), undefined);
  assert.equal(requiredText('(a)\\1', ''), undefined);
  assert.equal(requiredText('a{,5}', ''), undefined);
  assert.equal(requiredText('.{1000,}', ''), undefined);
  assert.equal(requiredText('[unclosed', ''), undefined);
  assert.equal(requiredText('(unclosed', ''), undefined);
});

test('requiredText: every match of the public rules kind of expression holds the text', () => {
  const cases: [string, string[]][] = [
    ['\\w+`(?:\\w+|-|.)`[\\w+|\\s]', ['i`e`x', 'a`-`b', 'Inv`O`k']],
    ['https?://0[0-9]{1,11}', ['http://0123', 'https://07']],
    ['[a-z]:\\\\users\\\\[^\\\\]+\\\\x', ['c:\\users\\bob\\x']],
  ];
  for (const [source, values] of cases) {
    const regex = new RegExp(source);
    const text = requiredText(source, '');
    assert.notEqual(text, undefined, source);
    for (const value of values) {
      assert.equal(regex.test(value), true, `${source} ${value}`);
      assert.equal(value.includes(text!), true, `${source} ${value}`);
    }
  }
});

test('requiredText: on seeded random values, whatever an expression matches holds its text', () => {
  const sources = [
    'a`b',
    'ab?c',
    '^a.b$',
    'x(?:a|b)+yz',
    '[ab]c-a',
    '\\.a\\*b',
    'a{2}b`',
    'b\\s?ab',
  ];
  let state = 2463534242;
  const next = (below: number) => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % below;
  };
  for (const source of sources) {
    const regex = new RegExp(source);
    const text = requiredText(source, '');
    assert.notEqual(text, undefined, source);
    let matched = 0;
    for (let round = 0; round < 50000; round++) {
      let value = '';
      for (let length = next(10); length > 0; length--) value += 'abcxyz`-.* '[next(11)];
      if (!regex.test(value)) continue;
      matched++;
      assert.equal(value.includes(text!), true, `${source} ${value}`);
    }
    assert.ok(matched > 0, source);
  }
});
