import { test } from 'node:test';
import assert from 'node:assert/strict';

import type { FieldValue } from '../../src/record.js';
import { compileQuery, type QueryRow } from '../../src/query/compile.js';
import { parseQuery, type QueryOptions } from '../../src/query/parse.js';
import { queryFilter, type QueryableRecord } from '../../src/query/record-row.js';
import { connection, event } from '../synthetic.js';
import { parsed } from './support.js';

const records: QueryableRecord[] = [
  connection({ Image: 'C:\\Windows\\System32\\rundll32.exe', DestinationPort: '443' }),
  connection(
    { Image: 'C:\\Users\\bob\\AppData\\Local\\Temp\\beacon.exe', DestinationPort: '8080' },
    '2024-05-01T10:05:00.1234567Z',
  ),
  connection(
    { Image: 'C:\\Program Files\\Mozilla Firefox\\firefox.exe', DestinationPort: '80' },
    '2024-05-02T00:00:00.0000000Z',
  ),
  event({
    eventId: 1,
    computer: 'DC01',
    data: {
      Image: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
      CommandLine: 'powershell -nop -enc SQBFAFgA',
      UtcTime: '2024-04-30 23:59:59.999',
    },
  }),
  { ...event({ eventId: 4624, provider: 'Microsoft-Windows-Security-Auditing' }), level: 0 },
  event({ eventId: 10, data: { Data: ['first', 'Second'], Empty: '' } }),
];

/** The indexes of the records the query keeps. */
function kept(text: string, options: QueryOptions = {}): number[] {
  const filter = queryFilter(parsed(text, options));
  return records.flatMap((record, index) => (filter(record) ? [index] : []));
}

test('compileQuery: the empty query keeps every row', () => {
  assert.deepEqual(kept(''), [0, 1, 2, 3, 4, 5]);
});

test('compileQuery: field values equal ignoring case, on every value of a repeated field', () => {
  assert.deepEqual(kept('Image:c:\\windows\\system32\\RUNDLL32.EXE'), [0]);
  assert.deepEqual(kept('Image:rundll32.exe'), []);
  assert.deepEqual(kept('eventId:3'), [0, 1, 2]);
  assert.deepEqual(kept('Data:second'), [5]);
  assert.deepEqual(kept('Empty:""'), [5]);
  assert.deepEqual(kept('computer:dc01'), [3]);
});

test('compileQuery: bare words are contained in some field, System fields included', () => {
  assert.deepEqual(kept('beacon'), [1]);
  assert.deepEqual(kept('"-ENC SQB"'), [3]);
  assert.deepEqual(kept('security-auditing'), [4]);
  assert.deepEqual(kept('4624'), [4]);
  assert.deepEqual(kept('nothing-like-this'), []);
});

test('compileQuery: wildcards match the whole value, or inside it when bare', () => {
  assert.deepEqual(kept('Image:*\\rundll32.exe'), [0]);
  assert.deepEqual(kept('Image:c:\\windows\\*'), [0, 3]);
  assert.deepEqual(kept('Image:*.ex?'), [0, 1, 2, 3]);
  assert.deepEqual(kept('Image:*.e?'), []);
  assert.deepEqual(kept('fire*.exe'), [2]);
  assert.deepEqual(kept('"fire*.exe"'), []);
});

test('compileQuery: field:* keeps rows that have the field, even empty', () => {
  assert.deepEqual(kept('CommandLine:*'), [3]);
  assert.deepEqual(kept('Empty:*'), [5]);
  assert.deepEqual(kept('level:*'), [4]);
  assert.deepEqual(kept('-DestinationPort:*'), [3, 4, 5]);
});

test('compileQuery: numeric comparisons and ranges', () => {
  assert.deepEqual(kept('DestinationPort:>443'), [1]);
  assert.deepEqual(kept('DestinationPort:>=443'), [0, 1]);
  assert.deepEqual(kept('DestinationPort:<443'), [2]);
  assert.deepEqual(kept('DestinationPort:<=0x1BB'), [0, 2]);
  assert.deepEqual(kept('DestinationPort:[80 TO 443]'), [0, 2]);
  assert.deepEqual(kept('DestinationPort:{80 TO 443]'), [0]);
  assert.deepEqual(kept('DestinationPort:80..443'), [0, 2]);
  assert.deepEqual(kept('DestinationPort:[1000 TO *]'), [1]);
  assert.deepEqual(kept('eventId:[1 TO 10]'), [0, 1, 2, 3, 5]);
  assert.deepEqual(kept('level:0'), [4]);
  assert.deepEqual(kept('level:<1'), [4]);
  assert.deepEqual(kept('Image:>0'), []);
});

test('compileQuery: a time stands for its whole span', () => {
  assert.deepEqual(kept('time:2024-05-01'), [0, 1, 3, 4, 5]);
  assert.deepEqual(kept('time:2024-05-01T10:05Z'), [1]);
  assert.deepEqual(kept('time:>2024-05-01T10:00'), [1, 2]);
  assert.deepEqual(kept('time:>=2024-05-01T10:05:00.1234567'), [1, 2]);
  assert.deepEqual(kept('time:>2024-05-01T10:05:00.1234567'), [2]);
  assert.deepEqual(kept('time:<=2024-05-01'), [0, 1, 3, 4, 5]);
  assert.deepEqual(kept('time:<2024-05-02'), [0, 1, 3, 4, 5]);
  assert.deepEqual(kept('time:[2024-05-01T10:05Z TO 2024-05-02]'), [1, 2]);
  assert.deepEqual(kept('time:{2024-05-01 TO 2024-05-02]'), [2]);
  assert.deepEqual(kept('time:2024-05-01T12:00+02:00'), [0, 3, 4, 5]);
});

test('compileQuery: times in field values are read in ISO and Sysmon forms', () => {
  assert.deepEqual(kept('UtcTime:2024-04-30'), [3]);
  assert.deepEqual(kept('UtcTime:>2024-04-30T23:59:59.998Z'), [3]);
  assert.deepEqual(kept('UtcTime:>2024-04-30T23:59:59.999Z'), []);
  assert.deepEqual(kept('UtcTime:<2024-05-01'), [3]);
});

test('compileQuery: regular expressions search the value', () => {
  assert.deepEqual(kept('CommandLine:/-e(nc)?\\s/'), [3]);
  assert.deepEqual(kept('CommandLine:/^POWERSHELL/'), []);
  assert.deepEqual(kept('CommandLine:/^POWERSHELL/i'), [3]);
  assert.deepEqual(kept('Image:/\\\\(rundll|power)/i'), [0, 3]);
  assert.deepEqual(kept('beacon\\.exe$', { regexMode: true }), [1]);
  assert.deepEqual(kept('"^DC0\\d$"', { regexMode: true }), [3]);
});

test('compileQuery: AND, OR, NOT and parentheses combine', () => {
  assert.deepEqual(kept('eventId:3 DestinationPort:>100'), [0, 1]);
  assert.deepEqual(kept('eventId:3 AND -DestinationPort:443'), [1, 2]);
  assert.deepEqual(kept('eventId:1 OR eventId:10'), [3, 5]);
  assert.deepEqual(kept('eventId:3 DestinationPort:80 OR eventId:10'), [2, 5]);
  assert.deepEqual(kept('eventId:3 (DestinationPort:80 OR eventId:10)'), [2]);
  assert.deepEqual(kept('NOT (eventId:3 OR eventId:1)'), [4, 5]);
  assert.deepEqual(kept('-Image:x'), [0, 1, 2, 3, 4, 5]);
});

test('compileQuery: field names ignore case, even when the parser was not told the fields', () => {
  assert.deepEqual(kept('image:*beacon.exe'), [1]);
  assert.deepEqual(kept('DESTINATIONPORT:8080'), [1]);
  assert.deepEqual(kept('EventID:4624'), [4]);
});

test('compileQuery runs over a columnar cursor without building rows', () => {
  const columns: Record<string, readonly (string | undefined)[]> = {
    eventId: ['3', '3', '1'],
    Image: ['a.exe', undefined, 'b.exe'],
    DestinationPort: ['443', '53', undefined],
  };
  const cursor = new (class implements QueryRow {
    index = 0;
    field(name: string): FieldValue | undefined {
      return columns[name]?.[this.index];
    }
    someValue(test: (value: string) => boolean): boolean {
      return Object.values(columns).some((column) => {
        const value = column[this.index];
        return value !== undefined && test(value);
      });
    }
  })();

  const result = parseQuery('eventId:3 (Image:*.exe OR DestinationPort:<100)');
  assert.ok(result.ok);
  const predicate = compileQuery(result.ast);
  const matches = [0, 1, 2].filter((index) => {
    cursor.index = index;
    return predicate(cursor);
  });
  assert.deepEqual(matches, [0, 1]);
});

test('compileQuery throws for a hand-built tree with a bad regular expression', () => {
  assert.throws(
    () =>
      compileQuery({ kind: 'term', field: 'x', match: { kind: 'regex', source: '[', flags: '' } }),
    SyntaxError,
  );
});
