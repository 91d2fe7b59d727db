/**
 * The hunt engine finds what the generator injected, and nothing else: a check of the engine and
 * of the generator's realism at once.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { HuntEngine, defaultKnowledge, type Finding } from '@evtxhunt/hunt';

import type { Label } from '../src/injections.js';
import { generate, readBack } from './support/generate.js';

/** The finding kind each label kind should raise. */
const EXPECTED: Readonly<Record<Label['kind'], Finding['kind']>> = {
  beacon: 'beacon',
  'lolbin-download': 'lolbin-outbound',
  'user-writable-outbound': 'user-writable-outbound',
  'lateral-movement': 'lateral-movement',
};

function matches(finding: Finding, label: Label): boolean {
  const kind = EXPECTED[label.kind];
  const kinds = [finding.kind, ...(finding.alsoMatched ?? [])];
  return (
    kinds.includes(kind) &&
    finding.computer === label.computer &&
    finding.image === label.image &&
    finding.destinationIp === label.destinationIp &&
    finding.destinationPort === label.destinationPort
  );
}

test('HuntEngine finds every injected beacon, download, phone-home and lateral movement', async () => {
  const log = generate({ seed: 5, sizeBytes: 2 * 1024 * 1024, hosts: 12, lateral: 3 });
  const { records } = await readBack(log.bytes);
  const engine = new HuntEngine({ knowledge: defaultKnowledge() });
  for (const record of records) engine.add(record);
  const { findings } = engine.report();

  for (const label of log.labels) {
    const found = findings.find((finding) => matches(finding, label));
    assert.ok(found, `no ${EXPECTED[label.kind]} finding for ${JSON.stringify(label)}`);
    if (label.kind === 'beacon') assert.equal(found.count, label.count);
  }
});

test('HuntEngine raises no outbound finding on the background activity alone', async () => {
  const none = { beacons: 0, downloads: 0, phoneHome: 0, lateral: 0 };
  const log = generate({ seed: 6, sizeBytes: 2 * 1024 * 1024, hosts: 12, ...none });
  const { records } = await readBack(log.bytes);
  const engine = new HuntEngine({ knowledge: defaultKnowledge() });
  for (const record of records) engine.add(record);

  assert.deepEqual(
    engine.report().findings.map((finding) => `${finding.kind} ${finding.image}`),
    [],
  );
});
