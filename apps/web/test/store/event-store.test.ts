import { test } from 'node:test';
import assert from 'node:assert/strict';

import { EvtxFile, bytesSource } from '@evtxhunt/evtx';
import { pivot, type EventRecord } from '@evtxhunt/hunt';
import { readFile } from 'node:fs/promises';

import { EventStore } from '../../src/store/event-store.js';
import { filteredIndex } from '../../src/store/filter.js';
import { ISSUE43 } from '../support/paths.js';
import { parseFile } from '../support/parse.js';
import { row } from '../support/rows.js';

function storeOf(...rows: Parameters<typeof row>[]): EventStore {
  const store = new EventStore();
  const file = store.addFile('a.evtx');
  store.append(
    file,
    rows.map((args) => row(...args)),
  );
  return store;
}

test('EventStore.cell reads System columns and data fields; absent fields are undefined', () => {
  const store = storeOf(
    [
      { Image: 'C:\\x\\cmd.exe', DestinationPort: '443' },
      { level: 0, recordId: '7' },
    ],
    [{ QueryName: 'example.org' }, { eventId: 22, level: undefined }],
  );

  assert.equal(store.rowCount, 2);
  assert.equal(store.cell(0, 'timeCreated'), '2024-05-01T10:00:00.1234567Z');
  assert.equal(store.cell(0, 'file'), 'a.evtx');
  assert.equal(store.cell(0, 'level'), 'Information', 'level 0 shows as Information');
  assert.equal(store.cell(0, 'recordId'), '7');
  assert.equal(store.cell(0, 'Image'), 'C:\\x\\cmd.exe');
  assert.equal(store.cell(0, 'QueryName'), undefined);
  assert.equal(store.cell(1, 'eventId'), '22');
  assert.equal(store.cell(1, 'level'), undefined);
  assert.equal(store.cell(1, 'QueryName'), 'example.org');
  assert.equal(store.cell(2, 'eventId'), undefined, 'past the last row');
});

test('EventStore.columns lists System columns, then every data field by name with counts', () => {
  const store = storeOf(
    [{ Image: 'a', DestinationPort: '443' }],
    [{ Image: 'b', DestinationPort: '80' }],
    [{ QueryName: 'x' }],
  );

  const columns = store.columns();

  assert.deepEqual(
    columns.map((column) => column.key),
    [
      'timeCreated',
      'file',
      'recordId',
      'eventId',
      'level',
      'provider',
      'channel',
      'computer',
      'DestinationPort',
      'Image',
      'QueryName',
    ],
  );
  const byKey = new Map(columns.map((column) => [column.key, column]));
  assert.equal(byKey.get('Image')?.rows, 2);
  assert.equal(byKey.get('DestinationPort')?.numeric, true);
  assert.equal(byKey.get('Image')?.numeric, false);
  assert.equal(byKey.get('timeCreated')?.label, 'Time (UTC)');
});

test('EventStore keeps record ids past 2^53 exact', () => {
  const store = storeOf([{}, { recordId: '18446744073709551615' }], [{}, { recordId: '42' }]);

  assert.equal(store.cell(0, 'recordId'), '18446744073709551615');
  assert.equal(store.record(0).recordId, '18446744073709551615');
  assert.equal(store.cell(1, 'recordId'), '42');
});

test('EventStore.location gives back chunk and offset; an offset outside its chunk is refused', () => {
  const store = storeOf([{}, { chunk: 3, offset: 0x1000 + 3 * 0x10000 + 0x2a8 }]);

  assert.deepEqual(store.location(0), { file: 0, chunk: 3, offset: 0x312a8 });
  assert.throws(() => store.append(0, [row({}, { recordId: '9', chunk: 1, offset: 0x1200 })]), {
    name: 'RangeError',
    message: 'append: record 9 of file 0: offset 4608 is not in chunk 1',
  });
  assert.throws(() => store.location(5), /row 5 is not in the store \(0-0\)/);
});

async function parserRecords(path: string): Promise<EventRecord[]> {
  const evtx = await EvtxFile.open(bytesSource(new Uint8Array(await readFile(path)), 'x'));
  const records: EventRecord[] = [];
  for await (const record of evtx.records()) {
    const { recordId, timeCreated, eventId, provider, channel, computer, data } =
      record.toStructured();
    records.push({
      file: 'issue43.evtx',
      recordId,
      timeCreated,
      eventId,
      provider,
      channel,
      computer,
      data,
    });
  }
  return records;
}

test('EventStore.record rebuilds every issue43 event exactly as the parser gave it', async () => {
  const { rows } = await parseFile(ISSUE43);
  const store = new EventStore();
  store.append(store.addFile('issue43.evtx'), rows);

  const expected = await parserRecords(ISSUE43);
  const rebuilt = Array.from({ length: store.rowCount }, (_, i) => store.record(i));

  assert.equal(store.rowCount, 1730);
  assert.deepEqual(rebuilt, expected);
  assert.deepEqual(pivot(rebuilt).rows, pivot(expected).rows, 'the engine sees the same events');
  assert.ok(pivot(rebuilt).rows.length > 0);
});

test('filteredIndex keeps the rows a predicate accepts, in row order', async () => {
  const { rows } = await parseFile(ISSUE43);
  const store = new EventStore();
  store.append(store.addFile('issue43.evtx'), rows);

  const connections = filteredIndex(store, (i) => store.cell(i, 'eventId') === '3');

  assert.equal(connections.length, 153);
  assert.ok(connections.every((r, i) => i === 0 || r > (connections[i - 1] ?? 0)));
});

test('EventStore keeps the recovered flag a byte a row, and counts the rows that have it', () => {
  const store = storeOf(
    [{ Image: 'a.exe' }, { recordId: '1' }],
    [{ Image: 'b.exe' }, { recordId: '2', recovered: true }],
    [{ Image: 'c.exe' }, { recordId: '3' }],
  );

  assert.deepEqual(
    [0, 1, 2].map((r) => store.recovered(r)),
    [false, true, false],
  );
  assert.equal(store.recoveredCount, 1);
  assert.equal(store.recovered(3), false, 'past the last row');
  assert.equal(store.recovered(-1), false);
  // The records the hunt is given carry the flag, so its evidence can say so.
  assert.deepEqual(
    [0, 1, 2].map((r) => store.record(r).recovered),
    [undefined, true, undefined],
  );
  const before = store.columnBytes;
  store.trim();
  assert.ok(store.columnBytes < before);
  assert.equal(store.recovered(1), true, 'trim keeps the flags');
});
