import { test } from 'node:test';
import assert from 'node:assert/strict';

import { readFile } from 'node:fs/promises';

import { READY_HUNTS, decodeViewState, readyHunt } from '@evtxhunt/hunt';

import { ParsePool, type WorkerPort } from '../../src/pool/worker-pool.js';
import type { WorkerReply, WorkerRequest } from '../../src/protocol.js';
import { openReadyHunt } from '../../src/session/open-hunt.js';
import { applyViewState, currentViewState, viewFragment } from '../../src/session/view-link.js';
import { DEFAULT_COLUMNS, Workbench } from '../../src/session/workbench.js';
import { createWorkerHandler } from '../../src/worker/handler.js';
import { SHARED_EVTX, SKIP_SHARED } from '../support/paths.js';

/** A workbench that never opens a file: the view state needs none. */
function emptyBench(): Workbench {
  return new Workbench({
    pool: {} as ParsePool,
    schedule: () => undefined,
    now: () => 0,
  });
}

test('viewFragment is empty for the default view and carries every choice otherwise', () => {
  const bench = emptyBench();
  assert.equal(viewFragment(currentViewState(bench)), '');

  bench.filter.setQuery('eventId:3 -Image:"C:\\a b\\x.exe"');
  bench.filter.setRegexMode(true);
  bench.filter.setTimeZone('Europe/Berlin');
  bench.filter.addFacet('Protocol');
  bench.setColumnShown('DestinationIp', true);
  bench.toggleSort('recordId');
  bench.toggleSort('recordId');

  const fragment = viewFragment(currentViewState(bench));
  assert.equal(
    fragment,
    '#v=1&q=eventId%3A3%20-Image%3A%22C%3A%5Ca%20b%5Cx.exe%22&re=1' +
      `&cols=${[...DEFAULT_COLUMNS, 'DestinationIp'].join(',')}&sort=-recordId` +
      '&tz=Europe%2FBerlin&facets=Protocol',
  );
});

test('applyViewState restores what the fragment carries, a bad query shown with its problem', () => {
  const bench = emptyBench();
  const { state } = decodeViewState(
    '#v=1&q=Image%3A%2F%5B%2F&cols=eventId,Image&sort=-eventId&tz=Asia%2FTokyo&facets=Protocol',
  );
  applyViewState(bench, state);

  assert.equal(bench.filter.text.value, 'Image:/[/');
  assert.equal(
    bench.filter.problem.value?.message,
    'bad regular expression /[/: Unterminated character class',
  );
  assert.equal(bench.filter.query.value, '');
  assert.deepEqual(bench.columns.value, ['eventId', 'Image']);
  assert.deepEqual(bench.sort.value, { key: 'eventId', direction: 'desc' });
  assert.equal(bench.filter.timeZone.value, 'Asia/Tokyo');
  assert.deepEqual(bench.filter.facetFields.value, ['Protocol']);

  applyViewState(bench, decodeViewState('').state);
  assert.deepEqual(bench.columns.value, DEFAULT_COLUMNS);
  assert.equal(bench.sort.value, undefined);
  assert.equal(bench.filter.timeZone.value, 'UTC');
});

/** A workbench on in-process workers, a manual clock and a task queue run on demand. */
function loadingBench() {
  const tasks: (() => void)[] = [];
  let now = 0;
  const port = (): WorkerPort => {
    const worker: WorkerPort = {
      onmessage: null,
      terminate: () => undefined,
      postMessage: (request: WorkerRequest) => queueMicrotask(() => void handle(request)),
    };
    const handle = createWorkerHandler((reply: WorkerReply) => worker.onmessage?.({ data: reply }));
    return worker;
  };
  const bench = new Workbench({
    pool: new ParsePool(port, 2),
    schedule: (task) => void tasks.push(task),
    now: () => now,
  });
  const settle = async () => {
    for (let round = 0; round < 5000 && (bench.loading || tasks.length > 0); round++) {
      await new Promise((resolve) => setTimeout(resolve, 1));
      now += 10;
      for (const task of tasks.splice(0)) task();
    }
  };
  return { bench, settle };
}

/** DNS lookups of a CTF host, and network and RDP logons of a lab domain. */
const SYSTEMMOON = ['sytemmoon-ctf/sysmon.evtx', 'velociraptor/RDPAuth_Security.evtx'].map(
  (name) => `${SHARED_EVTX}/${name}`,
);

async function openedLogs(bench: Workbench, settle: () => Promise<void>): Promise<void> {
  const inputs = await Promise.all(
    SYSTEMMOON.map(async (path) => ({ blob: new Blob([await readFile(path)]), name: path })),
  );
  bench.open(inputs);
  await settle();
}

test(
  'currentViewState names an opened ready-made hunt and carries no value read from the logs',
  { skip: SKIP_SHARED },
  async () => {
    const { bench, settle } = loadingBench();
    await openedLogs(bench, settle);
    const rare = bench.readyHunts.counts.value;
    assert.equal(rare.get('rare-dns')?.rare?.length, 7);
    assert.ok(rare.get('remote-logons')?.rare?.includes('192.168.38.102'));

    for (const hunt of READY_HUNTS) {
      openReadyHunt(bench, hunt);
      const fragment = viewFragment(currentViewState(bench));
      if (hunt.opens.kind === 'findings') continue;
      assert.equal(fragment, `#v=1&hunt=${hunt.id}`, hunt.id);
      for (const value of rare.get(hunt.id)?.rare ?? []) {
        assert.ok(bench.filter.query.value.includes(value), `${hunt.id} narrows to ${value}`);
        assert.ok(!decodeURIComponent(fragment).includes(value), `${hunt.id} leaks ${value}`);
      }
    }

    // A query the person changes is theirs again, and travels as typed.
    bench.filter.setQuery('eventId:22');
    assert.equal(viewFragment(currentViewState(bench)), '#v=1&q=eventId%3A22');
  },
);

test(
  'applyViewState opens a hunt from a link and works its rare values out from the logs read',
  { skip: SKIP_SHARED },
  async () => {
    const { bench: first, settle: settleFirst } = loadingBench();
    await openedLogs(first, settleFirst);
    const dns = readyHunt('rare-dns');
    if (dns === undefined) assert.fail('rare-dns is missing');
    const expected = openReadyHunt(first, dns).query;

    const { bench, settle } = loadingBench();
    applyViewState(bench, decodeViewState('#v=1&hunt=rare-dns').state);
    assert.equal(bench.filter.query.value, 'eventId:22 provider:"Microsoft-Windows-Sysmon"');
    await openedLogs(bench, settle);

    assert.equal(bench.filter.query.value, expected);
    assert.equal(expected?.length, 421);
    assert.equal(viewFragment(currentViewState(bench)), '#v=1&hunt=rare-dns');
  },
);
