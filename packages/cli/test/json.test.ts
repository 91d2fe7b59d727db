import { test } from 'node:test';
import assert from 'node:assert/strict';

import { jsonText } from '../src/json.js';

test('jsonText escapes C0 and the C1, bidi and separator characters JSON.stringify leaves', () => {
  const text = jsonText({ value: '\x1b[2J\x9b\u202e\u2028' });

  assert.equal(text, '{"value":"\\u001b[2J\\u009b\\u202e\\u2028"}');
  assert.deepEqual(JSON.parse(text), { value: '\x1b[2J\x9b\u202e\u2028' });
});

test('jsonText writes bigints as exact decimal strings', () => {
  assert.equal(jsonText({ id: 18446744073709551615n }), '{"id":"18446744073709551615"}');
});

test('jsonText indents when asked', () => {
  assert.equal(jsonText({ a: 1 }, 2), '{\n  "a": 1\n}');
});
