/** Record-header time against TimeCreated, and SYSTEMTIME values. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dataFile, eventData, eventRecord, fileWith, value } from '../support/index.js';
import { onlyRecord, parse, section } from '../support/parse.js';

test('toStructured keeps the record header time apart from System/TimeCreated', async () => {
  const record = eventRecord(
    {
      recordId: 5,
      eventId: 1,
      timeCreated: '2023-12-31T23:59:59.9999999Z',
      writtenTime: '2024-01-01T00:00:00.0000001Z',
    },
    eventData({ A: 'x' }),
  );
  const parsed = await parse(fileWith(record));
  const [first] = parsed.records;
  const data = first?.toStructured();

  assert.equal(first?.writtenTime, '2024-01-01T00:00:00.0000001Z');
  assert.equal(data?.writtenTime, '2024-01-01T00:00:00.0000001Z');
  assert.equal(data?.timeCreated, '2023-12-31T23:59:59.9999999Z');
  assert.equal(
    section(first?.toXml() ?? '', 'TimeCreated'),
    "<TimeCreated SystemTime='2023-12-31T23:59:59.9999999Z'/>",
  );
});

test('toStructured renders SYSTEMTIME as ISO-8601 with milliseconds then 0000', async () => {
  const { data, xml } = await onlyRecord(
    dataFile({
      When: value.systemtime({
        year: 2024,
        month: 3,
        day: 5,
        hour: 10,
        minute: 20,
        second: 30,
        millisecond: 123,
        dayOfWeek: 2,
      }),
      Midnight: value.systemtime({
        year: 1999,
        month: 12,
        day: 31,
        hour: 0,
        minute: 0,
        second: 0,
        millisecond: 0,
      }),
    }),
  );
  assert.deepEqual(data.data, {
    When: '2024-03-05T10:20:30.1230000Z',
    Midnight: '1999-12-31T00:00:00.0000000Z',
  });
  assert.match(xml, /<Data Name='When'>2024-03-05T10:20:30.1230000Z<\/Data>/);
});
