/**
 * The Hunts menu's counts on real logs of the shared corpus: each query hunt counted by the
 * menu's sliced pass over the store, checked against known counts and against the same query
 * run over the engine's records (store.record) through the hunt package's own filter.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { READY_HUNTS, parseQuery, queryFilter, readyHunt } from '@evtxhunt/hunt';
import { computed, signal } from '@preact/signals';

import { ReadyHuntsSession, SLICE_MS, SLICE_ROWS } from '../../src/session/ready-hunts.js';
import type { EventStore } from '../../src/store/event-store.js';
import { SHARED_EVTX, SKIP_SHARED } from '../support/paths.js';
import { parseFile } from '../support/parse.js';
import { storeOfFiles } from '../support/store.js';

/** One log per query hunt, each chosen for the events that hunt looks for. */
const LOGS = [
  'evtx-to-mitre-attack/ID7000,7009,7045-Payload_deployed_via_service_-_Tchopper.evtx',
  'evtx-to-mitre-attack/ID4697-New_service_for_Mimikatz.evtx',
  'evtx-attack-samples/DE_104_system_log_cleared.evtx',
  'hayabusa-sample-evtx/T1210_Zerologon_WindowsDefaultLogging.evtx',
  'deepbluecli/Powershell-Invoke-Obfuscation-encoding-menu.evtx',
  'evtx-to-mitre-attack/ID10-Mimikatz_LSASS_process_dump.evtx',
  'sysmonresources/registryautorun.evtx',
  'evtx-attack-samples/sideloading_wwlib_sysmon_7_1_11.evtx',
  'deepbluecli/sliver-sysmon.evtx',
  'sigma-regression/6385697e-9f1b-40bd-8817-f4a91f40508e.evtx',
  'sysmonresources/wcs2-websocket.evtx',
].map((path) => `${SHARED_EVTX}/${path}`);

/** A menu session over `store` whose slices run when `settle` is called. */
function menuOf(store: EventStore, tick = 0) {
  const tasks: (() => void)[] = [];
  let now = 0;
  const findings = signal<undefined>(undefined);
  const menu = new ReadyHuntsSession(store, {
    schedule: (task) => void tasks.push(task),
    now: () => (now += tick),
    findings: computed(() => findings.value),
  });
  let slices = 0;
  const settle = () => {
    for (let round = 0; round < 100_000 && tasks.length > 0; round++) {
      slices += tasks.length;
      for (const task of tasks.splice(0)) task();
    }
  };
  return { menu, settle, slices: () => slices };
}

/** How many of the store's records hunt `id`'s query keeps, through the engine's records. */
function recordCount(store: EventStore, id: string): number {
  const opens = readyHunt(id)?.opens;
  if (opens?.kind !== 'query') assert.fail(`${id} is not a query hunt`);
  const parsed = parseQuery(opens.query);
  if (!parsed.ok) assert.fail(parsed.error.message);
  const keep = queryFilter(parsed.ast);
  let kept = 0;
  for (let row = 0; row < store.rowCount; row++) if (keep(store.record(row))) kept++;
  return kept;
}

test('ReadyHuntsSession counts every query hunt on real logs', { skip: SKIP_SHARED }, async () => {
  const store = await storeOfFiles(...LOGS);
  // The clock moves past SLICE_MS at every look, so each slice tests one batch of rows.
  const { menu, settle, slices } = menuOf(store, SLICE_MS);
  menu.rowsAdded();
  assert.equal(menu.counting.value, true);
  settle();
  assert.equal(menu.counting.value, false);
  assert.ok(store.rowCount > SLICE_ROWS);
  assert.equal(slices(), Math.ceil(store.rowCount / SLICE_ROWS));

  const events = (id: string) => menu.counts.value.get(id)?.events;
  // Tchopper's 244 services (7045) and Mimikatz's one (4697).
  assert.equal(events('new-services'), 245);
  // 1102 in the Mimikatz service log and Zerologon's, 104 in the System log cleared.
  assert.equal(events('log-cleared'), 3);
  assert.equal(events('encoded-powershell'), 2);
  assert.equal(events('lsass-access'), 1);
  // registryautorun sets ...\CurrentVersion\Run\Updater and ...\CurrentVersion\Debug.
  assert.equal(events('run-key-persistence'), 1);
  assert.equal(events('user-writable-dll-loads'), 1);
  assert.deepEqual(menu.counts.value.get('remote-logons'), {
    events: 1,
    rare: ['192.168.20.11'],
  });
  // sliver-sysmon asks for "NT AUTHORITY" twice and an LDAP SRV name once.
  assert.deepEqual(menu.counts.value.get('rare-dns'), {
    events: 1,
    rare: ['_ldap._tcp.Default-First-Site-Name._sites.dc._msdcs.VALKYRIE'],
  });
  assert.equal(menu.counts.value.get('beaconing'), undefined, 'no findings before the report');

  for (const hunt of READY_HUNTS) {
    if (hunt.opens.kind !== 'query' || hunt.opens.rare !== undefined) continue;
    assert.equal(events(hunt.id), recordCount(store, hunt.id), hunt.id);
  }
});

test(
  'ReadyHuntsSession counts only the rows added since its last pass',
  { skip: SKIP_SHARED },
  async () => {
    const [first, second] = LOGS.slice(-2) as [string, string];
    const store = await storeOfFiles(first);
    const { menu, settle } = menuOf(store);
    menu.rowsAdded();
    settle();
    assert.equal(menu.counts.value.get('encoded-powershell')?.events, 1);

    store.append(store.addFile('second.evtx'), (await parseFile(second)).rows);
    menu.rowsAdded();
    settle();
    assert.equal(menu.counts.value.get('encoded-powershell')?.events, 2);
  },
);

test(
  'ReadyHuntsSession opens a rare hunt with the rare values counted',
  { skip: SKIP_SHARED },
  async () => {
    const store = await storeOfFiles(`${SHARED_EVTX}/deepbluecli/sliver-sysmon.evtx`);
    const { menu, settle } = menuOf(store);
    const rareDns = readyHunt('rare-dns') ?? assert.fail('no rare-dns hunt');
    assert.deepEqual(menu.queryOf(rareDns), {
      query: 'eventId:22 provider:"Microsoft-Windows-Sysmon"',
      omitted: 0,
    });
    menu.rowsAdded();
    settle();
    assert.deepEqual(menu.queryOf(rareDns), {
      query:
        '(eventId:22 provider:"Microsoft-Windows-Sysmon") ' +
        '(QueryName:_ldap._tcp.Default-First-Site-Name._sites.dc._msdcs.VALKYRIE)',
      omitted: 0,
    });
    assert.equal(menu.queryOf(readyHunt('beaconing') ?? assert.fail()), undefined);
  },
);
