import assert from 'node:assert/strict';
import test from 'node:test';

import { readAll } from '../helpers.js';

const LINE = (id: number) =>
  `{"Event":{"System":{"EventID":3,"EventRecordID":${id},"Channel":"c"},"EventData":{"N":"${id}"}}}`;

test('JSON Lines: every record, the same whatever the piece size', async () => {
  const text = `${LINE(1)}\n${LINE(2)}\r\n${LINE(3)}\n`;
  for (const size of [1, 7, 1 << 20]) {
    const { records, diagnostics } = await readAll(text, size);
    assert.deepEqual(
      records.map((record) => record.recordId),
      ['1', '2', '3'],
    );
    assert.deepEqual(diagnostics, []);
  }
});

test('a JSON Lines record cut off is reported with its line and byte offset; the next is read', async () => {
  const cut = LINE(2).slice(0, 40);
  const text = `${LINE(1)}\n${cut}\n${LINE(3)}\n`;
  const { records, diagnostics } = await readAll(text, 5);

  assert.deepEqual(
    records.map((record) => record.recordId),
    ['1', '3'],
  );
  assert.equal(diagnostics.length, 1);
  assert.equal(diagnostics[0]?.structure, 'json record');
  assert.equal(diagnostics[0]?.line, 2);
  assert.equal(diagnostics[0]?.offset, LINE(1).length + 1);
});

test('pretty-printed objects one after another (SigmaHQ regression data) are split', async () => {
  const pretty = (id: number) => JSON.stringify(JSON.parse(LINE(id)), null, 2);
  const { records, diagnostics } = await readAll(`${pretty(1)}\n${pretty(2)}`, 3);
  assert.deepEqual(
    records.map((record) => record.recordId),
    ['1', '2'],
  );
  assert.deepEqual(diagnostics, []);
});

test('one top-level array of records is read element by element', async () => {
  const { records } = await readAll(`[\n${LINE(1)},\n${LINE(2)}\n]\n`, 4);
  assert.deepEqual(
    records.map((record) => record.recordId),
    ['1', '2'],
  );
});

test('a record of no known shape is skipped with a warning naming its line', async () => {
  const text = `${LINE(1)}\n{"EventID": 1}\n${LINE(3)}\n`;
  const { records, diagnostics } = await readAll(text);
  assert.equal(records.length, 2);
  assert.equal(diagnostics[0]?.severity, 'warning');
  assert.equal(diagnostics[0]?.line, 2);
  assert.match(diagnostics[0]?.message ?? '', /no known event shape/);
});

test('byte offsets count UTF-8 bytes, not characters', async () => {
  const first = LINE(1).replace('"c"', '"é€😀"');
  const { diagnostics } = await readAll(`${first}\n{"x":\n`);
  assert.equal(diagnostics[0]?.offset, new TextEncoder().encode(first).length + 1);
});

test('a JSON Lines line that is no JSON is an error (a record lost), with its line; the rest is read', async () => {
  const { records, diagnostics } = await readAll(`${LINE(1)}\ngarbage here\n${LINE(2)}\n`);

  assert.equal(records.length, 2);
  assert.deepEqual(
    diagnostics.map(({ severity, structure, line, message }) => [
      severity,
      structure,
      line,
      message,
    ]),
    [
      [
        'error',
        'json record',
        2,
        'text that is no JSON object between records; skipped to the next line',
      ],
    ],
  );
});
