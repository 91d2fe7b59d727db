import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import { batch, signal } from '@preact/signals';

import type { LoadedFile } from '../../src/files/loaded-file.js';
import type { HuntBatch } from '../../src/hunt/batch-records.js';
import type { HuntOutcome } from '../../src/hunt/protocol.js';
import { HuntSession } from '../../src/session/hunt.js';
import { EventStore } from '../../src/store/event-store.js';
import { identityView } from '../../src/store/view.js';
import { huntBench, huntReady, openPaths } from '../support/hunt.js';
import { ISSUE43, SHARED_EVTX, SHARED_ROOT, SKIP_SHARED } from '../support/paths.js';
import { row } from '../support/rows.js';

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

test('HuntSession sends rows that arrive while its last batch is in flight, then reports', async () => {
  const store = new EventStore();
  const file = store.addFile('a.evtx');
  const source = {
    store,
    rowCount: signal(0),
    files: signal<readonly LoadedFile[]>([loadedFile('reading')]),
    view: signal(identityView(0)),
    columns: signal<readonly string[]>([]),
  };
  const hunter = heldHunter();
  const hunt = new HuntSession(source, { hunter });

  store.append(
    file,
    Array.from({ length: 10 }, (_, i) => row({}, { recordId: String(i + 1) })),
  );
  source.rowCount.value = 10;
  await until(() => hunter.batches.length === 1);
  await new Promise((resolve) => setTimeout(resolve, 20));
  store.append(file, [row({}, { recordId: '11' })]);
  batch(() => {
    source.rowCount.value = 11;
    source.files.value = [loadedFile('done')];
  });
  hunter.release();
  await until(() => hunt.status.value.state === 'ready');

  assert.deepEqual(hunter.batches, [10, 1]);
  assert.equal(hunt.status.value.sent, 11);
  assert.equal(hunt.outcome.value?.records, 11);
});

function loadedFile(state: LoadedFile['state']): LoadedFile {
  return { index: 0, name: 'a.evtx', size: 1, state, records: 0, bytes: 0, diagnosticsOmitted: 0 };
}

/** A hunter whose batches wait until released, and whose report counts what it was sent. */
function heldHunter() {
  let sent = 0;
  const held: (() => void)[] = [];
  const batches: number[] = [];
  let released = false;
  return {
    batches,
    release() {
      released = true;
      for (const resolve of held.splice(0)) resolve();
    },
    add(batch: HuntBatch): Promise<number> {
      batches.push(batch.rows.count);
      sent += batch.rows.count;
      if (released) return Promise.resolve(sent);
      return new Promise<number>((resolve) => held.push(() => resolve(sent)));
    },
    loadRules: () => Promise.reject(new Error('no rules here')),
    forgetRules: () => Promise.resolve(),
    report: async (): Promise<HuntOutcome> => ({
      report: {
        input: {
          records: sent,
          recovered: 0,
          duplicates: 0,
          activities: 0,
          networkConnections: 0,
          computers: [],
        },
        findings: [],
        suppressed: [],
        pivot: [],
      },
      records: sent,
      skipped: [],
      skippedCount: 0,
      addMs: 0,
      reportMs: 0,
    }),
  };
}
