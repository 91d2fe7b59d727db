import { test } from 'node:test';
import assert from 'node:assert/strict';

import { TimeColumn, parseIso7, parseIsoAny } from '../../src/store/time-column.js';

test('parseIso7 splits seven-digit ISO time into milliseconds and 100-ns ticks', () => {
  assert.deepEqual(parseIso7('2017-09-03T12:53:24.6694851Z'), {
    ms: Date.UTC(2017, 8, 3, 12, 53, 24, 669),
    ticks: 4851,
  });
  assert.equal(parseIso7('2017-09-03T12:53:24.669Z'), undefined);
  assert.equal(parseIso7('2017-02-30T00:00:00.0000000Z'), undefined, 'no such day');
});

test('TimeColumn gives back the exact text, regular or not', () => {
  const times = new TimeColumn();
  const texts = [
    '2017-09-03T12:53:24.6694851Z',
    '1601-01-01T00:00:00.0000000Z',
    'FILETIME(0xffffffffffffffff)',
    undefined,
  ];

  for (const text of texts) times.push(text);

  assert.deepEqual(
    texts.map((_, row) => times.text(row)),
    texts,
  );
  assert.equal(times.ticks(0), 4851);
  assert.ok(Number.isNaN(times.ms(2)));
  assert.ok(Number.isNaN(times.ms(3)));
});

test('TimeColumn rebuilds each time exactly across minutes, years and before 1970', () => {
  const times = new TimeColumn();
  const texts = [
    '2017-09-03T12:53:59.9999999Z',
    '2017-09-03T12:53:00.0010000Z',
    '2017-09-03T12:54:00.0000001Z',
    '1969-12-31T23:59:59.9990001Z',
    '1601-01-01T00:00:00.0000000Z',
    '9999-12-31T23:59:59.9999999Z',
    '2017-09-03T12:53:07.0500000Z',
  ];
  for (const text of texts) times.push(text);

  assert.deepEqual(
    texts.map((_, row) => times.text(row)),
    texts,
  );
});

test('a nine-digit or fractionless time is kept as written and still placed in time', () => {
  const column = new TimeColumn();
  column.push('2021-11-19T16:52:33.833733500Z');
  column.push('2021-11-19T16:52:33Z');
  column.push('yesterday');

  assert.equal(column.text(0), '2021-11-19T16:52:33.833733500Z');
  assert.equal(column.ms(0), Date.parse('2021-11-19T16:52:33.833Z'));
  assert.equal(column.ticks(0), 7335);
  assert.equal(column.ms(1), Date.parse('2021-11-19T16:52:33Z'));
  assert.equal(column.ticks(1), 0);
  assert.ok(Number.isNaN(column.ms(2)));
  assert.equal(column.text(2), 'yesterday');
  assert.deepEqual(parseIsoAny('2021-11-19T16:52:33.1Z'), {
    ms: Date.parse('2021-11-19T16:52:33.100Z'),
    ticks: 0,
  });
});
