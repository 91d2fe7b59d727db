/**
 * Loading in real Chromium when things go wrong: the server gone after the page loaded, a parse
 * worker that cannot start, files that are not EVTX and a file cut off mid-chunk. A browser
 * context of its own, since blocked requests log console errors on purpose.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import type { Browser, Page } from 'playwright-core';

import { ARTIFACTS, SKIP_BROWSER, openBrowser, startWeb, type WebServer } from '../support/e2e.js';
import { ISSUE43 } from '../support/paths.js';

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

const browserTest = (name: string, body: () => Promise<void>) =>
  test(name, { skip: SKIP_BROWSER }, body);

async function freshPage(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  return page;
}

function statusLines(page: Page): Promise<string[]> {
  return page.locator('.file-status').allInnerTexts();
}

browserTest('files open after the server is gone: the workers started with the page', async () => {
  const page = await freshPage();
  await page.goto(web.url, { waitUntil: 'networkidle' });
  await page.route('**/*', (route) => route.abort());

  await page.setInputFiles('input[type="file"]', ISSUE43);
  await page.waitForSelector('.file[data-state="done"]', { timeout: 30_000 });

  assert.deepEqual(await statusLines(page), [
    '1,730 records read · 23 chunks, none damaged · no record lost',
  ]);
  assert.equal(await page.locator('.events-count').innerText(), '1,730 events');
  await page.waitForFunction(
    () => document.querySelector('.histogram-summary')?.textContent?.startsWith('1,730 events '),
    undefined,
    { timeout: 10_000 },
  );
  await page.close();
});

browserTest('a parse worker that cannot start fails the file on its status line', async () => {
  const page = await freshPage();
  await page.route('**/parse-worker.js', (route) => route.abort());
  await page.goto(web.url, { waitUntil: 'networkidle' });

  await page.setInputFiles('input[type="file"]', ISSUE43);
  await page.waitForSelector('.file[data-state="failed"]', { timeout: 30_000 });

  assert.deepEqual(await statusLines(page), [
    'Could not be read: the parse worker could not start or stopped (no reason given); reload ' +
      'the page while its server runs',
  ]);
  await page.close();
});

browserTest('files that are not EVTX and a cut-off file get honest red banners', async () => {
  const page = await freshPage();
  await page.goto(web.url, { waitUntil: 'networkidle' });
  const sample = await readFile(ISSUE43);
  const text = (body: string) => Buffer.from(body, 'utf8');

  await page.setInputFiles('input[type="file"]', [
    { name: 'empty.evtx', mimeType: 'application/octet-stream', buffer: Buffer.alloc(0) },
    { name: 'events.evtx', mimeType: 'text/xml', buffer: text('<Events><Event/></Events>') },
    { name: 'README.evtx', mimeType: 'text/plain', buffer: text('# evtxhunt\n'.repeat(400)) },
    { name: 'cut.evtx', mimeType: 'application/octet-stream', buffer: sample.subarray(0, 361776) },
  ]);
  await page.waitForFunction(
    () => document.querySelectorAll('.file[data-state="done"]').length === 4,
  );

  assert.deepEqual(await statusLines(page), [
    'not an EVTX file: file is 0 bytes, a header needs 128',
    'not an EVTX file: file is 25 bytes, a header needs 128',
    'not an EVTX file: bad signature "# evtxhu", expected "ElfFile"',
    '392 records read · 1 of 6 chunks damaged · file cut off: header names 23 chunks, 6 found · ' +
      "chunk 5's header names 69 records, 28 read · 1 record could not be read · 1,337 records missing",
  ]);
  assert.equal(await page.locator('.banner-error').count(), 4);
  assert.match(await page.locator('.banner-error').last().innerText(), /records lost/);
  assert.equal(await page.getByText(/parts of it are damaged|no record lost/).count(), 0);
  await page.screenshot({ path: `${ARTIFACTS}/07-not-evtx-and-cut.png` });
  await page.close();
});
