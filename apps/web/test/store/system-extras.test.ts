import { test } from 'node:test';
import assert from 'node:assert/strict';

import { compileQuery, parseQuery } from '@evtxhunt/hunt';

import { exportRows } from '../../src/hunt/export.js';
import { PAGE_PACER } from '../../src/hunt/slices.js';
import { StoreRow } from '../../src/filter/store-row.js';
import type { EventStore } from '../../src/store/event-store.js';
import { filteredIndex } from '../../src/store/filter.js';
import { sortedIndex } from '../../src/store/sort.js';
import { SystemExtrasColumn, extrasText } from '../../src/store/system-extras.js';
import { indexView } from '../../src/store/view.js';
import { ISSUE43 } from '../support/paths.js';
import { storeOfFiles } from '../support/store.js';

function kept(store: EventStore, query: string): number {
  const parsed = parseQuery(query, { fields: store.dataFieldNames() });
  if (!parsed.ok) throw new Error(`${query}: ${parsed.error.message}`);
  const predicate = compileQuery(parsed.ast);
  const cursor = new StoreRow(store);
  return filteredIndex(store, (row) => ((cursor.row = row), predicate(cursor))).length;
}

test('extrasText and SystemExtrasColumn keep each combination once, 1 byte a row under 256', () => {
  const column = new SystemExtrasColumn();
  const a = extrasText({ task: 1, processId: 4212, userId: 'S-1-5-18' });
  const b = extrasText({ task: 3, processId: 4212, activityId: 'x\u001fy' });

  for (let i = 0; i < 1000; i++) column.push(i % 4 === 0 ? b : a);
  column.trim();

  assert.equal(column.text(0, 1), '3');
  assert.equal(column.text(1, 1), '1');
  assert.equal(column.text(1, 5), 'S-1-5-18');
  assert.equal(column.text(0, 5), undefined);
  assert.equal(column.text(0, 8), 'x y', 'a separator inside a value is a space');
  assert.equal(column.rowsWith(5), 750);
  assert.equal(column.rowsWith(6), 1000);
  assert.equal(column.byteLength, 1000);
});

test('the store holds the rest of System: cells, columns, sort, query and bare words', async () => {
  const store = await storeOfFiles(ISSUE43);

  assert.equal(store.cell(2, 'System.ProcessID'), '4212');
  assert.equal(store.cell(2, 'System.UserID'), 'S-1-5-18');
  assert.equal(store.cell(2, 'System.ActivityID'), undefined);
  const keys = store.columns().map((column) => column.key);
  assert.ok(keys.includes('System.Task') && keys.includes('System.ProviderGuid'));
  assert.ok(!keys.includes('System.ActivityID'), 'no event of the sample has one');
  const task = store.columns().find((column) => column.key === 'System.Task');
  assert.deepEqual(task && [task.numeric, task.rows], [true, 1730]);

  const byTask = sortedIndex(store, { key: 'System.Task', direction: 'desc' });
  assert.equal(store.cell(byTask[0] ?? -1, 'System.Task'), '16');
  // Counts checked against `evtxhunt dump --query` on the same file.
  assert.equal(kept(store, 'System.Task:16'), 3);
  assert.equal(kept(store, 'System.ProcessID:4212'), 505);
  assert.equal(
    kept(store, 'system.processid:4212 ProcessId:*'),
    kept(store, 'System.ProcessID:4212 ProcessId:*'),
  );
  assert.equal(kept(store, 'Version:*'), 3, "Sysmon's own Version field is not shadowed");
  assert.equal(kept(store, '5770385f-c22a'), 1730, 'a bare word finds the provider GUID');
  assert.equal(
    store.valueCodes('System.Keywords')?.text(store.valueCodes('System.Keywords')?.code(0) ?? 0),
    '0x8000000000000000',
  );
});

test('exports carry the rest of System: JSONL as `evtxhunt dump` names it, CSV as columns', async () => {
  const store = await storeOfFiles(ISSUE43);
  const view = indexView(Uint32Array.of(2));
  const write = (format: 'csv' | 'jsonl', columns: string[]) =>
    exportRows({ store, view, columns, format, timeZone: 'UTC' }, PAGE_PACER);

  const jsonl = JSON.parse((await (await write('jsonl', ['recordId']))?.blob.text()) ?? '{}');
  assert.deepEqual(
    [jsonl.task, jsonl.opcode, jsonl.version, jsonl.processId, jsonl.threadId, jsonl.userId],
    [1, 0, 5, 4212, 5780, 'S-1-5-18'],
  );
  assert.equal(jsonl.keywords, '0x8000000000000000');
  assert.equal(jsonl.providerGuid, '{5770385f-c22a-43e0-bf4c-06f5698ffbd9}');
  const csv =
    (await (await write('csv', ['recordId', 'System.Task', 'System.UserID']))?.blob.text()) ?? '';
  assert.deepEqual(csv.split('\r\n').slice(1, 3), [
    'recordId,System.Task,System.UserID',
    '3,1,S-1-5-18',
  ]);
});
