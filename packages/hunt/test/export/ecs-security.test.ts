import assert from 'node:assert/strict';
import { test } from 'node:test';

import { ecsRecordDocument } from '../../src/export/ecs-records.js';
import type { ExportRecord } from '../../src/export/export-record.js';

const SECURITY = 'Microsoft-Windows-Security-Auditing';

/** A Security event as the parser gives it, its data values from OTRF's covenant_sharpwmi. */
function securityEvent(eventId: number, data: Record<string, string>): ExportRecord {
  return {
    recordId: '4711',
    timeCreated: '2020-08-06T07:56:29.9250000Z',
    eventId,
    provider: SECURITY,
    channel: 'Security',
    computer: 'MORDORDC.theshire.local',
    keywords: '0x8020000000000000',
    data,
  };
}

const SUBJECT_SYSTEM = {
  SubjectUserSid: 'S-1-5-18',
  SubjectUserName: 'WORKSTATION6$',
  SubjectDomainName: 'THESHIRE',
  SubjectLogonId: '0x3e7',
};

test('ecsRecordDocument maps a network logon (4624) to user, source and winlog.logon', () => {
  const doc = ecsRecordDocument(
    securityEvent(4624, {
      SubjectUserSid: 'S-1-0-0',
      SubjectUserName: '-',
      TargetUserSid: 'S-1-5-21-1363495622-3806888128-621328882-1113',
      TargetUserName: 'WORKSTATION6$',
      TargetDomainName: 'THESHIRE.LOCAL',
      TargetLogonId: '0xca4629',
      LogonType: '3',
      ProcessId: '0x0',
      ProcessName: '-',
      WorkstationName: '-',
      IpAddress: '172.18.39.6',
      IpPort: '52543',
    }),
    'Security.evtx',
  );

  assert.deepEqual(doc.get('event.category'), ['authentication']);
  assert.equal(doc.get('event.action'), 'logged-in');
  assert.equal(doc.get('event.outcome'), 'success');
  assert.deepEqual(doc.get('user'), {
    name: 'WORKSTATION6$',
    domain: 'THESHIRE.LOCAL',
    id: 'S-1-5-21-1363495622-3806888128-621328882-1113',
  });
  assert.deepEqual(doc.get('source'), { ip: '172.18.39.6', port: 52543 });
  assert.deepEqual(doc.get('winlog.logon'), { type: 'Network', id: '0xca4629' });
  assert.deepEqual(doc.get('process'), { pid: 0 });
});

test('ecsRecordDocument marks a failed logon (4625) a failure and keeps its status codes', () => {
  const record = securityEvent(4625, {
    TargetUserName: 'admin',
    TargetDomainName: 'CORP',
    Status: '0xc000006d',
    SubStatus: '0xc000006a',
    LogonType: '10',
    IpAddress: '::ffff:203.0.113.9',
    IpPort: '0',
  });
  const doc = ecsRecordDocument({ ...record, keywords: '0x8010000000000000' }, 'Security.evtx');

  assert.equal(doc.get('event.outcome'), 'failure');
  assert.equal(doc.get('event.action'), 'logon-failed');
  assert.equal(doc.get('winlog.logon.type'), 'RemoteInteractive');
  assert.equal(doc.get('winlog.logon.failure.status'), '0xc000006d');
  assert.equal(doc.get('winlog.logon.failure.sub_status'), '0xc000006a');
  assert.deepEqual(doc.get('source'), { ip: '203.0.113.9' });
  assert.equal(doc.get('user.name'), 'admin');
});

test('ecsRecordDocument maps logoffs (4634, 4647) and special privileges (4672)', () => {
  const target = { TargetUserName: 'alice', TargetDomainName: 'CORP', TargetLogonId: '0x1f2e3' };
  const logoff = ecsRecordDocument(securityEvent(4634, { ...target, LogonType: '2' }), 'S');
  const userOff = ecsRecordDocument(securityEvent(4647, target), 'S');
  const special = ecsRecordDocument(securityEvent(4672, SUBJECT_SYSTEM), 'S');

  assert.deepEqual(logoff.get('event.type'), ['end']);
  assert.deepEqual(logoff.get('winlog.logon'), { type: 'Interactive', id: '0x1f2e3' });
  assert.equal(userOff.get('event.action'), 'logged-out');
  assert.equal(userOff.get('user.name'), 'alice');
  assert.equal(special.get('event.action'), 'logged-in-special');
  assert.deepEqual(special.get('user'), {
    name: 'WORKSTATION6$',
    domain: 'THESHIRE',
    id: 'S-1-5-18',
  });
  assert.equal(special.get('winlog.logon.id'), '0x3e7');
});

test('ecsRecordDocument maps explicit credentials (4648): the caller, the account used', () => {
  const doc = ecsRecordDocument(
    securityEvent(4648, {
      ...SUBJECT_SYSTEM,
      TargetUserName: 'pgustavo',
      TargetDomainName: 'THESHIRE',
      TargetServerName: 'MORDORDC.theshire.local',
      ProcessId: '0x1f4',
      ProcessName: 'C:\\Windows\\System32\\lsass.exe',
      IpAddress: '-',
      IpPort: '-',
    }),
    'S',
  );

  assert.equal(doc.get('user.name'), 'WORKSTATION6$');
  assert.deepEqual(doc.get('user.effective'), { name: 'pgustavo', domain: 'THESHIRE' });
  assert.equal(doc.get('destination.domain'), 'MORDORDC.theshire.local');
  assert.deepEqual(doc.get('process'), {
    executable: 'C:\\Windows\\System32\\lsass.exe',
    name: 'lsass.exe',
    pid: 500,
  });
  assert.equal(doc.get('source'), undefined);
});

test('ecsRecordDocument maps a process created (4688) and exited (4689)', () => {
  const created = ecsRecordDocument(
    securityEvent(4688, {
      ...SUBJECT_SYSTEM,
      NewProcessId: '0xd84',
      NewProcessName: 'C:\\Windows\\System32\\wbem\\WmiPrvSE.exe',
      ProcessId: '0x380',
      CommandLine: 'C:\\windows\\system32\\wbem\\wmiprvse.exe -secured -Embedding',
      TargetUserSid: 'S-1-0-0',
      TargetUserName: 'WORKSTATION6$',
      TargetDomainName: 'THESHIRE',
      ParentProcessName: 'C:\\Windows\\System32\\svchost.exe',
    }),
    'S',
  );
  const exited = ecsRecordDocument(
    securityEvent(4689, {
      ...SUBJECT_SYSTEM,
      Status: '0x0',
      ProcessId: '0xd84',
      ProcessName: 'C:\\x.exe',
    }),
    'S',
  );

  assert.deepEqual(created.get('process'), {
    executable: 'C:\\Windows\\System32\\wbem\\WmiPrvSE.exe',
    name: 'WmiPrvSE.exe',
    pid: 3460,
    command_line: 'C:\\windows\\system32\\wbem\\wmiprvse.exe -secured -Embedding',
    parent: { executable: 'C:\\Windows\\System32\\svchost.exe', name: 'svchost.exe', pid: 896 },
  });
  assert.equal(created.get('user.id'), 'S-1-5-18');
  assert.equal(created.get('user.effective.id'), 'S-1-0-0');
  assert.deepEqual(exited.get('event.type'), ['end']);
  assert.equal(exited.get('process.pid'), 3460);
  assert.equal(exited.get('process.exit_code'), 0);
});

test('ecsRecordDocument maps services installed (4697 and System 7045)', () => {
  const security = ecsRecordDocument(
    securityEvent(4697, {
      ...SUBJECT_SYSTEM,
      ServiceName: 'PSEXESVC',
      ServiceFileName: '%SystemRoot%\\PSEXESVC.exe',
      ServiceType: '0x10',
    }),
    'S',
  );
  const system: ExportRecord = {
    ...securityEvent(7045, { ServiceName: 'evil', ImagePath: 'C:\\Temp\\e.exe' }),
    provider: 'Service Control Manager',
    channel: 'System',
  };
  const scm = ecsRecordDocument(system, 'System.evtx');

  assert.equal(security.get('service.name'), 'PSEXESVC');
  assert.equal(security.get('file.path'), '%SystemRoot%\\PSEXESVC.exe');
  assert.equal(security.get('user.name'), 'WORKSTATION6$');
  assert.equal(scm.get('event.action'), 'service-installed');
  assert.equal(scm.get('service.name'), 'evil');
  assert.equal(scm.get('file.path'), 'C:\\Temp\\e.exe');
});

test('ecsRecordDocument maps account and group changes to user.target and group', () => {
  const account = ecsRecordDocument(
    securityEvent(4720, {
      ...SUBJECT_SYSTEM,
      TargetUserName: 'backdoor',
      TargetDomainName: 'CORP',
      TargetSid: 'S-1-5-21-1-2-3-1337',
    }),
    'S',
  );
  const member = ecsRecordDocument(
    securityEvent(4732, {
      ...SUBJECT_SYSTEM,
      MemberName: '-',
      MemberSid: 'S-1-5-21-1-2-3-1337',
      TargetUserName: 'Administrators',
      TargetDomainName: 'Builtin',
      TargetSid: 'S-1-5-32-544',
    }),
    'S',
  );

  assert.deepEqual(account.get('event.type'), ['user', 'creation']);
  assert.deepEqual(account.get('user.target'), {
    name: 'backdoor',
    domain: 'CORP',
    id: 'S-1-5-21-1-2-3-1337',
  });
  assert.equal(account.get('user.name'), 'WORKSTATION6$');
  assert.equal(member.get('event.action'), 'added-member-to-group');
  assert.deepEqual(member.get('group'), {
    name: 'Administrators',
    domain: 'Builtin',
    id: 'S-1-5-32-544',
  });
  assert.deepEqual(member.get('user.target'), { id: 'S-1-5-21-1-2-3-1337' });
});

test('ecsRecordDocument maps log clearing (1102, 104) by the Eventlog provider only', () => {
  const cleared: ExportRecord = {
    ...securityEvent(1102, SUBJECT_SYSTEM),
    provider: 'Microsoft-Windows-Eventlog',
  };
  const otherProvider = ecsRecordDocument(securityEvent(1102, SUBJECT_SYSTEM), 'S');
  const doc = ecsRecordDocument(cleared, 'S');

  assert.equal(doc.get('event.action'), 'audit-log-cleared');
  assert.equal(doc.get('user.name'), 'WORKSTATION6$');
  assert.equal(otherProvider.get('event.action'), undefined);
  assert.equal(otherProvider.get('user'), undefined);
});

test('ecsRecordDocument maps share access (5145) to source, user and file', () => {
  const doc = ecsRecordDocument(
    securityEvent(5145, {
      SubjectUserSid: 'S-1-5-18',
      SubjectUserName: 'MORDORDC$',
      SubjectDomainName: 'THESHIRE',
      SubjectLogonId: '0xca5f19',
      IpAddress: 'fe80::3816:b2ee:1b9b:324b',
      IpPort: '49432',
      ShareName: '\\\\*\\SYSVOL',
      ShareLocalPath: '\\??\\C:\\SYSVOL\\sysvol',
      RelativeTargetName: 'theshire.local\\Policies\\gpt.ini',
    }),
    'S',
  );

  assert.deepEqual(doc.get('source'), { ip: 'fe80::3816:b2ee:1b9b:324b', port: 49432 });
  assert.equal(doc.get('user.name'), 'MORDORDC$');
  assert.deepEqual(doc.get('file'), {
    path: '\\??\\C:\\SYSVOL\\sysvol\\theshire.local\\Policies\\gpt.ini',
    name: 'gpt.ini',
  });
  assert.equal(doc.get('winlog.event_data.ShareName'), '\\\\*\\SYSVOL');
});

test('ecsRecordDocument keeps hostile Security values out of typed fields', () => {
  const doc = ecsRecordDocument(
    securityEvent(4624, {
      TargetUserName: 'x',
      LogonType: '99',
      IpAddress: '10.0.0.1:445',
      IpPort: '99999',
      ProcessId: '0x1ffffffff',
      ['__proto__']: 'polluted',
    }),
    'S',
  );

  assert.equal(doc.get('source'), undefined);
  assert.equal(doc.get('winlog.logon.type'), undefined);
  assert.equal(doc.get('process'), undefined);
  assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
});
