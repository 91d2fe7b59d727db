import { test } from 'node:test';
import assert from 'node:assert/strict';

import { toActivity } from '../../src/events/normalise.js';
import { baseName, evidenceOf, summaryOf } from '../../src/story/evidence.js';
import { event } from '../synthetic.js';
import { connect, dnsQuery, guid } from './builders.js';

test('evidenceOf names the file, record, event id and the activity’s own time', () => {
  const activity = toActivity(
    event({ file: 'C:\\logs\\s.evtx', recordId: '77', eventId: 11, data: fileData() }),
  );

  assert.deepEqual(activity && evidenceOf(activity), {
    file: 'C:\\logs\\s.evtx',
    recordId: '77',
    eventId: 11,
    time: '2024-05-01T12:00:00.1230000Z',
  });
});

test('summaryOf: inbound connections point back, IPv6 addresses are bracketed', () => {
  const inbound = connect(guid(1), '2001:db8::1', '10:00:00.000', 'false');

  assert.equal(summaryOf(inbound), 'tcp 10.0.0.5:50100 <- [2001:db8::1]:443');
});

test('summaryOf: a DNS query without addresses shows a failing status', () => {
  const failed = dnsQuery(guid(1), 'nx.example', '', '10:00:00.000');
  const status = toActivity(
    event({
      eventId: 22,
      data: { ProcessGuid: guid(1), QueryName: 'nx.example', QueryStatus: '9003' },
    }),
  );

  assert.equal(summaryOf(failed), 'nx.example');
  assert.equal(status && summaryOf(status), 'nx.example (status 9003)');
});

test('summaryOf: registry values and process access name their target', () => {
  const registry = toActivity(
    event({
      eventId: 13,
      data: { EventType: 'SetValue', TargetObject: 'HKU\\Run\\x', Details: 'C:\\x.exe' },
    }),
  );
  const access = toActivity(
    event({
      eventId: 10,
      data: { TargetImage: 'C:\\Windows\\System32\\lsass.exe', GrantedAccess: '0x1010' },
    }),
  );

  assert.equal(registry && summaryOf(registry), 'SetValue HKU\\Run\\x = C:\\x.exe');
  assert.equal(access && summaryOf(access), 'C:\\Windows\\System32\\lsass.exe (access 0x1010)');
});

test('baseName takes the last part of Windows and POSIX paths', () => {
  assert.equal(baseName('C:\\Windows\\System32\\cmd.exe'), 'cmd.exe');
  assert.equal(baseName('/usr/bin/env'), 'env');
  assert.equal(baseName('cmd.exe'), 'cmd.exe');
});

function fileData(): Record<string, string> {
  return { UtcTime: '2024-05-01 12:00:00.123', ProcessGuid: guid(1), TargetFilename: 'C:\\a.txt' };
}
