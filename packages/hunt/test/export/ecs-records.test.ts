import assert from 'node:assert/strict';
import { test } from 'node:test';

import { ecsRecordDocument, ecsRecordLine } from '../../src/export/ecs-records.js';
import { HOSTILE } from './hostile-record.js';

test('ecsRecordDocument maps a Sysmon network event to ECS, keeping only values ECS can hold', () => {
  const doc = ecsRecordDocument(HOSTILE, 'a.evtx');

  assert.equal(doc.get('@timestamp'), '2024-05-01T10:00:00.1234567Z');
  assert.equal(doc.get('event.code'), '3');
  assert.equal(doc.get('winlog.record_id'), '18446744073709551615');
  assert.equal(doc.get('process.executable'), 'C:\\evil\x1b]0;pwned\x07.exe');
  assert.equal(doc.get('process.name'), 'evil\x1b]0;pwned\x07.exe');
  assert.equal(doc.get('destination.port'), 443);
  assert.equal(doc.get('source.ip'), 'fe80::1');
  assert.equal(doc.get('network.transport'), 'tcp');
  assert.equal(doc.get('network.direction'), 'egress');
  assert.equal(doc.get('user.domain'), 'CORP');
  assert.equal(doc.get('user.name'), 'alice');
  assert.deepEqual(doc.get('file.hash'), { sha256: 'AB12' });
});

test('ecsRecordDocument leaves out a pid, port or address that is not one', () => {
  const doc = ecsRecordDocument(HOSTILE, 'a.evtx');

  assert.equal(doc.get('process.pid'), undefined);
  assert.equal(doc.get('source.port'), undefined);
  assert.equal(doc.get('destination.ip'), undefined);
  assert.equal(doc.get('winlog.event_data.DestinationIp'), '10.0.0.1; DROP');
});

test('ecsRecordDocument reads no Sysmon fields from another provider and tags a recovered record', () => {
  const record = { ...HOSTILE, provider: 'Microsoft-Windows-Security-Auditing', recovered: true };
  const doc = ecsRecordDocument(record as typeof HOSTILE, 'a.evtx');

  assert.equal(doc.get('process'), undefined);
  assert.deepEqual(doc.get('tags'), ['evtxhunt-recovered']);
});

test('ecsRecordLine escapes every control character', () => {
  const line = ecsRecordLine(HOSTILE, 'a.evtx');

  assert.doesNotMatch(line, /[\u0000-\u001f\u007f-\u009f]/);
  assert.ok(line.startsWith('{"@timestamp":"2024-05-01T10:00:00.1234567Z","ecs":{"version":'));
});

test('ecsRecordDocument writes the level name and no event.created (no agent read the event)', () => {
  const doc = ecsRecordDocument({ ...HOSTILE, level: 3 }, 'a.evtx');

  assert.equal(doc.get('log.level'), 'warning');
  assert.equal(doc.get('event.created'), undefined);
  assert.equal(
    ecsRecordDocument({ ...HOSTILE, level: 0 }, 'a.evtx').get('log.level'),
    'information',
  );
});

test('ecsRecordDocument falls back on the written time for @timestamp', () => {
  const doc = ecsRecordDocument({ ...HOSTILE, timeCreated: undefined }, 'a.evtx');

  assert.equal(doc.get('@timestamp'), '2024-05-01T10:00:01.0000000Z');
});
