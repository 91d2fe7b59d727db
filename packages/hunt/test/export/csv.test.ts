import { test } from 'node:test';
import assert from 'node:assert/strict';

import { CsvWriter, csvLines, quoteCsvField } from '../../src/export/csv.js';
import { describeFormulaNeutralisation } from '../../src/export/formula.js';
import { TimeZoneError } from '../../src/time-zone/zone.js';
import { connection, event } from '../synthetic.js';

const FIELDS = ['timeCreated', 'eventId', 'computer', 'Image', 'DestinationIp', 'DestinationPort'];

test('csvLines writes the header and one CRLF line per record, columns as given', () => {
  const records = [
    connection({ DestinationIp: '198.51.100.4' }, '2024-05-01T10:00:00.1234567Z'),
    event({ computer: 'DC01', data: { Image: 'C:\\x.exe' } }),
  ];

  assert.equal(
    [...csvLines(records, { columns: FIELDS })].join(''),
    'timeCreated (UTC),eventId,computer,Image,DestinationIp,DestinationPort\r\n' +
      '2024-05-01T10:00:00.1234567Z,3,WS01,C:\\Windows\\System32\\rundll32.exe,198.51.100.4,443\r\n' +
      '2024-05-01T10:00:00.0000000Z,1,DC01,C:\\x.exe,,\r\n',
  );
});

test('CsvWriter quotes commas, quotes and line breaks as RFC 4180 says', () => {
  const writer = new CsvWriter({ columns: ['CommandLine'], lineEnding: '\n' });
  const record = event({ data: { CommandLine: 'cmd /c "echo a,b"\r\nnext' } });

  assert.equal(writer.preamble(), 'CommandLine\n');
  assert.equal(writer.row(record), '"cmd /c ""echo a,b""\r\nnext"\n');
  assert.equal(quoteCsvField('plain'), 'plain');
});

test('CsvWriter neutralises formula cells, header included, and counts them', () => {
  const writer = new CsvWriter({ columns: ['=HYPERLINK("x")', 'CommandLine'] });
  const record = event({ data: { CommandLine: "=cmd|' /C calc'!A0" } });

  assert.equal(writer.preamble(), '"\'=HYPERLINK(""x"")",CommandLine\r\n');
  assert.equal(writer.row(record), ",'=cmd|' /C calc'!A0\r\n");
  assert.equal(writer.neutralisedCells, 2);
  assert.equal(writer.note(), describeFormulaNeutralisation(2));
});

test('CsvWriter can be told not to neutralise', () => {
  const writer = new CsvWriter({ columns: ['CommandLine'], neutraliseFormulas: false });

  assert.equal(writer.row(event({ data: { CommandLine: '=1+1' } })), '=1+1\r\n');
  assert.equal(writer.neutralisedCells, 0);
  assert.equal(writer.note(), 'Formula neutralisation was off.');
});

test('CsvWriter starts with a byte order mark and a note line when asked', () => {
  const writer = new CsvWriter({ columns: ['Image'], byteOrderMark: true, noteLine: true });
  const lines = writer.preamble().split('\r\n');

  assert.equal(lines[0], `\uFEFF"# ${describeFormulaNeutralisation()}"`);
  assert.equal(lines[1], 'Image');
  assert.equal(new TextEncoder().encode(writer.preamble()).slice(0, 3).join(' '), '239 187 191');
});

test('CsvWriter shows time columns in the chosen zone and names it in the header', () => {
  const writer = new CsvWriter({
    columns: [{ field: 'timeCreated', label: 'time' }, 'UtcTime', { field: 'Note', kind: 'time' }],
    timeZone: 'Europe/Berlin',
  });
  const record = event({
    timeCreated: '2024-05-01T10:00:00.1234567Z',
    data: { UtcTime: '2024-05-01 09:59:59.999', Note: 'not a time' },
  });

  assert.equal(writer.timeZone, 'Europe/Berlin');
  assert.equal(
    writer.preamble(),
    'time (Europe/Berlin),UtcTime (Europe/Berlin),Note (Europe/Berlin)\r\n',
  );
  assert.equal(
    writer.row(record),
    '2024-05-01T12:00:00.1234567+02:00,2024-05-01T11:59:59.9990000+02:00,not a time\r\n',
  );
});

test('CsvWriter can keep a default time field as text', () => {
  const writer = new CsvWriter({ columns: [{ field: 'UtcTime', kind: 'text' }] });
  const record = event({ data: { UtcTime: '2024-05-01 09:59:59.999' } });

  assert.equal(writer.preamble(), 'UtcTime\r\n');
  assert.equal(writer.row(record), '2024-05-01 09:59:59.999\r\n');
});

test('CsvWriter joins repeated values with a line feed, or the separator given', () => {
  const record = event({ data: { Data: ['first', 'second'] } });

  assert.equal(new CsvWriter({ columns: ['Data'] }).row(record), '"first\nsecond"\r\n');
  assert.equal(
    new CsvWriter({ columns: ['Data'], valueSeparator: ' | ' }).row(record),
    'first | second\r\n',
  );
});

test('CsvWriter refuses an unknown zone and an empty column list', () => {
  assert.throws(
    () => new CsvWriter({ columns: ['Image'], timeZone: 'Nowhere/Special' }),
    TimeZoneError,
  );
  assert.throws(
    () => new CsvWriter({ columns: [] }),
    /^RangeError: CSV export needs at least one column$/,
  );
});
