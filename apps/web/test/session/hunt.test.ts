import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import { huntBench, huntReady, openPaths } from '../support/hunt.js';
import { ISSUE43, SHARED_EVTX, SHARED_ROOT, SKIP_SHARED } from '../support/paths.js';

const VSTO = `${SHARED_EVTX}/sysmonresources/vstoAbuse.evtx`;
const MOON = `${SHARED_EVTX}/sytemmoon-ctf/sysmon.evtx`;
const SWIFT = `${SHARED_ROOT}/sysmon-configs/SwiftOnSecurity/sysmonconfig-export.xml`;

test(
  'HuntSession hunts every row once loading is over and reports the beacon',
  { skip: SKIP_SHARED },
  async () => {
    const bench = huntBench();
    await openPaths(bench, [VSTO]);
    await huntReady(bench);

    const outcome = bench.hunt.outcome.value;
    assert.equal(outcome?.records, 101);
    assert.equal(outcome?.report.input.networkConnections, 25);
    const findings = bench.hunt.result.value?.findings ?? [];
    assert.deepEqual(
      findings.map((f) => [f.kind, f.severity, f.destinationIp, f.destinationPort, f.count]),
      [
        ['beacon', 'medium', '172.30.1.253', 80, 24],
        ['lolbin-outbound', 'medium', '172.30.1.253', 8000, 1],
      ],
    );
    assert.equal(bench.hunt.status.value.state, 'ready');
    assert.ok((bench.hunt.status.value.tookMs ?? -1) >= 0);
  },
);

test('HuntSession adds a file opened later to the same hunt', { skip: SKIP_SHARED }, async () => {
  const bench = huntBench();
  await openPaths(bench, [VSTO]);
  await huntReady(bench);
  await openPaths(bench, [MOON]);
  await huntReady(bench);

  assert.equal(bench.hunt.outcome.value?.records, 800);
  const kinds = bench.hunt.result.value?.findings.map((finding) => finding.kind) ?? [];
  assert.equal(kinds.length, 10);
  assert.equal(kinds[0], 'chain');
  assert.ok(kinds.includes('beacon'));
});

test(
  'HuntSession applies an allowlist and a configuration without hunting again',
  { skip: SKIP_SHARED },
  async () => {
    const bench = huntBench();
    await openPaths(bench, [VSTO]);
    await huntReady(bench);
    const outcome = bench.hunt.outcome.value;

    const allowlist = new Blob(['# known\nimage=*\\powershell.exe port=8000\n']);
    await bench.hunt.loadAllowlist(allowlist, 'allow.txt');
    await bench.hunt.loadConfig(new Blob([await readFile(SWIFT)]), 'sysmonconfig-export.xml');

    assert.equal(bench.hunt.outcome.value, outcome, 'the same report');
    assert.deepEqual(
      bench.hunt.result.value?.findings.map((f) => f.kind),
      ['beacon'],
    );
    assert.deepEqual(bench.hunt.result.value?.suppressed, [
      { rule: 'image=*\\powershell.exe port=8000', line: 2, count: 1, kinds: ['lolbin-outbound'] },
    ]);
    const coverage = bench.hunt.coverage.value;
    assert.equal(coverage?.basis, 'config');
    assert.equal(coverage?.blindSpots.length, 66);
    assert.deepEqual(
      coverage?.blindSpots.find((spot) => spot.label === 'chrome.exe'),
      {
        category: 'common-process',
        label: 'chrome.exe',
        reason: 'no NetworkConnect include rule matches',
      },
    );
  },
);

test('HuntSession names a setup file it cannot read, and loads nothing from it', async () => {
  const bench = huntBench();

  await bench.hunt.loadAllowlist(new Blob(['image=a.exe\nport=http\n']), 'allow.txt');
  assert.equal(bench.hunt.problem.value?.file, 'allowlist');
  assert.match(
    bench.hunt.problem.value?.message ?? '',
    /^Cannot read allowlist allow\.txt line 2: /,
  );
  await bench.hunt.loadConfig(new Blob(['<Sysmon><EventFiltering>']), 'broken.xml');
  assert.equal(bench.hunt.problem.value?.file, 'config');
  assert.match(
    bench.hunt.problem.value?.message ?? '',
    /^Cannot read Sysmon configuration "broken\.xml": /,
  );
  assert.equal(bench.hunt.config.value, undefined);
  assert.equal(bench.hunt.allowlist.value, undefined);
});

test('HuntSession on the bundled sample: 1730 records, the pivot of the engine', async () => {
  const bench = huntBench();
  await openPaths(bench, [ISSUE43]);
  await huntReady(bench);

  const report = bench.hunt.outcome.value?.report;
  assert.equal(report?.input.records, 1730);
  assert.equal(report?.pivot[0]?.count, 11);
});

test('OutboundSession groups the table rows once its tab is open', async () => {
  const bench = huntBench();
  await openPaths(bench, [ISSUE43]);
  await huntReady(bench);
  const outbound = bench.hunt.outbound;
  assert.equal(outbound.computing.value, false);
  assert.equal(outbound.table.peek()?.viewRows, undefined, 'nothing counted while hidden');

  bench.hunt.tab.value = 'outbound';
  await outbound.refresh();

  const table = outbound.table.value;
  assert.equal(table?.viewRows, 1730);
  assert.equal(table?.connections, 137);
  assert.deepEqual(
    table?.groups.slice(0, 3).map((group) => [group.count, group.destinationIp]),
    [
      [11, '220.202.77.124'],
      [11, '61.163.111.70'],
      [10, '125.46.22.129'],
    ],
  );
});

test(
  'FindingsSession finds the chain evidence rows and the parent chain',
  { skip: SKIP_SHARED },
  async () => {
    const bench = huntBench();
    await openPaths(bench, [MOON]);
    await huntReady(bench);
    const chain = bench.hunt.result.value?.findings.find((finding) => finding.kind === 'chain');
    assert.ok(chain !== undefined);

    bench.hunt.findings.choose(chain);
    const open = await until(
      () => bench.hunt.findings.evidence.value?.chain && bench.hunt.findings.evidence.value,
    );

    assert.equal(open.finding, chain);
    const rows = Array.from(open.rows?.rows ?? []);
    assert.deepEqual(
      rows.map((row) => bench.store.cell(row, 'recordId')),
      chain.evidence.map((item) => item.recordId),
    );
    assert.equal(open.chain?.links.at(-1)?.processGuid, chain.processGuid);
  },
);

/** Resolves to the first truthy value of `read`, polled every few milliseconds. */
async function until<T>(read: () => T | undefined | false, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = read();
    if (value) return value;
    if (Date.now() > end) throw new Error(`nothing after ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
