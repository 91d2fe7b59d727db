import { test } from 'node:test';
import assert from 'node:assert/strict';

import { WhereSyntaxError, matchesWhere, parseWhere, whereFilter } from '../src/where.js';
import { connection, event } from './synthetic.js';

test('parseWhere reads the three operators and keeps the value verbatim', () => {
  assert.deepEqual(parseWhere('Image=C:\\x.exe'), {
    field: 'Image',
    operator: '=',
    value: 'C:\\x.exe',
  });
  assert.deepEqual(parseWhere('DestinationPort!=443'), {
    field: 'DestinationPort',
    operator: '!=',
    value: '443',
  });
  assert.deepEqual(parseWhere('CommandLine~ -enc a=b'), {
    field: 'CommandLine',
    operator: '~',
    value: ' -enc a=b',
  });
  assert.deepEqual(parseWhere('Image='), { field: 'Image', operator: '=', value: '' });
});

test('parseWhere rejects malformed expressions with the position', () => {
  const cases: [string, number, RegExp][] = [
    ['Image', 5, /expected =, != or ~ at position 5/],
    ['=x', 0, /expected a field name at position 0/],
    ['Image!x', 6, /expected '=' after '!' at position 6/],
    ['Ima ge=x', 0, /invalid field name "Ima ge"/],
    ['3Image=x', 0, /invalid field name "3Image"/],
  ];

  for (const [expression, position, message] of cases) {
    assert.throws(
      () => parseWhere(expression),
      (error: unknown) =>
        error instanceof WhereSyntaxError &&
        error.position === position &&
        error.expression === expression &&
        message.test(error.message),
      expression,
    );
  }
});

test('matchesWhere compares = and != exactly and ~ without case', () => {
  const record = connection({ Image: 'C:\\Tools\\Beacon.EXE' });

  assert.equal(matchesWhere(record, parseWhere('Image=C:\\Tools\\Beacon.EXE')), true);
  assert.equal(matchesWhere(record, parseWhere('Image=c:\\tools\\beacon.exe')), false);
  assert.equal(matchesWhere(record, parseWhere('Image~beacon.exe')), true);
  assert.equal(matchesWhere(record, parseWhere('Image!=C:\\Tools\\Beacon.EXE')), false);
  assert.equal(matchesWhere(record, parseWhere('Image!=other')), true);
});

test('matchesWhere: a missing field fails = and ~ and passes !=', () => {
  const record = event({});

  assert.equal(matchesWhere(record, parseWhere('Image=x')), false);
  assert.equal(matchesWhere(record, parseWhere('Image~')), false);
  assert.equal(matchesWhere(record, parseWhere('Image!=x')), true);
});

test('matchesWhere addresses System fields and every value of a repeated field', () => {
  const record = event({ eventId: 4688, computer: 'DC01', data: { Data: ['a', 'b'] } });

  assert.equal(matchesWhere(record, parseWhere('eventId=4688')), true);
  assert.equal(matchesWhere(record, parseWhere('computer~dc')), true);
  assert.equal(matchesWhere(record, parseWhere('channel~sysmon')), true);
  assert.equal(matchesWhere(record, parseWhere('provider!=Microsoft-Windows-Sysmon')), false);
  assert.equal(matchesWhere(record, parseWhere('Data=b')), true);
  assert.equal(matchesWhere(record, parseWhere('Data!=b')), false);
});

test('whereFilter combines conditions with AND and accepts none', () => {
  const filter = whereFilter(['eventId=3', 'DestinationPort!=443']);

  assert.equal(filter(connection({ DestinationPort: '8080' })), true);
  assert.equal(filter(connection({ DestinationPort: '443' })), false);
  assert.equal(filter(event({ data: { DestinationPort: '8080' } })), false);
  assert.equal(whereFilter([])(event({})), true);
  assert.throws(() => whereFilter(['eventId=3', 'bad']), WhereSyntaxError);
});
