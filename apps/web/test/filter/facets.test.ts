import { test } from 'node:test';
import assert from 'node:assert/strict';

import { FacetCounter, topCodes } from '../../src/filter/facets.js';
import { EventStore } from '../../src/store/event-store.js';
import { ISSUE43 } from '../support/paths.js';
import { row } from '../support/rows.js';
import { sampleStore } from './sample-store.js';

function countAll(store: EventStore, key: string): FacetCounter {
  const codes = store.valueCodes(key);
  if (codes === undefined) throw new Error(`no codes for ${key}`);
  const counter = new FacetCounter(key, codes);
  for (let index = 0; index < store.rowCount; index++) counter.add(index);
  return counter;
}

test('FacetCounter counts Event IDs of the bundled sample', async () => {
  const store = await sampleStore(ISSUE43);
  const summary = countAll(store, 'eventId').summary('Event ID', 50);

  assert.deepEqual(
    summary.values.map((value) => [value.text, value.count]),
    [
      ['2', 851],
      ['1', 356],
      ['5', 351],
      ['3', 153],
      ['6', 13],
      ['4', 3],
      ['16', 3],
    ],
  );
  assert.equal(summary.distinct, 7);
  assert.equal(summary.rows, 1730);
  assert.deepEqual(
    countAll(store, 'Protocol')
      .summary('Protocol', 5)
      .values.map((value) => [value.text, value.count]),
    [
      ['tcp', 132],
      ['udp', 21],
    ],
    'as `evtxhunt dump --query Protocol:tcp` counts',
  );
});

test('FacetCounter counts Level 0 as Information, with 4', () => {
  const store = new EventStore();
  store.append(store.addFile('a.evtx'), [
    row({}, { level: 0 }),
    row({}, { level: 4 }),
    row({}, { level: 2 }),
    row({}, { level: undefined }),
  ]);
  const summary = countAll(store, 'level').summary('Level', 10);

  assert.deepEqual(
    summary.values.map((value) => [value.text, value.count]),
    [
      ['Information', 2],
      ['Error', 1],
    ],
  );
  assert.equal(summary.rows, 3, 'the row without a level is not counted');
});

test('topCodes keeps the most frequent codes, ties in code order, and counts the rest', () => {
  const counts = Uint32Array.from([0, 5, 1, 9, 0, 5, 7, 1]);

  assert.deepEqual(topCodes(counts, 3), { codes: [3, 6, 1], distinct: 6 });
  assert.deepEqual(topCodes(counts, 10), { codes: [3, 6, 1, 5, 2, 7], distinct: 6 });
  assert.deepEqual(topCodes(new Uint32Array(4), 3), { codes: [], distinct: 0 });
});
