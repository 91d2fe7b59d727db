import { test } from 'node:test';
import assert from 'node:assert/strict';

import { EventRecordRow, queryFilter } from '../../src/query/record-row.js';
import { event } from '../synthetic.js';
import { parsed } from './support.js';

test('EventRecordRow reads System fields, level and data fields ignoring case', () => {
  const row = new EventRecordRow({
    ...event({ eventId: 4688, computer: 'DC01', file: 'a.evtx', data: { NewProcessName: 'x' } }),
    level: 0,
  });

  assert.equal(row.field('eventId'), '4688');
  assert.equal(row.field('computer'), 'DC01');
  assert.equal(row.field('file'), 'a.evtx');
  assert.equal(row.field('level'), '0');
  assert.equal(row.field('NewProcessName'), 'x');
  assert.equal(row.field('newprocessname'), 'x');
  assert.equal(row.field('Missing'), undefined);
});

test('EventRecordRow answers level as absent for records without one', () => {
  const row = new EventRecordRow(event({}));
  assert.equal(row.field('level'), undefined);
  assert.equal(
    row.someValue((value) => value === '0'),
    false,
  );
});

test('EventRecordRow.someValue visits System and data values, repeated ones too', () => {
  const row = new EventRecordRow(event({ data: { Data: ['one', 'two'], Image: 'x.exe' } }));
  const seen: string[] = [];
  row.someValue((value) => (seen.push(value), false));

  assert.deepEqual(seen.slice(-3), ['one', 'two', 'x.exe']);
  assert.ok(seen.includes('Microsoft-Windows-Sysmon/Operational'));
  assert.ok(seen.includes('1'));
});

test('queryFilter reuses one cursor across records', () => {
  const filter = queryFilter(parsed('Image:*.exe -computer:DC01'));
  const results = [
    event({ data: { Image: 'a.exe' } }),
    event({ computer: 'DC01', data: { Image: 'a.exe' } }),
    event({ data: { image: 'b.EXE' } }),
    event({}),
  ].map(filter);
  assert.deepEqual(results, [true, false, true, false]);
});
