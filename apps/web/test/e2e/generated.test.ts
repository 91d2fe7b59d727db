/**
 * A realistic log in real Chromium: a few-MB Sysmon log from packages/generate (seed 7, with its
 * labelled beacons and lateral movement) loads with the exact record count the generator wrote,
 * every chunk clean, and the hunt finds what `evtxhunt hunt` finds in the same file. The 1 GB
 * figure of the same kind is `npm run bench:web`'s (apps/web/bench/browser-figures.mjs).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { writeGeneratedLog, type GeneratedLog } from '@evtxhunt/generate/node';

import { SKIP_BROWSER, openBrowser, startWeb, type WebServer } from '../support/e2e.js';
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

test(
  'a generated Sysmon log loads with the exact record count and the CLI hunt findings',
  { skip: SKIP_BROWSER },
  async () => {
    const page = await session.context.newPage();
    await page.goto(web.url);
    await page.setInputFiles('input[aria-label="Open EVTX files"]', log.path);
    await page.waitForFunction(
      () =>
        document.querySelector('.file[data-state="done"]') !== null &&
        document.querySelector('.hunt-status')?.textContent?.startsWith('Hunted') === true,
      undefined,
      { timeout: 60_000 },
    );

    const records = log.records.toLocaleString('en');
    const chunks = Math.ceil((log.bytes - 4096) / 65536);
    assert.ok(log.records > 2000, `the log holds ${log.records} records`);
    assert.equal(await page.locator('.events-count').innerText(), `${records} events`);
    assert.equal(
      await page.locator('.file-status').innerText(),
      `${records} records read · ${chunks} chunks, none damaged · no record lost`,
    );
    assert.equal(
      await page.getByRole('tab', { name: /^Findings/ }).innerText(),
      `Findings (${cliFindings(log.path)})`,
    );
    await page.close();
  },
);
