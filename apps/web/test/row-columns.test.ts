import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serialize } from 'node:v8';

import type { RowColumns } from '../src/row-columns.js';
import { columnBuffers, columnsOfRows } from '../src/row-columns.js';
import { checkColumns, rowsOf, sliceColumns } from '../src/row-columns-read.js';
import { packRows } from '../src/row-batch.js';
import { ISSUE43 } from './support/paths.js';
import { parseFile } from './support/parse.js';
import { row } from './support/rows.js';

/** Rows whose time and record id the columns cannot hold as numbers, beside ordinary ones. */
const ODD_ROWS = [
  row({ Image: 'a.exe' }, { recordId: '1' }),
  row({ Image: 'a.exe' }, { recordId: '18446744073709551615', time: undefined }),
  row({ Image: ['b.exe', 'c.exe'] }, { recordId: '3', time: '2024-05-01T10:00:00Z' }),
  row({ Image: 'a.exe' }, { recordId: '4', level: undefined, recovered: true }),
];

test('columnsOfRows lists each text, shape and value once, and rowsOf gives every row back', async () => {
  const { rows } = await parseFile(ISSUE43);

  const columns = columnsOfRows(rows);
  const back = rowsOf(structuredClone(columns));

  assert.equal(columns.count, 1730);
  assert.deepEqual(back, rows);
  // issue43: one provider, one channel, one computer, 16 System combinations; 7 Event IDs.
  assert.equal(columns.texts.length, 19);
  assert.equal(columns.shapes.length, 7);
  const values = rows.reduce((sum, r) => sum + r.values.length, 0);
  assert.equal(columns.data.length, values);
  assert.ok(columns.values.length < values / 2, `${columns.values.length} values for ${values}`);
});

test('columnsOfRows: the batch serializes to fewer bytes than the packed rows it replaces', async () => {
  const { rows } = await parseFile(ISSUE43);

  const columns = serialize(columnsOfRows(rows)).length;
  const packed = serialize(packRows(rows)).length;

  assert.ok(columns < packed, `${columns} bytes as columns against ${packed} packed`);
});

test('columnsOfRows keeps odd times, 64-bit record ids, lists, no level and the recovered flag', () => {
  const columns = columnsOfRows(ODD_ROWS);

  assert.deepEqual(rowsOf(columns), ODD_ROWS);
  assert.deepEqual(columns.oddTimes, [
    [1, undefined],
    [2, '2024-05-01T10:00:00Z'],
  ]);
  assert.deepEqual(columns.oddRecordIds, [[1, '18446744073709551615']]);
  assert.deepEqual([...columns.recovered], [0, 0, 0, 1]);
  // 'a.exe' under Image is listed once for its three rows; the list apart.
  assert.deepEqual(columns.values, ['a.exe', ['b.exe', 'c.exe']]);
});

test('sliceColumns gives the rows of its range, odd times and ids renumbered', () => {
  const columns = columnsOfRows(ODD_ROWS);

  for (const [start, end] of [
    [0, 4],
    [1, 3],
    [2, 4],
    [3, 3],
  ] as const) {
    assert.deepEqual(rowsOf(sliceColumns(columns, start, end)), ODD_ROWS.slice(start, end));
  }
  assert.deepEqual(sliceColumns(columns, 2, 4).oddTimes, [[0, '2024-05-01T10:00:00Z']]);
});

test('checkColumns throws naming the batch, the column and the row', () => {
  const columns = columnsOfRows(ODD_ROWS);
  const bad = (change: Partial<RowColumns>) => () => checkColumns({ ...columns, ...change }, 'b');

  assert.doesNotThrow(bad({}));
  assert.throws(bad({ computer: Uint32Array.of(0, 0, 9, 0) }), {
    name: 'RangeError',
    message: 'b: row columns: row 2: computer 9 is not in the 4 texts',
  });
  assert.throws(
    bad({ shape: Uint32Array.of(0, 5, 0, 0) }),
    /^RangeError: b: row columns: row 1: shape 5 is not in the batch$/,
  );
  assert.throws(bad({ eventId: Uint32Array.of(3) }), /eventId holds 1 of 4 rows$/);
  assert.throws(
    bad({ data: Uint32Array.of(0, 0, 7, 0) }),
    /data 2: value 7 is not in the 2 values$/,
  );
  assert.throws(bad({ dataAt: Uint32Array.of(0, 1, 1, 3, 4) }), /row 1 has 0 values for 1 names$/);
});

test('columnBuffers lists each typed array buffer once, so a postMessage moves them', () => {
  const columns = columnsOfRows(ODD_ROWS);

  const buffers = columnBuffers(columns);

  assert.equal(buffers.length, 15);
  const copy = structuredClone(columns, { transfer: buffers });
  assert.equal(columns.eventId.length, 0, 'moved away');
  assert.deepEqual(rowsOf(copy), ODD_ROWS);
});
