import { test } from 'node:test';
import assert from 'node:assert/strict';

import { PIVOT_VALUE_LIMIT, PivotAccumulator, pivot } from '../src/pivot.js';
import { connection, event } from './synthetic.js';

const BEACON = 'C:\\Users\\bob\\beacon.exe';
const EDGE = 'C:\\Program Files\\Edge\\msedge.exe';

function sampleRecords() {
  return [
    connection({ Image: BEACON, DestinationPort: '8443' }, '2024-05-01T10:00:05.0000000Z'),
    connection({ Image: BEACON, DestinationPort: '443' }, '2024-05-01T09:59:00.1234567Z'),
    connection(
      { Image: BEACON, DestinationPort: '8443', DestinationHostname: 'c2.example' },
      '2024-05-01T11:30:00.0000001Z',
    ),
    connection({ Image: EDGE, DestinationIp: '198.51.100.1', DestinationHostname: '-' }),
    connection({ Image: EDGE, DestinationIp: '198.51.100.2' }),
    connection({ Image: BEACON, Initiated: 'false' }),
    event({ eventId: 1, data: { Image: BEACON } }),
  ];
}

test('pivot groups initiated Sysmon connections by Image and DestinationIp', () => {
  const result = pivot(sampleRecords());

  assert.deepEqual(result.by, ['Image', 'DestinationIp']);
  assert.equal(result.seen, 7);
  assert.equal(result.selected, 5);
  assert.equal(result.rows.length, 3);
  assert.deepEqual(result.rows[0], {
    key: [BEACON, '203.0.113.7'],
    count: 3,
    ports: ['443', '8443'],
    hostnames: ['c2.example'],
    firstSeen: '2024-05-01T09:59:00.1234567Z',
    lastSeen: '2024-05-01T11:30:00.0000001Z',
  });
});

test('pivot counts the events of a group read from recovered records', () => {
  const records = sampleRecords().map((record, i) =>
    i < 2 ? { ...record, recovered: true } : record,
  );
  const rows = pivot(records).rows;

  assert.deepEqual(
    rows.map((row) => [row.key[0], row.count, row.recovered]),
    [
      [BEACON, 3, 2],
      [EDGE, 1, undefined],
      [EDGE, 1, undefined],
    ],
  );
});

test('pivot orders equal counts by key and drops placeholder host names', () => {
  const rows = pivot(sampleRecords()).rows;

  assert.deepEqual(rows[1]?.key, [EDGE, '198.51.100.1']);
  assert.deepEqual(rows[1]?.hostnames, []);
  assert.deepEqual(rows[2]?.key, [EDGE, '198.51.100.2']);
  assert.equal(rows[2]?.count, 1);
});

test('pivot sorts ports numerically, with non-numbers last', () => {
  const ports = ['8080', '53', 'x', '443', '80', '53'];
  const rows = pivot(ports.map((DestinationPort) => connection({ DestinationPort }))).rows;

  assert.deepEqual(rows[0]?.ports, ['53', '80', '443', '8080', 'x']);
  assert.equal(rows[0]?.count, 6);
});

test('pivot groups by any fields, including System fields, with a custom selection', () => {
  const records = [
    event({ eventId: 1, computer: 'A' }),
    event({ eventId: 1, computer: 'B' }),
    event({ eventId: 1, computer: 'B' }),
    event({ eventId: 3, computer: 'B', timeCreated: undefined }),
  ];
  const result = pivot(records, { by: ['computer', 'Missing'], select: () => true });

  assert.deepEqual(
    result.rows.map((row) => [row.key, row.count]),
    [
      [['B', ''], 3],
      [['A', ''], 1],
    ],
  );
  assert.equal(result.rows[0]?.firstSeen, '2024-05-01T10:00:00.0000000Z');
});

test('pivot takes first and last seen from Sysmon UtcTime, else from timeCreated', () => {
  const records = [
    // Logged a minute after it happened: UtcTime says when.
    connection({ UtcTime: '2024-05-01 09:59:00.123' }, '2024-05-01T10:00:00.0000000Z'),
    connection({ UtcTime: '2024-05-01 10:30:00.5' }, '2024-05-01T10:31:00.0000000Z'),
    // No UtcTime, or one that is not a time: timeCreated stands in.
    connection({}, '2024-05-01T09:00:00.0000000Z'),
    connection({ UtcTime: 'yesterday' }, '2024-05-01T11:00:00.0000000Z'),
  ];
  const row = pivot(records).rows[0];

  assert.equal(row?.count, 4);
  assert.equal(row?.firstSeen, '2024-05-01T09:00:00.0000000Z');
  assert.equal(row?.lastSeen, '2024-05-01T11:00:00.0000000Z');
  assert.deepEqual(
    pivot(records.slice(0, 2)).rows.map((one) => [one.firstSeen, one.lastSeen]),
    [['2024-05-01T09:59:00.1230000Z', '2024-05-01T10:30:00.5000000Z']],
  );
});

test('pivot leaves first and last seen undefined when no record had a time', () => {
  const record = { ...connection({}), timeCreated: undefined };
  const row = pivot([record]).rows[0];

  assert.equal(row?.count, 1);
  assert.equal(row?.firstSeen, undefined);
  assert.equal(row?.lastSeen, undefined);
});

test('PivotAccumulator streams: add reports selection and result can be taken midway', () => {
  const accumulator = new PivotAccumulator();

  assert.equal(accumulator.add(connection({})), true);
  assert.equal(accumulator.add(event({})), false);
  assert.equal(accumulator.result().rows[0]?.count, 1);

  accumulator.add(connection({}));
  assert.equal(accumulator.result().rows[0]?.count, 2);
  assert.equal(accumulator.result().seen, 3);
});

test('PivotAccumulator caps distinct values per group and marks the row truncated', () => {
  const accumulator = new PivotAccumulator();
  for (let port = 1; port <= PIVOT_VALUE_LIMIT + 5; port++) {
    accumulator.add(connection({ DestinationPort: String(port) }));
  }
  const row = accumulator.result().rows[0];

  assert.equal(row?.count, PIVOT_VALUE_LIMIT + 5);
  assert.equal(row?.ports.length, PIVOT_VALUE_LIMIT);
  assert.equal(row?.morePorts, true);
  assert.equal(row?.moreHostnames, undefined);
});

test('PivotAccumulator refuses an empty field list', () => {
  assert.throws(() => new PivotAccumulator({ by: [] }), /at least one field/);
});
