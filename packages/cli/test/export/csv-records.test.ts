import assert from 'node:assert/strict';
import { test } from 'node:test';

import { csvRecordLine, csvRecordPreamble } from '../../src/export/csv-records.js';
import { HOSTILE } from './hostile-record.js';

test('csvRecordPreamble: the note line, then the fixed header with the zone in the time columns', () => {
  const [note, header] = csvRecordPreamble();

  assert.match(note ?? '', /^"# Formula neutralisation: .* shown as escapes such as \\x1b\."\r$/);
  assert.equal(
    header,
    'file,recordId,TimeCreated (UTC),eventId,provider,channel,computer,level,task,opcode,' +
      'keywords,version,qualifiers,processId,threadId,userId,providerGuid,eventSourceName,' +
      'activityId,relatedActivityId,headerRecordId,WrittenTime (UTC),recovered,issues,' +
      'data (JSON)\r',
  );
});

test('csvRecordLine neutralises formulas, escapes controls and keeps 64-bit ids exact', () => {
  const line = csvRecordLine(HOSTILE, '+evil.evtx');

  assert.equal(
    line.slice(0, line.indexOf(',"{')),
    "'+evil.evtx,18446744073709551615,2024-05-01T10:00:00.1234567Z,3,Microsoft-Windows-Sysmon," +
      'Microsoft-Windows-Sysmon/Operational,"\'=HYPERLINK(""http://x"")",,,,,,,,,,,,,,7,' +
      '2024-05-01T10:00:01.0000000Z,,',
  );
  assert.ok(line.includes('""Image"":""C:\\\\evil\\u001b]0;pwned\\u0007.exe""'));
  assert.ok(line.includes('""CommandLine"":""@SUM(1,2)\\r\\n\\""quoted\\""""'));
  assert.doesNotMatch(line.slice(0, -1), /[\u0000-\u001f\u007f-\u009f]/);
  assert.ok(line.endsWith('"\r'));
});

test('csvRecordLine marks a recovered record and lists its issues', () => {
  const record = { ...HOSTILE, recovered: true as const, issues: ['a', 'b'] };
  const cells = csvRecordLine(record, 'a.evtx').split(',');

  assert.equal(cells[22], 'true');
  assert.equal(cells[23], 'a; b');
});
