import assert from 'node:assert/strict';
import { test } from 'node:test';

import { EvidenceColumns, FileNames } from '../../src/engine/evidence-columns.js';
import type { Activity } from '../../src/events/activity.js';
import { parseIsoTime } from '../../src/events/time.js';
import { EVIDENCE_LIMIT, limitEvidence } from '../../src/findings/evidence-limit.js';

function activity(iso: string, recordId: string, file?: string, eventId = 3): Activity {
  const time = parseIsoTime(iso);
  if (time === undefined) throw new Error(`bad time ${iso}`);
  const source = { recordId, eventId, provider: 'Microsoft-Windows-Sysmon' };
  return {
    kind: 'process-end',
    computer: 'WS01',
    time,
    process: {},
    source: file === undefined ? source : { file, ...source },
  };
}

test('EvidenceColumns.at gives back the evidence added, times to the 100 ns tick', () => {
  const columns = new EvidenceColumns(new FileNames());
  const times = [
    '2024-05-01T10:00:00.0000000Z',
    '2024-05-01T10:00:00.9999999Z',
    '2017-10-23T07:14:47.8670001Z',
    '1999-12-31T23:59:59.1234567Z',
  ];
  times.forEach((iso, i) => columns.add(activity(iso, String(i * 1000), 'a.evtx')));
  columns.add(activity('2024-05-01T10:00:00.5000000Z', '18446744073709551615', 'b.evtx', 1));
  columns.add(activity('2024-05-01T10:00:00.5000000Z', '7'));
  columns.add(activity('2024-05-01T10:00:00.5000000Z', '4294967295', 'a.evtx'));
  columns.add(activity('2024-05-01T10:00:00.5000000Z', '4294967296', 'a.evtx'));
  columns.add(activity('2024-05-01T10:00:00.5000000Z', '007', 'a.evtx'));

  assert.deepEqual(
    times.map((_, i) => columns.at(i)),
    times.map((iso, i) => ({ file: 'a.evtx', recordId: String(i * 1000), eventId: 3, time: iso })),
  );
  assert.deepEqual(columns.at(4), {
    file: 'b.evtx',
    recordId: '18446744073709551615',
    eventId: 1,
    time: '2024-05-01T10:00:00.5000000Z',
  });
  assert.deepEqual(columns.at(5), {
    recordId: '7',
    eventId: 3,
    time: '2024-05-01T10:00:00.5000000Z',
  });
  // The largest id a column holds, one past it, and a form that is not plain come back as given.
  assert.deepEqual(
    [6, 7, 8].map((at) => columns.at(at).recordId),
    ['4294967295', '4294967296', '007'],
  );
});

test('EvidenceColumns.listed orders by time, ties in the order added', () => {
  const columns = new EvidenceColumns(new FileNames());
  columns.add(activity('2024-05-01T10:00:02.0000000Z', '1'));
  columns.add(activity('2024-05-01T10:00:01.0000001Z', '2'));
  columns.add(activity('2024-05-01T10:00:01.0000000Z', '3'));
  columns.add(activity('2024-05-01T10:00:01.0000001Z', '4'));

  const { evidence, omitted } = columns.listed();
  assert.deepEqual(
    evidence.map((one) => one.recordId),
    ['3', '2', '4', '1'],
  );
  assert.equal(omitted, 0);
});

test('EvidenceColumns.listed keeps the first and last halves past the limit and counts the rest', () => {
  const columns = new EvidenceColumns(new FileNames());
  const count = EVIDENCE_LIMIT + 501;
  for (let i = count - 1; i >= 0; i--) {
    const iso = new Date(Date.UTC(2024, 0, 1) + i * 1000).toISOString().replace('Z', '0000Z');
    columns.add(activity(iso, String(i + 1)));
  }

  const { evidence, omitted } = columns.listed();
  assert.equal(evidence.length, EVIDENCE_LIMIT);
  assert.equal(omitted, 501);
  assert.equal(evidence[0]?.recordId, '1');
  assert.equal(evidence[EVIDENCE_LIMIT / 2 - 1]?.recordId, String(EVIDENCE_LIMIT / 2));
  assert.equal(evidence[EVIDENCE_LIMIT / 2]?.recordId, String(count - EVIDENCE_LIMIT / 2 + 1));
  assert.equal(evidence.at(-1)?.recordId, String(count));
});

test('limitEvidence adds what earlier cuts left out', () => {
  const rows = Array.from({ length: EVIDENCE_LIMIT + 10 }, (_, i) => ({
    recordId: String(i),
    eventId: 3,
    time: '2024-05-01T10:00:00.0000000Z',
  }));
  const { evidence, omitted } = limitEvidence(rows, 5);
  assert.equal(evidence.length, EVIDENCE_LIMIT);
  assert.equal(omitted, 15);
  assert.equal(evidence.at(-1)?.recordId, String(EVIDENCE_LIMIT + 9));
});

test('EvidenceColumns.at gives back every file past 255 and past 65,535 file names', () => {
  const columns = new EvidenceColumns(new FileNames());
  const count = 70_000;
  const iso = '2024-05-01T10:00:00.0000000Z';
  for (let i = 0; i < count; i++) columns.add(activity(iso, String(i + 1), `log-${i}.evtx`));

  for (const at of [0, 255, 256, 65_534, 65_535, count - 1]) {
    assert.deepEqual(columns.at(at), {
      file: `log-${at}.evtx`,
      recordId: String(at + 1),
      eventId: 3,
      time: iso,
    });
  }
});
