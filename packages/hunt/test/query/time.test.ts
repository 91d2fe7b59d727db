import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
  compareInstants,
  parseExactSpan,
  parseTimeSpan,
  readInstant,
  type Instant,
} from '../../src/query/time.js';

/** The instant a field value names, or undefined. */
function instantOf(value: string): Instant | undefined {
  const instant = { seconds: -1, nanos: -1 };
  return readInstant(value, instant) ? instant : undefined;
}

const seconds = (ms: number) => ms / 1000;

test('parseTimeSpan gives the span of the written precision', () => {
  const day = Date.UTC(2024, 4, 1);
  assert.deepEqual(parseTimeSpan('2024-05-01'), { start: day, end: day + 86_400_000 });
  assert.deepEqual(parseTimeSpan('2024-05-01T10'), undefined);
  assert.deepEqual(parseTimeSpan('2024-05-01T10:00Z'), {
    start: day + 36_000_000,
    end: day + 36_060_000,
  });
  assert.deepEqual(parseTimeSpan('2024-05-01t10:00:05z'), {
    start: day + 36_005_000,
    end: day + 36_006_000,
  });
  assert.deepEqual(parseTimeSpan('2024-05-01T10:00:05.25'), {
    start: day + 36_005_250,
    end: day + 36_005_260,
  });
});

test('parseTimeSpan converts offsets to UTC', () => {
  const utc = parseTimeSpan('2024-05-01T10:00Z');
  assert.deepEqual(parseTimeSpan('2024-05-01T12:00+02:00'), utc);
  assert.deepEqual(parseTimeSpan('2024-05-01T05:30-04:30'), utc);
});

test('parseTimeSpan refuses days and clock times that do not exist', () => {
  for (const text of [
    '2024-02-30',
    '2023-02-29',
    '2024-13-01',
    '2024-00-10',
    '2024-05-00',
    '2024-05-01T24:00',
    '2024-05-01T10:60',
    '2024-05-01T10:00:60',
    '2024-5-1',
    '20240501',
    '2024-05-01Z',
  ]) {
    assert.equal(parseTimeSpan(text), undefined, text);
  }
  assert.deepEqual(parseTimeSpan('2024-02-29')?.start, Date.UTC(2024, 1, 29));
  assert.deepEqual(parseTimeSpan('2000-02-29')?.start, Date.UTC(2000, 1, 29));
});

test('parseTimeSpan reads years before 100 as written, not as 19xx', () => {
  const expected = new Date(0);
  expected.setUTCFullYear(42, 0, 1);
  assert.equal(parseTimeSpan('0042-01-01')?.start, expected.getTime());
});

test('readInstant reads EVTX, Sysmon and ISO forms exactly, and nothing else', () => {
  const at = seconds(Date.UTC(2024, 4, 1, 10, 0, 0));
  assert.deepEqual(instantOf('2024-05-01T10:00:00.0000000Z'), { seconds: at, nanos: 0 });
  assert.deepEqual(instantOf('2024-05-01T10:00:00.1234567Z'), { seconds: at, nanos: 123_456_700 });
  assert.deepEqual(instantOf('2024-05-01 10:00:00.123'), { seconds: at, nanos: 123_000_000 });
  assert.deepEqual(instantOf('2024-05-01 10:00:00'), { seconds: at, nanos: 0 });
  assert.deepEqual(instantOf('2024-05-01T12:00:00.5+02:00'), { seconds: at, nanos: 500_000_000 });
  assert.deepEqual(instantOf('2024-05-01'), { seconds: at - 36_000, nanos: 0 });

  const bad = ['', '443', 'yesterday', '2024-05-01T10:00:00.', '2024-05-01X10:00:00'];
  for (const text of [...bad, '2024-02-30 10:00:00', '2024-05-01T10:00:00.1234567890Z']) {
    assert.equal(instantOf(text), undefined, text);
  }
});

test('parseExactSpan tells apart instants 100 ns apart, which epoch milliseconds cannot', () => {
  const span = parseExactSpan('2024-05-01T10:05:00.1234567Z');
  const next = instantOf('2024-05-01T10:05:00.1234568Z');
  assert.ok(span !== undefined && next !== undefined);
  assert.equal(compareInstants(span.end, next), 0);
  assert.ok(compareInstants(span.start, next) < 0);
  assert.equal(span.end.nanos - span.start.nanos, 100);
});

test('parseExactSpan carries fractions into the next second', () => {
  const span = parseExactSpan('2024-05-01T10:00:59.9');
  assert.deepEqual(span?.end, { seconds: seconds(Date.UTC(2024, 4, 1, 10, 1, 0)), nanos: 0 });
});
