import assert from 'node:assert/strict';
import test from 'node:test';

import { isObject, JsonSyntaxError, MAX_JSON_DEPTH, parseJson } from '../../src/json/json-parse.js';

test('parseJson keeps a 64-bit number exactly, as its text', () => {
  const value = parseJson('{"Keywords": 9223372036854775808, "n": -1.5e3}');
  assert.ok(isObject(value));
  assert.equal(value['Keywords'], '9223372036854775808');
  assert.equal(value['n'], '-1.5e3');
});

test('parseJson reads escapes, literals and nesting', () => {
  const value = parseJson('{"a":"C:\\\\x \\u00e9\\n","b":[true,false,null],"c":{}}');
  assert.deepEqual(JSON.parse(JSON.stringify(value)), {
    a: 'C:\\x é\n',
    b: [true, false, null],
    c: {},
  });
});

test('parseJson makes __proto__ a plain key, never the prototype', () => {
  const value = parseJson('{"__proto__": {"polluted": "yes"}}');
  assert.ok(isObject(value));
  assert.equal(Object.getPrototypeOf(value), null);
  assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
  assert.ok(isObject(value['__proto__']));
});

test('parseJson refuses nesting deeper than the limit', () => {
  const deep = '['.repeat(MAX_JSON_DEPTH + 2) + ']'.repeat(MAX_JSON_DEPTH + 2);
  assert.throws(() => parseJson(deep), /nesting too deep/);
});

test('parseJson names the character where the text breaks', () => {
  assert.throws(
    () => parseJson('{"a": 1,}'),
    (error: unknown) => error instanceof JsonSyntaxError && error.index === 8,
  );
  assert.throws(() => parseJson('{"a": "open'), /unterminated string at character 6/);
  assert.throws(() => parseJson('{} x'), /unexpected text after the value/);
});
