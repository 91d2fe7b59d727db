import { test } from 'node:test';
import assert from 'node:assert/strict';

import { parseInteger } from '../../src/events/fields.js';

test('parseInteger reads decimal and 0x hex, trimmed, and only safe integers', () => {
  const cases: readonly [string | undefined, number | undefined][] = [
    ['443', 443],
    ['0', 0],
    ['007', 7],
    [' 4242 ', 4242],
    ['0x1F4', 500],
    ['0X10', 16],
    ['999999999999999', 999_999_999_999_999],
    ['9007199254740991', Number.MAX_SAFE_INTEGER],
    ['9007199254740993', undefined],
    ['', undefined],
    ['-1', undefined],
    ['12a', undefined],
    ['1.5', undefined],
    ['٣', undefined],
    [undefined, undefined],
  ];
  for (const [text, expected] of cases) assert.equal(parseInteger(text), expected, String(text));
});
