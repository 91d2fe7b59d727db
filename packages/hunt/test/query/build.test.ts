import { test } from 'node:test';
import assert from 'node:assert/strict';

import { allOf, anyOf, fieldEquals, negated, timeWindow } from '../../src/query/build.js';
import { formatQuery } from '../../src/query/format.js';
import { queryFilter } from '../../src/query/record-row.js';
import { connection } from '../synthetic.js';
import { parsed, withoutRanges } from './support.js';

test('fieldEquals and negated build include and exclude terms that format and parse back', () => {
  const current = parsed('eventId:3');
  const value = 'C:\\Program Files\\x "y".exe';
  const include = allOf(current, fieldEquals('Image', value));
  const exclude = allOf(current, negated(fieldEquals('Image', value)));

  assert.equal(formatQuery(include), 'eventId:3 Image:"C:\\Program Files\\x \\"y\\".exe"');
  assert.equal(formatQuery(exclude), 'eventId:3 -Image:"C:\\Program Files\\x \\"y\\".exe"');
  assert.deepEqual(withoutRanges(parsed(formatQuery(include))), withoutRanges(include));

  const record = connection({ Image: value });
  assert.equal(queryFilter(include)(record), true);
  assert.equal(queryFilter(exclude)(record), false);
});

test('fieldEquals keeps values that look like syntax as literal text', () => {
  for (const value of ['*', '2024-05-01', '1..2', '>5', '/x/', 'OR', '', 'a\\']) {
    const text = formatQuery(fieldEquals('Data', value));
    assert.deepEqual(withoutRanges(parsed(text)), fieldEquals('Data', value), text);
  }
});

test('allOf and anyOf drop or absorb the empty query and lift nested lists', () => {
  const a = fieldEquals('a', '1');
  const b = fieldEquals('b', '2');
  const c = fieldEquals('c', '3');

  assert.deepEqual(allOf(), { kind: 'all' });
  assert.deepEqual(allOf({ kind: 'all' }, a), a);
  assert.deepEqual(allOf(allOf(a, b), c), { kind: 'and', children: [a, b, c] });
  assert.deepEqual(anyOf(a, anyOf(b, c)), { kind: 'or', children: [a, b, c] });
  assert.deepEqual(anyOf(a, { kind: 'all' }), { kind: 'all' });
  assert.equal(formatQuery(allOf(anyOf(a, b), c)), '(a:1 OR b:2) c:3');
});

test('timeWindow keeps times from the start up to, not including, the end', () => {
  const from = Date.UTC(2024, 4, 1, 9, 55);
  const window = timeWindow('timeCreated', from, from + 10 * 60_000);
  assert.equal(
    formatQuery(window),
    'timeCreated:[2024-05-01T09:55:00.000Z TO 2024-05-01T10:05:00.000Z}',
  );

  const filter = queryFilter(window);
  assert.equal(filter(connection({}, '2024-05-01T09:55:00.0000000Z')), true);
  assert.equal(filter(connection({}, '2024-05-01T10:04:59.9999999Z')), true);
  assert.equal(filter(connection({}, '2024-05-01T10:05:00.0000000Z')), false);
  assert.equal(filter(connection({}, '2024-05-01T09:54:59.9999999Z')), false);
  assert.throws(() => timeWindow('timeCreated', NaN, 0), RangeError);
});
