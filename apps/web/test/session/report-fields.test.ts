import { test } from 'node:test';
import assert from 'node:assert/strict';

import { SYSMON_PROVIDER, type EventRecord } from '@evtxhunt/hunt';

import { OTHER_FIELDS_SHOWN, reportFields } from '../../src/session/report-fields.js';

function record(provider: string, eventId: number, data: EventRecord['data']): EventRecord {
  return {
    recordId: '1',
    timeCreated: undefined,
    eventId,
    provider,
    channel: '',
    computer: '',
    data,
  };
}

test('reportFields joins an IPv6 destination and its port with brackets', () => {
  const fields = reportFields(
    record(SYSMON_PROVIDER, 3, {
      Image: 'C:\\svchost.exe',
      DestinationIp: 'ff02:0:0:0:0:0:1:3',
      DestinationPort: '5355',
      SourceIp: 'fe80::1',
    }),
  );
  assert.deepEqual(fields, [
    ['Image', 'C:\\svchost.exe'],
    ['Destination', '[ff02:0:0:0:0:0:1:3]:5355'],
  ]);
});

test('reportFields shows a Security logon by user, type and source, skipping absent fields', () => {
  const fields = reportFields(
    record('Microsoft-Windows-Security-Auditing', 4624, {
      TargetUserName: 'admin',
      LogonType: '10',
      IpAddress: '198.51.100.7',
      IpPort: '50122',
      LogonGuid: '{x}',
    }),
  );
  assert.deepEqual(fields, [
    ['TargetUserName', 'admin'],
    ['LogonType', '10'],
    ['Source', '198.51.100.7:50122'],
  ]);
});

test('reportFields says nothing of a source Windows wrote as - (a 4625 without address)', () => {
  const failed = (IpAddress: string, IpPort: string) =>
    reportFields(
      record('Microsoft-Windows-Security-Auditing', 4625, {
        TargetUserName: 'admin',
        IpAddress,
        IpPort,
        Status: '0xc000006d',
      }),
    );
  assert.deepEqual(failed('-', '-'), [
    ['TargetUserName', 'admin'],
    ['Status', '0xc000006d'],
  ]);
  assert.deepEqual(failed('10.0.0.5', '0')[1], ['Source', '10.0.0.5']);
  assert.deepEqual(failed('10.0.0.5', '-')[1], ['Source', '10.0.0.5']);
});

test('reportFields shows the first fields of an unknown kind, lists joined', () => {
  const data: Record<string, string | string[]> = { '<b>': ['a', 'b'] };
  for (let i = 0; i < OTHER_FIELDS_SHOWN + 2; i++) data[`F${i}`] = String(i);
  const fields = reportFields(record('Custom', 77, data));

  assert.equal(fields.length, OTHER_FIELDS_SHOWN);
  assert.deepEqual(fields.slice(0, 2), [
    ['<b>', 'a; b'],
    ['F0', '0'],
  ]);
});

test('reportFields shows only the listed fields an event has', () => {
  const fields = reportFields(record(SYSMON_PROVIDER, 5, { Image: 'x.exe', ProcessId: '4' }));
  assert.deepEqual(fields, [['Image', 'x.exe']]);
  assert.deepEqual(reportFields(record(SYSMON_PROVIDER, 17, { ProcessId: '4' })), []);
});
