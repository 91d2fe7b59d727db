/**
 * Opening a ready-made finding hunt on the hunted vstoAbuse and CTF logs: the findings list is
 * narrowed to the hunt's kind and its first finding opens; a hunt with none of its kind leaves
 * nothing open (not the finding opened before); choosing a finding of another kind, or Show
 * every finding, widens the list again.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { readyHunt } from '@evtxhunt/hunt';

import { openReadyHunt } from '../../src/session/open-hunt.js';
import type { Workbench } from '../../src/session/workbench.js';
import { huntBench, huntReady, openPaths } from '../support/hunt.js';
import { SHARED_EVTX, SKIP_SHARED } from '../support/paths.js';

const VSTO = `${SHARED_EVTX}/sysmonresources/vstoAbuse.evtx`;
const MOON = `${SHARED_EVTX}/sytemmoon-ctf/sysmon.evtx`;

function open(bench: Workbench, id: string) {
  const hunt = readyHunt(id);
  if (hunt === undefined) assert.fail(`no hunt ${id}`);
  return openReadyHunt(bench, hunt);
}

test(
  'openReadyHunt narrows the findings to its kind, or opens none when there is none',
  { skip: SKIP_SHARED },
  async () => {
    const bench = huntBench();
    await openPaths(bench, [VSTO, MOON]);
    await huntReady(bench);
    const findings = bench.hunt.findings;
    const all = bench.hunt.result.value?.findings ?? [];
    const kinds = all.map((finding) => finding.kind);
    assert.equal(all.length, 10);

    assert.deepEqual(open(bench, 'beaconing'), { omitted: 0, found: true });
    assert.equal(bench.hunt.tab.value, 'findings');
    const beacons = kinds.filter((kind) => kind === 'beacon').length;
    assert.equal(findings.shown.value.length, beacons);
    assert.ok(findings.shown.value.every((finding) => finding.kind === 'beacon'));
    assert.equal(findings.open.value?.kind, 'beacon');

    assert.deepEqual(open(bench, 'service-outbound'), { omitted: 0, found: false });
    assert.deepEqual(findings.shown.value, []);
    assert.equal(findings.open.value, undefined);

    const chain = all.find((finding) => finding.kind === 'chain');
    if (chain === undefined) assert.fail('no chain finding');
    findings.choose(chain);
    assert.equal(findings.onlyKind.value, undefined);
    assert.equal(findings.shown.value.length, 10);
    assert.equal(findings.open.value, chain);
  },
);
