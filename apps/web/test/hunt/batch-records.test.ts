import { test } from 'node:test';
import assert from 'node:assert/strict';

import { batchRecords, type HuntBatch } from '../../src/hunt/batch-records.js';
import { EventStore } from '../../src/store/event-store.js';
import { ISSUE43 } from '../support/paths.js';
import { row } from '../support/rows.js';
import { allRows, storeOfFiles } from '../support/store.js';

function batchOf(store: EventStore, start: number, end: number): HuntBatch {
  const { columns, files } = store.rowColumns(start, end);
  return { rows: structuredClone(columns), files, fileNames: store.fileNames() };
}

test('batchRecords gives the records store.record gives, data read only by name', async () => {
  const store = await storeOfFiles(ISSUE43);
  const names = ['Image', 'DestinationIp', 'NoSuchField'];

  const records = [...batchRecords(batchOf(store, 1000, 1730))];

  assert.equal(records.length, 730);
  records.forEach((record, i) => {
    const { data, ...facts } = store.record(1000 + i);
    assert.deepEqual({ ...record.withFields([]), data: {} }, { ...facts, data: {} });
    const picked = Object.fromEntries(names.flatMap((n) => (n in data ? [[n, data[n]]] : [])));
    assert.deepEqual({ ...record.withFields(names).data }, picked);
    assert.deepEqual(record.dataValues(), Object.values(data).flat());
  });
  const network = records.findIndex((record) => record.eventId === 3);
  const ip = records[network]?.withFields(['DestinationIp']).data['DestinationIp'];
  assert.ok(network >= 0 && typeof ip === 'string' && ip !== '');
  assert.equal(ip, store.cell(1000 + network, 'DestinationIp'));
});

test('batchRecords keeps odd times, 64-bit ids, recovered rows and files; __proto__ stays a field', () => {
  const store = new EventStore();
  store.append(store.addFile('a.evtx'), [
    row(JSON.parse('{"__proto__":"x","Image":"a.exe"}') as Record<string, string>, {
      recordId: '18446744073709551615',
      time: undefined,
    }),
  ]);
  store.append(store.addFile('b.evtx'), [
    row({ Image: ['b.exe', 'c.exe'] }, { recordId: '2', recovered: true }),
  ]);

  const [first, second] = [...batchRecords(batchOf(store, 0, 2))];

  assert.equal(first?.file, 'a.evtx');
  assert.equal(first?.recordId, '18446744073709551615');
  assert.equal(first?.timeCreated, undefined);
  assert.equal(first?.recovered, undefined);
  const data = first?.withFields(['__proto__', 'Image']).data ?? {};
  assert.equal(Object.getPrototypeOf(data), Object.prototype);
  assert.deepEqual(Object.entries(data), [
    ['__proto__', 'x'],
    ['Image', 'a.exe'],
  ]);
  assert.equal(second?.file, 'b.evtx');
  assert.equal(second?.recovered, true);
  assert.equal(second?.timeCreated, '2024-05-01T10:00:00.1234567Z');
  assert.deepEqual(second?.withFields(['Image']).data['Image'], ['b.exe', 'c.exe']);
  assert.deepEqual(first?.dataValues(), ['x', 'a.exe']);
  assert.deepEqual(second?.dataValues(), ['b.exe', 'c.exe']);
  assert.deepEqual(allRows(store), [0, 1]);
});
