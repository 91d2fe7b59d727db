import assert from 'node:assert/strict';
import { test } from 'node:test';

import { EVIDENCE_LIMIT } from '@evtxhunt/hunt';

import { EvidenceEnds } from '../src/evidence-ends.js';
import { attackTechniques, sigmaFindings } from '../src/index.js';
import { oneRule, sysmon } from './support.js';

test('attackTechniques: attack.tNNNN tags upper-cased, tactics left out', () => {
  assert.deepEqual(
    attackTechniques(['attack.execution', 'attack.t1059.001', 'attack.T1105', 'cve.2021-1']),
    ['T1059.001', 'T1105'],
  );
});

test('sigmaFindings: one finding per rule and computer, with the rule', () => {
  const set = oneRule("selection:\n  Image|endswith: '\\evil.exe'\ncondition: selection");
  const records = [
    sysmon({ Image: 'C:\\evil.exe', CommandLine: 'x' }),
    { ...sysmon({ Image: 'D:\\evil.exe' }), timeCreated: '2024-03-05T15:00:00.0000000Z' },
    { ...sysmon({ Image: 'C:\\evil.exe' }), computer: 'host2' },
  ];
  const findings = sigmaFindings(records.flatMap((record) => set.match(record)));
  assert.equal(findings.length, 2);
  const first = findings.find((finding) => finding.computer === 'host1');
  assert.equal(first?.kind, 'sigma');
  assert.equal(first?.severity, 'high');
  assert.equal(first?.count, 2);
  assert.equal(first?.image, 'C:\\evil.exe');
  assert.equal(first?.lastSeen, '2024-03-05T15:00:00.0000000Z');
  assert.deepEqual(first?.sigma?.techniques, ['T1059.001']);
  assert.deepEqual(first?.sigma?.fields, { Image: 'C:\\evil.exe' });
  assert.equal(first?.why, 'Sigma rule "Test rule" (a high rule) matched 2 events.');
});

/** 2024-03-05 at `second` seconds past 14:00, with 100-ns digits. */
function at(second: number): string {
  const time = new Date(Date.UTC(2024, 2, 5, 14, 0, second)).toISOString().slice(0, 19);
  return `${time}.0000000Z`;
}

test('sigmaFindings: past EVIDENCE_LIMIT, the first and last halves by time, in any order read', () => {
  const set = oneRule("selection:\n  Image|endswith: '\\evil.exe'\ncondition: selection");
  const total = 2 * EVIDENCE_LIMIT + 500;
  // Read out of time order: the second of match i is i * 7919 mod total (7919 is prime).
  const matches = Array.from({ length: total }, (_, i) => {
    const second = (i * 7919) % total;
    const record = { ...sysmon({ Image: 'C:\\evil.exe' }), recordId: String(second) };
    return set.match({ ...record, timeCreated: at(second) });
  }).flat();
  const [finding] = sigmaFindings(matches);
  const half = EVIDENCE_LIMIT / 2;
  const expected = [
    ...Array.from({ length: half }, (_, i) => i),
    ...Array.from({ length: half }, (_, i) => total - half + i),
  ];
  assert.equal(finding?.count, total);
  assert.equal(finding?.evidenceOmitted, total - EVIDENCE_LIMIT);
  assert.deepEqual(
    finding?.evidence.map((evidence) => Number(evidence.recordId)),
    expected,
  );
  assert.deepEqual(
    finding?.evidence.map((evidence) => evidence.time),
    expected.map(at),
  );
  assert.equal(finding?.firstSeen, at(0));
  assert.equal(finding?.lastSeen, at(total - 1));
});

test('EvidenceEnds: ties keep the order added; every item while under the limit', () => {
  const ends = new EvidenceEnds(4);
  const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
  const times = [at(5), at(1), at(5), at(9), at(1), at(9), at(5)];
  ids.forEach((recordId, i) => ends.add({ recordId, eventId: 1, time: times[i]! }));
  const { evidence, omitted } = ends.listed();
  assert.deepEqual(
    evidence.map((item) => item.recordId),
    ['b', 'e', 'd', 'f'],
  );
  assert.equal(omitted, 3);

  const few = new EvidenceEnds(4);
  ['x', 'y'].forEach((recordId, i) => few.add({ recordId, eventId: 1, time: at(2 - i) }));
  assert.deepEqual(few.listed(), {
    evidence: [
      { recordId: 'y', eventId: 1, time: at(1) },
      { recordId: 'x', eventId: 1, time: at(2) },
    ],
    omitted: 0,
  });
});
