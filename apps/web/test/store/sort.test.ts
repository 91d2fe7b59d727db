import { test } from 'node:test';
import assert from 'node:assert/strict';

import { EventStore } from '../../src/store/event-store.js';
import { sortedIndex } from '../../src/store/sort.js';
import { ISSUE43 } from '../support/paths.js';
import { parseFile } from '../support/parse.js';
import { row } from '../support/rows.js';

async function issue43(): Promise<EventStore> {
  const { rows } = await parseFile(ISSUE43);
  const store = new EventStore();
  store.append(store.addFile('issue43.evtx'), rows);
  return store;
}

function column(store: EventStore, index: Uint32Array, key: string): (string | undefined)[] {
  return Array.from(index, (r) => store.cell(r, key));
}

test('sortedIndex sorts a numeric data field as numbers, rows without it last', async () => {
  const store = await issue43();

  const up = column(
    store,
    sortedIndex(store, { key: 'DestinationPort', direction: 'asc' }),
    'DestinationPort',
  );
  const down = column(
    store,
    sortedIndex(store, { key: 'DestinationPort', direction: 'desc' }),
    'DestinationPort',
  );

  assert.equal(up[0], '53');
  assert.equal(up[152], '57397');
  assert.equal(up[153], undefined, '1577 rows without a port come after the 153 with one');
  assert.equal(down[0], '57397');
  assert.equal(down[152], '53');
  assert.equal(down[1729], undefined);
});

test('sortedIndex orders time by milliseconds then ticks, as the ISO text sorts', async () => {
  const store = await issue43();

  const sorted = column(
    store,
    sortedIndex(store, { key: 'timeCreated', direction: 'asc' }),
    'timeCreated',
  );
  const expected = column(
    store,
    sortedIndex(store, { key: 'recordId', direction: 'asc' }),
    'timeCreated',
  );

  assert.deepEqual(sorted, [...expected].sort());
  assert.equal(sorted[0], '2017-09-03T12:53:24.6694851Z');
  assert.equal(sorted[1729], '2017-10-23T07:39:49.5301025Z');
});

test('sortedIndex is stable, sorts text case-insensitively and levels by severity', () => {
  const store = new EventStore();
  store.append(store.addFile('a.evtx'), [
    row({ Image: 'b.exe' }, { level: 0 }),
    row({ Image: 'A.exe' }, { level: 2 }),
    row({ Image: 'b.exe' }, { level: 4 }),
    row({ Image: 'c.exe' }, { level: 5 }),
  ]);

  assert.deepEqual([...sortedIndex(store, { key: 'Image', direction: 'asc' })], [1, 0, 2, 3]);
  assert.deepEqual([...sortedIndex(store, { key: 'Image', direction: 'desc' })], [3, 0, 2, 1]);
  assert.deepEqual([...sortedIndex(store, { key: 'level', direction: 'asc' })], [1, 0, 2, 3]);
  assert.deepEqual([...sortedIndex(store, { key: 'nothing', direction: 'asc' })], [0, 1, 2, 3]);
});

test('sortedIndex sorts only the rows given', () => {
  const store = new EventStore();
  store.append(store.addFile('a.evtx'), [
    row({}, { eventId: 5 }),
    row({}, { eventId: 1 }),
    row({}, { eventId: 3 }),
  ]);

  const sorted = sortedIndex(store, { key: 'eventId', direction: 'asc' }, Uint32Array.of(0, 2));

  assert.deepEqual([...sorted], [2, 0]);
});
