import { test } from 'node:test';
import assert from 'node:assert/strict';

import { RARE_QUERY_VALUES, rareQuery, rareValues } from '../../src/hunts/rare.js';
import { parseQuery } from '../../src/query/parse.js';

const BY_NAME = { field: 'QueryName', atMost: 2 };

test('rareValues keeps values held by at most atMost events and counts their events', () => {
  const counts: [string, number][] = [
    ['a.example', 1],
    ['b.example', 5],
    ['c.example', 2],
    ['d.example', 0],
  ];
  assert.deepEqual(rareValues(counts, BY_NAME), { values: ['a.example', 'c.example'], events: 3 });
  assert.deepEqual(rareValues(counts, { field: 'QueryName', atMost: 1 }), {
    values: ['a.example'],
    events: 1,
  });
});

test('rareQuery adds the rare values to the base query as quoted terms', () => {
  const { query, omitted } = rareQuery('eventId:22', BY_NAME, ['b x*', 'a.example']);
  assert.equal(query, '(eventId:22) (QueryName:a.example OR QueryName:"b x*")');
  assert.equal(omitted, 0);
  assert.ok(parseQuery(query).ok);
  assert.deepEqual(rareQuery('eventId:22', BY_NAME, []), { query: 'eventId:22', omitted: 0 });
});

test('rareQuery keeps RARE_QUERY_VALUES values and says how many it left out', () => {
  const values = Array.from({ length: RARE_QUERY_VALUES + 7 }, (_, i) => `n${i}.example`);
  const { query, omitted } = rareQuery('eventId:22', BY_NAME, values);
  assert.equal(omitted, 7);
  assert.equal(query.split(' OR ').length, RARE_QUERY_VALUES);
  assert.ok(parseQuery(query).ok);
});
