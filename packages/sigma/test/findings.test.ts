import assert from 'node:assert/strict';
import { test } from 'node:test';

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
