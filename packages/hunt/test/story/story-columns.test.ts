import assert from 'node:assert/strict';
import { test } from 'node:test';

import type { Activity, FileActivity, NetworkConnect } from '../../src/events/activity.js';
import { StoryCompactor } from '../../src/story/compact.js';
import { ProcessTable } from '../../src/story/process-table.js';
import { StoryCollector, STORY_FILE_LIMIT, type ProcessActivities } from '../../src/story/story.js';
import { StoryColumns } from '../../src/story/story-columns.js';
import { TUPLE_TABLE_LIMIT, TupleTable, tupleKey } from '../../src/story/tuple-table.js';
import { connect, dnsQuery, fileCreate, guid, sysmonEnd, sysmonStart } from './builders.js';

const RUNDLL32 = 'C:\\Windows\\System32\\rundll32.exe';

function activities(): Activity[] {
  const odd: NetworkConnect = {
    ...connect(guid(1), '198.51.100.9', '10:00:03.000'),
    source: { recordId: 'x-17', eventId: 3, provider: 'Microsoft-Windows-Sysmon' },
    time: { iso: '2024-05-01T10:00:03.000Z', ms: Date.UTC(2024, 4, 1, 10, 0, 3) },
  };
  const noPort: Record<string, unknown> = { ...connect(guid(2), '203.0.113.7', '10:00:04.000') };
  delete noPort['sourcePort'];
  return [
    sysmonStart({ guid: guid(1), pid: 4242, image: RUNDLL32, at: '10:00:00.000' }),
    dnsQuery(
      guid(1),
      'evil.example',
      'type:  5 cdn.evil.example;::ffff:203.0.113.7;',
      '10:00:01.000',
    ),
    dnsQuery(
      guid(1),
      'evil.example',
      'type:  5 cdn.evil.example;::ffff:203.0.113.7;',
      '10:00:01.500',
    ),
    connect(guid(1), '203.0.113.7', '10:00:01.200'),
    fileCreate(guid(2), 'C:\\Users\\Public\\b.dll', '10:00:02.000'),
    connect(guid(1), '203.0.113.7', '10:00:01.900'),
    odd,
    noPort as unknown as NetworkConnect,
    fileCreate(guid(1), 'C:\\Users\\Public\\a.dll', '10:00:02.500'),
    fileCreate('{00000000-0000-0000-0000-000000000000}', 'C:\\x.dll', '10:00:02.600'),
  ];
}

function collectorOf(list: readonly Activity[]): StoryCollector {
  const compactor = new StoryCompactor();
  const collector = new StoryCollector(new ProcessTable(), {
    compact: (activity) => compactor.compact(activity),
  });
  for (const activity of list) collector.add(activity);
  return collector;
}

/** The lists a collector's activitiesOf gives, without the rest of its bin. */
function lists(kept: ProcessActivities | undefined): ProcessActivities | undefined {
  if (kept === undefined) return undefined;
  const { dns, connections, files, dropped } = kept;
  const sizes = { connections: connections.length, files: files.length };
  return { dns, connections, files, dropped, sizes };
}

function columnsOf(list: readonly Activity[]): StoryColumns {
  const columns = new StoryColumns(new ProcessTable(), () => true);
  for (const activity of list) columns.add(activity);
  return columns;
}

test('StoryColumns.activitiesOf gives what a compacting StoryCollector keeps, odd rows included', () => {
  const list = activities();
  const collector = collectorOf(list);
  const columns = columnsOf(list);

  assert.deepEqual([...columns.keys()], [...collector.keys()]);
  assert.equal([...columns.keys()].length, 2);
  for (const key of collector.keys()) {
    const kept = columns.activitiesOf(key);
    const expected = lists(collector.activitiesOf(key));
    assert.deepEqual(lists(kept), expected, key);
    // The columns say how long the lists are without building them.
    assert.deepEqual({ ...kept?.sizes }, expected?.sizes, key);
  }
});

test('StoryColumns keeps only what `keep` accepts and counts what passes the limits', () => {
  const files = Array.from({ length: STORY_FILE_LIMIT + 3 }, (_, i) =>
    fileCreate(guid(1), `C:\\Users\\Public\\${i}.txt`, '10:00:02.000'),
  );
  const columns = new StoryColumns(
    new ProcessTable(),
    (activity) => activity.kind === 'file-create',
  );
  for (const activity of [connect(guid(1), '203.0.113.7', '10:00:01.000'), ...files]) {
    columns.add(activity);
  }

  const [key] = [...columns.keys()];
  const kept = key === undefined ? undefined : columns.activitiesOf(key);
  assert.equal(kept?.connections.length, 0);
  assert.equal(kept?.files.length, STORY_FILE_LIMIT);
  assert.equal((kept?.files.at(-1) as FileActivity).targetFilename, `C:\\Users\\Public\\1999.txt`);
  assert.deepEqual(kept?.dropped, { dns: 0, connections: 0, files: 3 });
});

test('TupleTable shares a value by key and keeps new values past its limit unshared', () => {
  const table = new TupleTable<string>();
  assert.equal(
    table.indexOf('a', () => 'A'),
    0,
  );
  assert.equal(
    table.indexOf('a', () => 'other'),
    0,
  );
  for (let i = 1; i < TUPLE_TABLE_LIMIT; i++) table.indexOf(`k${i}`, () => `v${i}`);

  const past = table.indexOf('late', () => 'L');
  assert.equal(
    table.indexOf('late', () => 'L2'),
    past + 1,
    'past the limit, not looked up',
  );
  assert.equal(table.at(past), 'L');
  assert.equal(table.at(past + 1), 'L2');
  assert.equal(table.size, TUPLE_TABLE_LIMIT + 2);
});

test('tupleKey tells lists apart whatever their parts hold', () => {
  assert.notEqual(tupleKey(['a', 'b']), tupleKey(['ab']));
  assert.notEqual(tupleKey(['1:a']), tupleKey(['a', undefined]));
  assert.notEqual(tupleKey([undefined, 'x']), tupleKey(['-x']));
  assert.equal(tupleKey(['tcp', true, 443, undefined]), '3:tcp4:true3:443-');
});

test('StoryColumns sends starts to its table and keeps no process ends', () => {
  const table = new ProcessTable();
  const columns = new StoryColumns(table, () => true);
  columns.add(sysmonStart({ guid: guid(1), pid: 4242, image: RUNDLL32, at: '10:00:00.000' }));
  columns.add(sysmonEnd(guid(1), 4242, '10:05:00.000'));
  columns.add(sysmonEnd(guid(9), 99, '10:05:00.000'));

  assert.equal(table.size, 1);
  assert.equal(table.findByGuid('WS01', guid(1))?.end, undefined);
  assert.deepEqual([...columns.keys()], []);
});
