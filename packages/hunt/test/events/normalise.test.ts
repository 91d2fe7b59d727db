import assert from 'node:assert/strict';
import { test } from 'node:test';

import { toActivity } from '../../src/events/normalise.js';
import { resolvedAddresses, sysmonActivityTime } from '../../src/events/sysmon.js';
import { parseIsoTime, parseSysmonUtc } from '../../src/events/time.js';
import { event } from '../synthetic.js';

test('parseSysmonUtc keeps milliseconds and widens to seven fraction digits', () => {
  assert.deepEqual(parseSysmonUtc('2019-05-18 20:37:15.123'), {
    iso: '2019-05-18T20:37:15.1230000Z',
    ms: Date.UTC(2019, 4, 18, 20, 37, 15) + 123,
  });
  assert.equal(parseSysmonUtc('2019-05-18 20:37:15')?.iso, '2019-05-18T20:37:15.0000000Z');
  assert.equal(parseSysmonUtc('2019-13-18 20:37:15.123'), undefined);
  assert.equal(parseSysmonUtc('yesterday'), undefined);
});

test('parseIsoTime converts offsets to UTC and keeps 100 ns ticks', () => {
  const utc = parseIsoTime('2024-05-01T10:00:00.1234567Z');
  assert.equal(utc?.iso, '2024-05-01T10:00:00.1234567Z');
  assert.equal(utc?.ms, Date.UTC(2024, 4, 1, 10) + 123.4567);
  assert.equal(parseIsoTime('2024-05-01T12:30:00.5+02:30')?.iso, '2024-05-01T10:00:00.5000000Z');
  assert.equal(parseIsoTime('2024-05-01T00:00:00-01:00')?.iso, '2024-05-01T01:00:00.0000000Z');
});

test('toActivity reads a Sysmon 1 process start with its parent', () => {
  const activity = toActivity(
    event({
      eventId: 1,
      data: {
        UtcTime: '2024-05-01 10:00:01.250',
        ProcessGuid: '{AAAA-1}',
        ProcessId: '4242',
        Image: 'C:\\Windows\\System32\\rundll32.exe',
        CommandLine: 'rundll32.exe C:\\Users\\Public\\a.dll,Start',
        User: 'CORP\\alice',
        ParentProcessGuid: '{AAAA-0}',
        ParentProcessId: '1000',
        ParentImage: 'C:\\Windows\\explorer.exe',
        RuleName: '-',
      },
    }),
  );
  assert.equal(activity?.kind, 'process-start');
  assert.equal(activity.origin, 'sysmon');
  assert.equal(activity.time.iso, '2024-05-01T10:00:01.2500000Z');
  assert.deepEqual(activity.process, {
    guid: '{AAAA-1}',
    pid: 4242,
    image: 'C:\\Windows\\System32\\rundll32.exe',
    user: 'CORP\\alice',
  });
  assert.deepEqual(activity.parent, {
    guid: '{AAAA-0}',
    pid: 1000,
    image: 'C:\\Windows\\explorer.exe',
  });
  assert.equal(activity.commandLine, 'rundll32.exe C:\\Users\\Public\\a.dll,Start');
  assert.equal('ruleName' in activity, false, 'RuleName "-" means none');
});

test('toActivity reads Security 4688 with hex process ids as a process start', () => {
  const activity = toActivity(
    event({
      eventId: 4688,
      provider: 'Microsoft-Windows-Security-Auditing',
      channel: 'Security',
      timeCreated: '2024-05-01T10:00:02.0000001Z',
      data: {
        SubjectUserName: 'alice',
        SubjectDomainName: 'CORP',
        SubjectLogonId: '0x3e7',
        NewProcessId: '0x1a2c',
        NewProcessName: 'C:\\Windows\\System32\\cmd.exe',
        ProcessId: '0x3e8',
        ParentProcessName: 'C:\\Windows\\System32\\wbem\\WmiPrvSE.exe',
        CommandLine: 'cmd.exe /c whoami',
        TargetUserName: '-',
        MandatoryLabel: 'S-1-16-12288',
      },
    }),
  );
  assert.equal(activity?.kind, 'process-start');
  assert.equal(activity.origin, 'security');
  assert.equal(activity.time.iso, '2024-05-01T10:00:02.0000001Z');
  assert.deepEqual(activity.process, {
    pid: 0x1a2c,
    image: 'C:\\Windows\\System32\\cmd.exe',
    user: 'CORP\\alice',
  });
  assert.deepEqual(activity.parent, {
    pid: 1000,
    image: 'C:\\Windows\\System32\\wbem\\WmiPrvSE.exe',
    user: 'CORP\\alice',
  });
  assert.equal(activity.integrityLevel, 'High');
  assert.equal(activity.logonId, '0x3e7');
});

test('toActivity reads Sysmon 3 ports as numbers and Initiated as a boolean', () => {
  const activity = toActivity(
    event({
      eventId: 3,
      data: {
        UtcTime: '2024-05-01 10:00:03.999',
        ProcessGuid: '{AAAA-1}',
        Image: 'C:\\x.exe',
        Initiated: 'True',
        SourceIp: '10.0.0.5',
        SourcePort: '50123',
        DestinationIp: '203.0.113.7',
        DestinationPort: '443',
        DestinationHostname: '-',
      },
    }),
  );
  assert.equal(activity?.kind, 'network');
  assert.equal(activity.initiated, true);
  assert.equal(activity.destinationPort, 443);
  assert.equal(activity.sourcePort, 50123);
  assert.equal(activity.destinationHostname, undefined);
  assert.equal(activity.time.ms, Date.UTC(2024, 4, 1, 10, 0, 3) + 999);
});

test('toActivity reads Sysmon 10 source and target with the GUID spelling', () => {
  const activity = toActivity(
    event({
      eventId: 10,
      data: {
        UtcTime: '2024-05-01 10:00:04.000',
        SourceProcessGUID: '{S}',
        SourceProcessId: '10',
        SourceImage: 'C:\\Users\\Public\\m.exe',
        TargetProcessGUID: '{T}',
        TargetProcessId: '700',
        TargetImage: 'C:\\Windows\\system32\\lsass.exe',
        GrantedAccess: '0x1010',
      },
    }),
  );
  assert.equal(activity?.kind, 'process-access');
  assert.deepEqual(activity.process, { guid: '{S}', pid: 10, image: 'C:\\Users\\Public\\m.exe' });
  assert.deepEqual(activity.target, {
    guid: '{T}',
    pid: 700,
    image: 'C:\\Windows\\system32\\lsass.exe',
  });
  assert.equal(activity.grantedAccess, '0x1010');
});

test('toActivity covers file, registry, pipe, image load and tampering events', () => {
  const kinds = [
    [5, {}, 'process-end'],
    [7, { ImageLoaded: 'C:\\a.dll' }, 'image-load'],
    [8, { TargetImage: 'C:\\b.exe' }, 'remote-thread'],
    [11, { TargetFilename: 'C:\\f' }, 'file-create'],
    [12, { TargetObject: 'HKLM\\x' }, 'registry'],
    [13, { TargetObject: 'HKLM\\x', Details: 'DWORD (0x00000001)' }, 'registry'],
    [14, { TargetObject: 'HKLM\\x', NewName: 'HKLM\\y' }, 'registry'],
    [15, { TargetFilename: 'C:\\f:Zone.Identifier', Hash: 'SHA1=00' }, 'file-stream'],
    [17, { PipeName: '\\msagent_1' }, 'pipe'],
    [18, { PipeName: '\\msagent_1' }, 'pipe'],
    [23, { TargetFilename: 'C:\\f' }, 'file-delete'],
    [25, { Type: 'Image is replaced' }, 'process-tampering'],
    [26, { TargetFilename: 'C:\\f' }, 'file-delete'],
  ] as const;
  for (const [eventId, data, kind] of kinds) {
    const activity = toActivity(
      event({ eventId, data: { UtcTime: '2024-05-01 10:00:00.000', ...data } }),
    );
    assert.equal(activity?.kind, kind, `Event ID ${eventId}`);
  }
});

test('toActivity ignores records it has no use for', () => {
  assert.equal(toActivity(event({ eventId: 4, data: {} })), undefined);
  assert.equal(
    toActivity(
      event({
        eventId: 4624,
        provider: 'Microsoft-Windows-Security-Auditing',
        channel: 'Security',
      }),
    ),
    undefined,
  );
  assert.equal(toActivity(event({ eventId: 3, timeCreated: undefined, data: {} })), undefined);
  assert.equal(
    toActivity(event({ eventId: 11, data: { UtcTime: '2024-05-01 10:00:00.000' } })),
    undefined,
  );
});

test('resolvedAddresses keeps the addresses of QueryResults and drops CNAME entries', () => {
  assert.deepEqual(
    resolvedAddresses('type:  5 edge.example.net;::ffff:13.107.21.200;::ffff:204.79.197.200;'),
    ['::ffff:13.107.21.200', '::ffff:204.79.197.200'],
  );
  assert.deepEqual(resolvedAddresses('2606:4700::6810:84e5;104.16.132.229;'), [
    '2606:4700::6810:84e5',
    '104.16.132.229',
  ]);
  assert.deepEqual(resolvedAddresses('-'), []);
  assert.deepEqual(resolvedAddresses(undefined), []);
});

test('sysmonActivityTime gives the time of the activity toActivity builds, and only then', () => {
  const utc = '2024-05-01 10:00:01.250';
  const cases = [
    ...[1, 3, 5, 8, 10, 25].map((eventId) => ({ eventId, data: { UtcTime: utc } })),
    { eventId: 7, data: { UtcTime: utc, ImageLoaded: 'C:\\a.dll' } },
    { eventId: 7, data: { UtcTime: utc, ImageLoaded: '-' } },
    ...[11, 15, 23, 26].map((eventId) => ({
      eventId,
      data: { UtcTime: utc, TargetFilename: 'a' },
    })),
    { eventId: 11, data: { UtcTime: utc } },
    ...[12, 13, 14].map((eventId) => ({ eventId, data: { UtcTime: utc, TargetObject: 'HKLM' } })),
    { eventId: 13, data: { UtcTime: utc, TargetObject: '' } },
    ...[17, 18].map((eventId) => ({ eventId, data: { UtcTime: utc, PipeName: '\\p' } })),
    { eventId: 18, data: { UtcTime: utc } },
    { eventId: 22, data: { UtcTime: utc, QueryName: 'a.example' } },
    { eventId: 22, data: { UtcTime: utc } },
    { eventId: 4, data: { UtcTime: utc } },
    { eventId: 16, data: { UtcTime: utc } },
    { eventId: 10, data: { UtcTime: 'soon' }, timeCreated: 'never' },
    { eventId: 10, data: { UtcTime: 'soon' } },
  ];
  const made = cases.map((fields) => {
    const record = event(fields);
    assert.deepEqual(sysmonActivityTime(record), toActivity(record)?.time, JSON.stringify(fields));
    return sysmonActivityTime(record)?.iso;
  });

  const times = made.filter((iso) => iso !== undefined);
  assert.equal(times.length, 18);
  assert.equal(times[0], '2024-05-01T10:00:01.2500000Z');
  // A Sysmon time that does not parse falls back to TimeCreated, as for the activity.
  assert.equal(made.at(-1), '2024-05-01T10:00:00.0000000Z');
  assert.equal(made.at(-2), undefined);
});
