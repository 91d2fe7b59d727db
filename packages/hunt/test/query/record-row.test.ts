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
  assert.deepEqual(row.field('level'), ['0', 'Information']);
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

test('queryFilter matches a level by its name as Windows shows it, as the workbench does', () => {
  const filter = (query: string) => queryFilter(parsed(query));
  const levels = [0, 2, 4].map((level) => ({ ...event({}), level }));

  assert.deepEqual(levels.map(filter('level:Information')), [true, false, true]);
  assert.deepEqual(levels.map(filter('level:error')), [false, true, false]);
  assert.deepEqual(levels.map(filter('level:<3')), [true, true, false]);
});

test('queryFilter matches file: by path or base name, either separator', () => {
  const filter = queryFilter(parsed('file:Security.evtx'));
  const files = ['/logs/dc01/Security.evtx', 'C:\\logs\\Security.evtx', 'Security.evtx', 'x.evtx'];

  assert.deepEqual(
    files.map((file) => filter(event({ file }))),
    [true, true, true, false],
  );
  assert.equal(
    queryFilter(parsed('file:"/logs/dc01/Security.evtx"'))(
      event({ file: '/logs/dc01/Security.evtx' }),
    ),
    true,
  );
});

test("queryFilter reads the parser record's extra System fields as System.<name>", () => {
  const record = {
    ...event({ data: { ProcessId: '42', Version: '6.03' } }),
    processId: 4212,
    version: 3,
    task: 16,
    keywords: '0x8000000000000000',
    userId: 'S-1-5-18',
  };
  const kept = (query: string) => queryFilter(parsed(query))(record);

  assert.equal(kept('System.ProcessID:4212'), true);
  assert.equal(kept('system.processid:4212'), true);
  assert.equal(kept('ProcessId:42'), true, 'the data field is not shadowed');
  assert.equal(kept('Version:6.03 System.Version:3'), true);
  assert.equal(kept('System.Task:>10 System.Keywords:0x8*'), true);
  assert.equal(kept('System.ActivityID:*'), false);
  assert.equal(kept('"S-1-5-18"'), true, 'a bare word searches them too');
});

test('queryFilter matches recovered:true and -recovered:true on the parser flag, as the workbench does', () => {
  const records = [
    { ...event({ recordId: '1' }), recovered: true },
    event({ recordId: '2' }),
    { ...event({ recordId: '3', data: { recovered: 'true' } }), recovered: false },
  ];
  const ids = (query: string) =>
    records.filter(queryFilter(parsed(query))).map((record) => record.recordId);

  assert.deepEqual(ids('recovered:true'), ['1']);
  assert.deepEqual(ids('-recovered:true'), ['2', '3']);
  assert.deepEqual(ids('recovered:false'), ['2', '3']);
  assert.equal(new EventRecordRow(event({})).field('recovered'), 'false');
});
