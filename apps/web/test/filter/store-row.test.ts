import { test } from 'node:test';
import assert from 'node:assert/strict';

import { compileQuery, parseQuery } from '@evtxhunt/hunt';

import { StoreRow } from '../../src/filter/store-row.js';
import type { EventStore } from '../../src/store/event-store.js';
import { filteredIndex } from '../../src/store/filter.js';
import { ISSUE43 } from '../support/paths.js';
import { row } from '../support/rows.js';
import { EventStore as Store } from '../../src/store/event-store.js';
import { sampleStore } from './sample-store.js';

/** How many rows of `store` the query keeps. */
function matches(store: EventStore, query: string, regexMode = false): number {
  const parsed = parseQuery(query, { regexMode, fields: store.dataFieldNames() });
  if (!parsed.ok) throw new Error(`${query}: ${parsed.error.message}`);
  const predicate = compileQuery(parsed.ast);
  const cursor = new StoreRow(store);
  return filteredIndex(store, (index) => {
    cursor.row = index;
    return predicate(cursor);
  }).length;
}

test('StoreRow answers queries on the bundled sample as the CLI does (dump --query)', async () => {
  const store = await sampleStore(ISSUE43);

  // Counts checked against `evtxhunt dump --query`, which reads EventRecord objects instead.
  const expected: [string, number][] = [
    ['eventId:3', 153],
    ['eventId:3 OR eventId:1', 509],
    ['-eventId:2', 879],
    ['DestinationPort:>1000', 33],
    ['DestinationPort:<=443', 118],
    ['eventId:[2 TO 5]', 1358],
    ['Image:*\\svchost.exe', 153],
    ['image:*svchost*', 153],
    ['svchost', 304],
    ['rundll32', 5],
    ['eventId:3 Initiated:true', 137],
  ];
  for (const [query, count] of expected) assert.equal(matches(store, query), count, query);
  assert.equal(matches(store, 'svchost', true), 304, 'regex mode');
  assert.equal(matches(store, 'file:sysmon-issue43.evtx'), 1730);
});

test('StoreRow reads level as its number and its name, and a missing field as absent', () => {
  const store = new Store();
  store.append(store.addFile('a.evtx'), [
    row({ Image: 'a.exe' }, { level: 0 }),
    row({ Image: 'b.exe' }, { level: 4 }),
    row({ Image: 'c.exe' }, { level: 2 }),
    row({ Other: 'x' }, { level: undefined }),
  ]);

  assert.equal(matches(store, 'level:Information'), 2, 'Level 0 is Information too');
  assert.equal(matches(store, 'level:0'), 1);
  assert.equal(matches(store, 'level:>=2'), 2);
  assert.equal(matches(store, 'level:Error'), 1);
  assert.equal(matches(store, 'Error'), 1, 'a bare word finds the level name');
  assert.equal(matches(store, 'Image:*'), 3);
  assert.equal(matches(store, 'NoSuchField:*'), 0);
  assert.equal(matches(store, '-NoSuchField:x'), 4);
});

test('StoreRow finds a field that arrives after it was first asked for', () => {
  const store = new Store();
  const file = store.addFile('a.evtx');
  store.append(file, [row({ Image: 'a.exe' })]);
  const cursor = new StoreRow(store);
  assert.equal(cursor.field('Late'), undefined);

  store.append(file, [row({ Late: 'here' })]);
  cursor.row = 1;
  assert.equal(cursor.field('Late'), 'here');
  assert.equal(cursor.field('late'), 'here', 'ignoring case');
});
