import { test } from 'node:test';
import assert from 'node:assert/strict';

import type { ProcessStart } from '../../src/events/activity.js';
import { evidenceOf } from '../../src/story/evidence.js';
import { LoggedStart } from '../../src/story/logged-start.js';

function start(recordId: string, file?: string): ProcessStart {
  return {
    kind: 'process-start',
    origin: 'sysmon',
    computer: 'ws1',
    time: { iso: '2024-05-01T10:00:00.1234567Z', ms: Date.parse('2024-05-01T10:00:00.123Z') },
    process: { pid: 4 },
    parent: {},
    source: {
      recordId,
      eventId: 1,
      provider: 'Microsoft-Windows-Sysmon',
      ...(file ? { file } : {}),
    },
  };
}

test('LoggedStart.evidence equals evidenceOf(start), key order included, for any record id', () => {
  const ids = ['1', '972900', '18446744073709551615', '007', '', 'x12'];
  for (const recordId of ids) {
    for (const file of [undefined, 'a.evtx']) {
      const activity = start(recordId, file);
      const evidence = LoggedStart.of(activity, file).evidence;

      assert.deepEqual(evidence, evidenceOf(activity));
      assert.equal(JSON.stringify(evidence), JSON.stringify(evidenceOf(activity)));
    }
  }
});

test('LoggedStart keeps the start time and origin as given', () => {
  const activity = start('42');
  const logged = LoggedStart.of(activity, undefined);

  assert.deepEqual(logged.time, activity.time);
  assert.equal(logged.origin, 'sysmon');
  assert.equal(logged.evidence.recordId, '42');
});

test('LoggedStart gives back a time whose ISO text says more than its milliseconds', () => {
  const times = [
    { iso: '2024-05-01T10:00:00.1230000Z', ms: Date.parse('2024-05-01T10:00:00.123Z') },
    { iso: '2024-05-01T10:00:00.1234567Z', ms: Date.parse('2024-05-01T10:00:00.123Z') },
    { iso: '1601-01-01T00:00:00.0000000Z', ms: Date.UTC(1601, 0, 1) },
    { iso: '+030828-09-14T02:48:05.4775807Z', ms: 8.64e15 },
  ];
  for (const time of times) {
    const logged = LoggedStart.of({ ...start('1'), time }, undefined);

    assert.deepEqual(logged.time, time);
    assert.equal(logged.ms, time.ms);
  }
});
