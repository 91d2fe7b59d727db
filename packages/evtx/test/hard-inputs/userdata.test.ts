/** UserData: leaves keyed by element name; a repeated element becomes an array. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { el, eventRecord, fileWith, sub, userData, value, ValueType } from '../support/index.js';
import { onlyRecord, section } from '../support/parse.js';

const EVENTLOG_NS = 'http://manifests.microsoft.com/win/2004/08/windows/eventlog';

test('toStructured keys UserData leaves by element name and repeats become arrays', async () => {
  const root = el(
    'LogFileCleared',
    { xmlns: EVENTLOG_NS },
    el('SubjectUserSid', {}, sub(0, ValueType.Sid)),
    el('SubjectUserName', {}, sub(1, ValueType.String)),
    el('Privilege', {}, sub(2, ValueType.String)),
    el('Privilege', {}, sub(3, ValueType.String)),
    el('Privilege', {}, sub(4, ValueType.String)),
  );
  const values = [
    value.sid('S-1-5-21-1-2-3-500'),
    value.string('admin'),
    value.string('SeBackupPrivilege'),
    value.string('SeRestorePrivilege'),
    value.string('SeDebugPrivilege'),
  ];
  const { data, xml } = await onlyRecord(
    fileWith(eventRecord({ recordId: 1, eventId: 1102 }, userData(root, values))),
  );
  assert.deepEqual(data.data, {
    SubjectUserSid: 'S-1-5-21-1-2-3-500',
    SubjectUserName: 'admin',
    Privilege: ['SeBackupPrivilege', 'SeRestorePrivilege', 'SeDebugPrivilege'],
  });
  assert.equal(
    section(xml, 'UserData'),
    `<UserData><LogFileCleared xmlns='${EVENTLOG_NS}'>` +
      '<SubjectUserSid>S-1-5-21-1-2-3-500</SubjectUserSid><SubjectUserName>admin</SubjectUserName>' +
      '<Privilege>SeBackupPrivilege</Privilege><Privilege>SeRestorePrivilege</Privilege>' +
      '<Privilege>SeDebugPrivilege</Privilege></LogFileCleared></UserData>',
  );
});
