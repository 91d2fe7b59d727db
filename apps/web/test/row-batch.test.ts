import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serialize } from 'node:v8';

import type { RowBatch } from '../src/protocol.js';
import { packRows, unpackRows } from '../src/row-batch.js';
import { ISSUE43 } from './support/paths.js';
import { parseFile } from './support/parse.js';
import { row } from './support/rows.js';

test('packRows lists repeated texts once and unpackRows gives every row back', async () => {
  const { rows } = await parseFile(ISSUE43);

  const batch = packRows(rows);
  const back = unpackRows(structuredClone(batch));

  assert.deepEqual(back, rows);
  assert.equal(batch.rows.length, 1730);
  // issue43: one provider, one channel, one computer, 16 System combinations; 7 Event IDs,
  // each with its own field list.
  assert.equal(batch.texts.length, 19);
  assert.equal(batch.shapes.length, 7);
  assert.ok(back.every((row) => row.names === back.find((r) => r.eventId === row.eventId)?.names));
});

test('packRows: the batch serializes to far fewer bytes than the rows it carries', async () => {
  const { rows } = await parseFile(ISSUE43);

  const packed = serialize(packRows(rows)).length;
  const plain = serialize(rows).length;

  assert.ok(packed < plain * 0.75, `${packed} bytes packed against ${plain} as rows`);
});

test('unpackRows throws naming the row when an index is outside the batch', async () => {
  const { rows } = await parseFile(ISSUE43);
  const batch = packRows(rows.slice(0, 3));
  const badText: RowBatch = { ...batch, rows: batch.rows.map((r) => ({ ...r, computer: 6 })) };
  const badShape: RowBatch = { ...batch, rows: batch.rows.map((r) => ({ ...r, shape: -1 })) };
  const short: RowBatch = { ...batch, rows: batch.rows.map((r) => ({ ...r, values: [] })) };

  assert.throws(() => unpackRows(badText), {
    name: 'RangeError',
    message: "row batch: row 0: computer 6 is not in the batch's 6",
  });
  assert.throws(() => unpackRows(badShape), /^RangeError: row batch: row 0: shape -1 is not/);
  assert.throws(
    () => unpackRows(short),
    /^RangeError: row batch: row 0 has 0 values for \d+ names/,
  );
});

test('packRows carries the recovered flag on recovered rows only, and unpackRows gives it back', () => {
  const live = row({ Image: 'a.exe' }, { recordId: '1' });
  const recovered = row({ Image: 'b.exe' }, { recordId: '2', recovered: true });

  const batch = packRows([live, recovered]);
  assert.equal('recovered' in (batch.rows[0] ?? {}), false, 'a live row carries no flag');
  assert.equal(batch.rows[1]?.recovered, true);
  const back = unpackRows(batch);
  assert.equal(back[0]?.recovered, undefined);
  assert.equal(back[1]?.recovered, true);
  assert.equal(back[1]?.recordId, '2');
});
