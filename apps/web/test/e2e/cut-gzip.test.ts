/**
 * A gzip cut off in a copy, opened in real Chromium: read up to the cut, as zcat and the CLI
 * read it, and the cut said in our words. Chromium's DecompressionStream empties its output
 * queue when it errors on the cut, so a reader that left output queued lost all but the last
 * 64 or 128 KiB it had taken.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants, gunzipSync, gzipSync } from 'node:zlib';

import type { Browser } from 'playwright-core';

import { SKIP_BROWSER, openBrowser, startWeb, type WebServer } from '../support/e2e.js';
import { ISSUE43, REPO } from '../support/paths.js';

let web: WebServer;
let browser: Browser;

before(async () => {
  if (SKIP_BROWSER) return;
  web = await startWeb();
  browser = (await openBrowser()).browser;
});

after(async () => {
  await browser?.close();
  web?.stop();
});

/** `evtxhunt dump FILE`'s stdout, whatever its exit status. */
function cliDump(file: string): string {
  const main = `${REPO}packages/cli/dist/src/main.js`;
  try {
    return execFileSync(process.execPath, [main, 'dump', file], {
      maxBuffer: 1 << 26,
      stdio: ['ignore', 'pipe', 'ignore'],
    }).toString('utf8');
  } catch (error) {
    return String((error as { stdout: Buffer }).stdout);
  }
}

const lineCount = (text: string) => text.split('\n').length - 1;

test(
  'a cut gzip of JSONL or of EVTX is read to the cut, as zcat and the CLI read it',
  { skip: SKIP_BROWSER },
  async (t) => {
    const dir = await mkdtemp(join(tmpdir(), 'evtxhunt-cut-gzip-'));
    t.after(() => rm(dir, { recursive: true, force: true }));
    const cutJsonl = gzipSync(cliDump(ISSUE43)).subarray(0, 50_000);
    const cutEvtx = gzipSync(await readFile(ISSUE43)).subarray(0, 70_000);
    await writeFile(join(dir, 'tr.evtx.gz'), cutEvtx);
    // zcat's lines, the last one cut off; the CLI's records of the cut EVTX.
    const lines = lineCount(
      gunzipSync(cutJsonl, { finishFlush: constants.Z_SYNC_FLUSH }).toString(),
    );
    const records = lineCount(cliDump(join(dir, 'tr.evtx.gz')));
    assert.ok(lines > 700 && records > 700, `${lines} lines, ${records} records`);

    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(web.url, { waitUntil: 'networkidle' });
    await page.setInputFiles('input[type="file"]', [
      { name: 'tr.jsonl.gz', mimeType: 'application/gzip', buffer: Buffer.from(cutJsonl) },
      { name: 'tr.evtx.gz', mimeType: 'application/gzip', buffer: Buffer.from(cutEvtx) },
    ]);
    await page.waitForFunction(
      () => document.querySelectorAll('.file[data-state="done"]').length === 2,
      undefined,
      { timeout: 60_000 },
    );
    const status = await page.locator('.file-status').allInnerTexts();
    const files = await page.locator('.files').innerText();
    await page.close();

    assert.match(status[0] ?? '', new RegExp(`^${lines} records read from a gzipped JSON export`));
    assert.match(status[1] ?? '', new RegExp(`^${records} records read from a gzipped EVTX`));
    assert.match(files, /\(gzip data cut at byte 50000 of the \.gz\)/);
    assert.match(files, /\(gzip data cut at byte 70000 of the \.gz\)/);
    assert.doesNotMatch(files, /Failed to execute/);
  },
);
