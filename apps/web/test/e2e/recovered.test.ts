/**
 * Recovered records in real Chromium, read through the page's parse workers: marked on their
 * rows (a badge whose title says what it means, a stripe), counted in the file's status line,
 * found by `recovered:true`, and said so in the details pane. Two logs: a crafted one with a
 * destroyed chunk header (support/recovered-log.ts, always run) and evtx-rs's sample with a bad
 * chunk magic from /work/shared (skipped without it).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Page } from 'playwright-core';

import { ARTIFACTS, SKIP_BROWSER, openBrowser, startWeb, type WebServer } from '../support/e2e.js';
import { BAD_CHUNK_MAGIC, SKIP_SHARED } from '../support/paths.js';
import { recoveredLog } from '../support/recovered-log.js';

let web: WebServer;
let session: Awaited<ReturnType<typeof openBrowser>>;
let folder: string;

before(async () => {
  if (SKIP_BROWSER) return;
  folder = await mkdtemp(join(tmpdir(), 'evtxhunt-recovered-'));
  web = await startWeb();
  session = await openBrowser();
});

after(async () => {
  await session?.browser.close();
  web?.stop();
  if (folder !== undefined) await rm(folder, { recursive: true, force: true });
});

const browserTest = (name: string, body: () => Promise<void>, skip: string | false = false) =>
  test(name, { skip: SKIP_BROWSER || skip }, body);

async function loaded(path: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(web.url);
  await page.setInputFiles('input[type="file"]', [path]);
  await page.waitForSelector('.file[data-state="done"]', { timeout: 60_000 });
  return page;
}

/** Applies `text` and resolves with the count line once it reads `expected` (or after 10 s). */
async function query(page: Page, text: string, expected: string): Promise<string> {
  await page.locator('#query').fill(text);
  await page.locator('#query').press('Enter');
  await page
    .waitForFunction(
      (line) => document.querySelector('.events-count')?.textContent === line,
      expected,
      { timeout: 10_000 },
    )
    .catch(() => undefined);
  return page.locator('.events-count').innerText();
}

/** Rows drawn and how many of them carry the recovered class and badge. */
async function marks(page: Page): Promise<{ rows: number; striped: number; badges: number }> {
  return {
    rows: await page.locator('.table-rows .table-row').count(),
    striped: await page.locator('.table-rows .table-row.recovered').count(),
    badges: await page.locator('.table-rows .recovered-mark').count(),
  };
}

browserTest(
  'a crafted log with a destroyed chunk header shows its recovered rows marked',
  async () => {
    const path = join(folder, 'destroyed-header.evtx');
    await writeFile(path, recoveredLog());
    const page = await loaded(path);

    assert.equal(await page.locator('.events-count').innerText(), '376 events');
    assert.match(
      await page.locator('.file-status').innerText(),
      /^206 records read, 170 recovered \(marked, not live\) · /,
    );
    assert.equal(await query(page, 'recovered:true', '170 of 376 events'), '170 of 376 events');
    const shown = await marks(page);
    assert.ok(shown.rows > 10, `${shown.rows} rows drawn`);
    assert.deepEqual(shown, { rows: shown.rows, striped: shown.rows, badges: shown.rows });
    const badge = page.locator('.table-rows .recovered-mark').first();
    assert.equal(await badge.innerText(), 'recovered');
    assert.match((await badge.getAttribute('title')) ?? '', /^Recovered record: found by its sig/);
    await page.screenshot({ path: `${ARTIFACTS}/recovered-rows.png` });

    await page.locator('.table-rows .table-row').first().click();
    await page.keyboard.press('Enter');
    const pane = page.getByRole('complementary');
    assert.match(await pane.locator('h2').innerText(), /^Event 1 · record \d+ · recovered$/);
    assert.match(await pane.locator('.details-recovered').innerText(), /not the live log/);
    // Its XML is read again with the templates of the slot before the destroyed header.
    await pane.locator('.details-xml[aria-busy="false"]').waitFor();
    assert.match(await pane.locator('.details-xml').innerText(), /<EventRecordID>231</);

    await page.keyboard.press('Escape');
    assert.equal(await query(page, '-recovered:true', '206 of 376 events'), '206 of 376 events');
    assert.equal((await marks(page)).badges, 0);
    await page.close();
  },
);

browserTest(
  'the bad-chunk-magic sample: 267 live rows and 113 recovered, marked and found by query',
  async () => {
    const page = await loaded(BAD_CHUNK_MAGIC);

    assert.equal(await page.locator('.events-count').innerText(), '380 events');
    assert.match(
      await page.locator('.file-status').innerText(),
      /^267 records read, 113 recovered \(marked, not live\) · /,
    );
    assert.equal(await query(page, 'recovered:true', '113 of 380 events'), '113 of 380 events');
    const shown = await marks(page);
    assert.deepEqual(shown, { rows: shown.rows, striped: shown.rows, badges: shown.rows });
    assert.ok(shown.rows > 10);
    assert.equal(await query(page, 'recovered:false', '267 of 380 events'), '267 of 380 events');
    assert.equal((await marks(page)).striped, 0);
    await page.close();
  },
  SKIP_SHARED,
);
