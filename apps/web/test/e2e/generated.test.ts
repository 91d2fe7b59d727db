/**
 * A realistic log in real Chromium: a few-MB Sysmon log from packages/generate (seed 7, with its
 * labelled beacons and lateral movement) loads with the exact record count the generator wrote,
 * every chunk clean, and the hunt finds what `evtxhunt hunt` finds in the same file, whether one
 * parse worker reads its chunk slots or two share them: the exported events and findings are
 * the same to the byte. The 1 GB figure of the same kind is `npm run bench:web`'s
 * (apps/web/bench/browser-figures.mjs).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { writeGeneratedLog, type GeneratedLog } from '@evtxhunt/generate/node';

import {
  SKIP_BROWSER,
  downloadExport,
  openBrowser,
  startWeb,
  type WebServer,
} from '../support/e2e.js';
import { REPO } from '../support/paths.js';

const SIZE_BYTES = 3_000_000;

let web: WebServer;
let session: Awaited<ReturnType<typeof openBrowser>>;
let dir: string;
let log: GeneratedLog;

before(async () => {
  if (SKIP_BROWSER) return;
  dir = await mkdtemp(join(tmpdir(), 'evtxhunt-web-generated-'));
  log = writeGeneratedLog(join(dir, 'seed7.evtx'), { seed: 7, sizeBytes: SIZE_BYTES });
  web = await startWeb();
  session = await openBrowser();
});

after(async () => {
  await session?.browser.close();
  web?.stop();
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

/** How many findings `evtxhunt hunt --format json` reports for `path`. */
function cliFindings(path: string): number {
  const cli = `${REPO}packages/cli/dist/src/main.js`;
  const run = spawnSync(process.execPath, [cli, 'hunt', '--format', 'json', path], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  assert.equal(run.status, 0, run.stderr);
  return (JSON.parse(run.stdout) as { findings: unknown[] }).findings.length;
}

/** What the page shows of the log once read and hunted, with its exports. */
interface Loaded {
  events: string;
  status: string;
  findingsTab: string;
  eventsJsonl: string;
  findingsJsonl: string;
}

/** Loads the log in a page told it has `cores` cores, so it starts that many parse workers. */
async function loadWith(cores: number): Promise<Loaded> {
  const page = await session.context.newPage();
  await page.addInitScript((count) => {
    Object.defineProperty(navigator, 'hardwareConcurrency', { get: () => count });
  }, cores);
  await page.goto(web.url);
  await page.setInputFiles('input[aria-label="Open EVTX files"]', log.path);
  await page.waitForFunction(
    () =>
      document.querySelector('.file[data-state="done"]') !== null &&
      document.querySelector('.hunt-status')?.textContent?.startsWith('Hunted') === true,
    undefined,
    { timeout: 60_000 },
  );
  // The parse workers, the hunt worker and the hash worker.
  assert.equal(page.workers().length, cores + 2);

  const loaded = {
    events: await page.locator('.events-count').innerText(),
    status: await page.locator('.file-status').innerText(),
    findingsTab: await page.getByRole('tab', { name: /^Findings/ }).innerText(),
    eventsJsonl: '',
    findingsJsonl: '',
  };
  await page.getByRole('tab', { name: 'Export' }).click();
  loaded.eventsJsonl = (await downloadExport(page, 'Export events as JSON Lines')).text;
  loaded.findingsJsonl = (await downloadExport(page, 'Export findings as JSON Lines')).text;
  await page.close();
  return loaded;
}

test(
  'a generated Sysmon log loads with the exact record count and the CLI hunt findings, on one or two parse workers alike',
  { skip: SKIP_BROWSER },
  async () => {
    const one = await loadWith(1);
    const two = await loadWith(2);

    const records = log.records.toLocaleString('en');
    const chunks = Math.ceil((log.bytes - 4096) / 65536);
    assert.ok(log.records > 2000, `the log holds ${log.records} records`);
    assert.ok(chunks > 32, `${chunks} chunk slots make more than two tasks of 16`);
    assert.equal(one.events, `${records} events`);
    assert.equal(
      one.status,
      `${records} records read · ${chunks} chunks, none damaged · no record lost`,
    );
    assert.equal(one.findingsTab, `Findings (${cliFindings(log.path)})`);
    assert.equal(one.eventsJsonl.trimEnd().split('\n').length, log.records);
    assert.ok(one.findingsJsonl.length > 0);

    // Two workers: the same rows in the same order, the same account, the same findings.
    assert.deepEqual(two, one);
  },
);
