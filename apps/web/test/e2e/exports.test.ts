/**
 * Exports in real Chromium: the bundled sample and its JSONL export (`evtxhunt dump --format
 * jsonl`) opened together give the same rows, counted and filtered alike, and an export's row
 * opens its XML like an EVTX row. Screenshots go to apps/web/test-artifacts.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';

import type { Page } from 'playwright-core';

import {
  ARTIFACTS,
  SKIP_BROWSER,
  downloadExport,
  openBrowser,
  startWeb,
  type WebServer,
} from '../support/e2e.js';
import { ISSUE43, REPO } from '../support/paths.js';

let web: WebServer;
let session: Awaited<ReturnType<typeof openBrowser>>;

before(async () => {
  if (SKIP_BROWSER) return;
  web = await startWeb();
  session = await openBrowser();
});

after(async () => {
  await session?.browser.close();
  web?.stop();
});

/** The bundled sample as `evtxhunt dump --format jsonl` writes it. */
async function sampleJsonl(): Promise<Buffer> {
  const main = `${REPO}packages/cli/dist/src/main.js`;
  const args = [main, 'dump', '--format', 'jsonl', ISSUE43];
  const { stdout } = await promisify(execFile)(process.execPath, args, { maxBuffer: 1 << 26 });
  return Buffer.from(stdout, 'utf8');
}

/** The count line once it reads `expected` (or after 10 s, whatever it reads then). */
async function countLine(page: Page, expected: string): Promise<string> {
  await page
    .waitForFunction(
      (text) => document.querySelector('.events-count')?.textContent === text,
      expected,
      { timeout: 10_000 },
    )
    .catch(() => undefined);
  return page.locator('.events-count').innerText();
}

async function query(page: Page, text: string): Promise<void> {
  await page.locator('#query').fill(text);
  await page.locator('#query').press('Enter');
}

function rowTexts(page: Page): Promise<string[][]> {
  return page
    .locator('.table-rows [role="row"]')
    .evaluateAll((rows) =>
      rows.map((row) =>
        Array.from(row.querySelectorAll('[role="gridcell"]'), (cell) => cell.textContent ?? ''),
      ),
    );
}

test(
  'a JSONL export of the sample gives the rows of the sample itself',
  { skip: SKIP_BROWSER },
  async () => {
    const page = await session.context.newPage();
    await page.goto(web.url);
    await page.setInputFiles('input[type="file"]', [
      {
        name: 'sysmon-issue43.evtx',
        mimeType: 'application/octet-stream',
        buffer: await readFile(ISSUE43),
      },
      { name: 'issue43.jsonl', mimeType: 'application/json', buffer: await sampleJsonl() },
    ]);
    await page.waitForFunction(
      () => document.querySelectorAll('.file[data-state="done"]').length === 2,
      undefined,
      { timeout: 60_000 },
    );

    const lines = await page.locator('.file-status').allInnerTexts();
    assert.match(lines[0] ?? '', /^1,730 records read · /);
    assert.equal(lines[1], '1,730 records read from a JSON export · no record lost');
    assert.equal(await countLine(page, '3,460 events'), '3,460 events');

    await query(page, 'DestinationPort:>1000');
    assert.equal(await countLine(page, '66 of 3,460 events'), '66 of 3,460 events');
    await query(page, 'recordId:1730');
    assert.equal(await countLine(page, '2 of 3,460 events'), '2 of 3,460 events');
    // Rows are kept in the order they arrive: either file may come first.
    const rows = await rowTexts(page);
    const fromEvtx = rows.find((cells) => cells.includes('sysmon-issue43.evtx'));
    const fromExport = rows.find((cells) => cells.includes('issue43.jsonl'));
    const withoutFile = (cells: string[] | undefined) =>
      cells?.filter((text) => text !== 'sysmon-issue43.evtx' && text !== 'issue43.jsonl');
    assert.deepEqual(withoutFile(fromExport), [
      '2017-10-23T07:39:49.5301025Z',
      '1730',
      '5',
      'Information',
      'Microsoft-Windows-Sysmon',
      'DESKTOP-DF4ULDE',
    ]);
    assert.deepEqual(withoutFile(fromExport), withoutFile(fromEvtx));

    // The export's row reads its XML again from the export, in a worker.
    const position = rows.indexOf(fromExport as string[]);
    await page.locator(`[role="row"][aria-rowindex="${position + 2}"]`).click();
    await page.keyboard.press('Enter');
    const xml = page.locator('.details-xml[aria-busy="false"]');
    await xml.waitFor();
    assert.match(await xml.innerText(), /<EventRecordID>1730<\/EventRecordID>/);
    await page.screenshot({ path: `${ARTIFACTS}/export-jsonl.png` });
    await page.close();
  },
);

test(
  'an export downloads on its button only: going back to the Export tab downloads nothing again',
  { skip: SKIP_BROWSER },
  async () => {
    const page = await session.context.newPage();
    const downloads: string[] = [];
    page.on('download', (download) => void downloads.push(download.suggestedFilename()));
    await page.goto(web.url);
    await page.setInputFiles('input[type="file"]', [ISSUE43]);
    await page.locator('.hunt-status', { hasText: /^Hunted/ }).waitFor({ timeout: 60_000 });
    await page.getByRole('tab', { name: /^Export/ }).click();
    const first = await downloadExport(page, 'Export events as CSV');
    assert.match(first.name, /\.csv$/);

    await page.getByRole('tab', { name: /^Events/ }).click();
    await query(page, 'eventId:3');
    await countLine(page, '153 of 1,730 events');
    await page.getByRole('tab', { name: /^Export/ }).click();
    const ready = page.locator('.export-ready');
    await ready.locator('a', { hasText: /^Download .*\.csv again$/ }).waitFor();
    assert.match(
      await ready.locator('.problem').innerText(),
      /^Out of date: this export of events as CSV was made before the rows shown now changed\./,
    );

    // A download the return set off would come before this one, asked for by its button.
    const second = await downloadExport(page, 'Export findings as JSON Lines');
    assert.deepEqual(downloads, [first.name, second.name]);
    assert.equal(await ready.locator('.problem').count(), 0, 'the new export is current');
    await page.close();
  },
);
