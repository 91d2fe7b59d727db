import { test } from 'node:test';
import assert from 'node:assert/strict';

import type { Finding } from '../../src/findings/finding.js';
import { findingEcsDocument } from '../../src/export/ecs-findings.js';

const LOLBIN: Finding = {
  kind: 'lolbin-outbound',
  severity: 'high',
  computer: 'WS01',
  image: 'C:\\Windows\\System32\\regsvr32.exe',
  processGuid: '{1}',
  destinationIp: '::ffff:104.20.208.21',
  destinationPort: 80,
  queriedName: 'evil.example',
  firstSeen: '2024-05-01T10:00:00.1234567Z',
  lastSeen: '2024-05-01T11:00:00.0000000Z',
  count: 3,
  evidence: [
    {
      file: 'a.evtx',
      recordId: '18446744073709551615',
      eventId: 3,
      time: '2024-05-01T10:00:00.1234567Z',
    },
    {
      file: 'a.evtx',
      recordId: '9',
      eventId: 3,
      time: '2024-05-01T11:00:00.0000000Z',
      recovered: true,
    },
  ],
  evidenceOmitted: 1,
  why: 'regsvr32.exe connected out.',
};

test('findingEcsDocument writes an alert with the rule, the technique and the evidence records', () => {
  assert.deepEqual(findingEcsDocument(LOLBIN), {
    '@timestamp': '2024-05-01T10:00:00.1234567Z',
    ecs: { version: '8.11.0' },
    message: 'regsvr32.exe connected out.',
    event: {
      kind: 'alert',
      provider: 'evtxhunt',
      severity: 3,
      start: '2024-05-01T10:00:00.1234567Z',
      end: '2024-05-01T11:00:00.0000000Z',
      reason: 'regsvr32.exe connected out.',
    },
    rule: { name: 'lolbin-outbound' },
    labels: { severity: 'high' },
    host: { name: 'WS01' },
    process: {
      executable: 'C:\\Windows\\System32\\regsvr32.exe',
      name: 'regsvr32.exe',
      entity_id: '{1}',
    },
    destination: { ip: '104.20.208.21', port: 80 },
    dns: { question: { name: 'evil.example' } },
    threat: { framework: 'MITRE ATT&CK', technique: { id: ['T1218.010'] } },
    evtxhunt: {
      count: 3,
      evidence: [
        {
          file: 'a.evtx',
          record_id: '18446744073709551615',
          event_id: '3',
          time: '2024-05-01T10:00:00.1234567Z',
          recovered: undefined,
        },
        {
          file: 'a.evtx',
          record_id: '9',
          event_id: '3',
          time: '2024-05-01T11:00:00.0000000Z',
          recovered: true,
        },
      ],
      evidence_omitted: 1,
    },
  });
});

test('findingEcsDocument leaves out an address ECS cannot hold and a technique it does not know', () => {
  const { queriedName, ...withoutName } = LOLBIN;
  const beacon: Finding = {
    ...withoutName,
    kind: 'beacon',
    image: 'C:\\Users\\a\\beacon.exe',
    destinationIp: '10.0.0.1; DROP',
    sourceIp: 'fe80::1%12',
  };
  const doc = findingEcsDocument(beacon);

  assert.deepEqual(doc['destination'], { port: 80 });
  assert.equal(doc['source'], undefined);
  assert.equal(queriedName, 'evil.example');
  assert.equal(doc['dns'], undefined);
  assert.equal(doc['threat'], undefined);
  assert.deepEqual(doc['rule'], { name: 'beacon' });
});
