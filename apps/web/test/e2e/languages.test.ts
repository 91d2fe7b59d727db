/**
 * The page's languages in real Chromium: switched to German, the toolbar, the events count and
 * a finding's view speak German and count the German way (1.234), event times stay UTC
 * ISO-8601 with Z and seven fraction digits, and the choice survives a reload; a browser that
 * prefers German starts in German. The log is packages/generate's (seed 7, with its beacons),
 * so the test needs no shared file. Screenshots go to apps/web/test-artifacts (lang-*.png).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { writeGeneratedLog, type GeneratedLog } from '@evtxhunt/generate/node';
import type { Page } from 'playwright-core';

import { contrastProblems, unnamedControls } from '../support/a11y.js';
import { ARTIFACTS, SKIP_BROWSER, openBrowser, startWeb, type WebServer } from '../support/e2e.js';

const SIZE_BYTES = 1_500_000;
const UTC_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/;

let web: WebServer;
let session: Awaited<ReturnType<typeof openBrowser>>;
let dir: string;
let log: GeneratedLog;

before(async () => {
  if (SKIP_BROWSER) return;
  dir = await mkdtemp(join(tmpdir(), 'evtxhunt-web-languages-'));
  log = writeGeneratedLog(join(dir, 'seed7.evtx'), { seed: 7, sizeBytes: SIZE_BYTES });
  web = await startWeb();
  session = await openBrowser();
});

after(async () => {
  await session?.browser.close();
  web?.stop();
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

const browserTest = (name: string, body: () => Promise<void>) =>
  test(name, { skip: SKIP_BROWSER }, body);

function htmlLang(page: Page): Promise<string> {
  return page.evaluate(() => document.documentElement.lang);
}

/** Waits until the file is read and the hunt has reported, the status in German. */
async function loadGerman(page: Page): Promise<void> {
  await page.setInputFiles('input[aria-label="EVTX-Dateien öffnen"]', log.path);
  await page.waitForFunction(
    () =>
      document.querySelector('.file[data-state="done"]') !== null &&
      document.querySelector('.hunt-status')?.textContent?.endsWith('gesendeten Zeile') === true,
    undefined,
    { timeout: 60_000 },
  );
}

browserTest(
  'switched to German, the toolbar, counts and a finding speak German while times stay UTC',
  async () => {
    const page = await session.context.newPage();
    await page.goto(web.url);
    assert.equal(await htmlLang(page), 'en');
    assert.equal(await page.getByRole('button', { name: 'Open the bundled sample' }).count(), 1);

    await page.getByRole('combobox', { name: 'Language' }).selectOption('de');
    assert.equal(await htmlLang(page), 'de');
    const toolbar = page.locator('header.toolbar');
    assert.match(await toolbar.innerText(), /Dateien öffnen…\s+Mitgeliefertes Beispiel öffnen/);
    assert.equal(await page.getByRole('button', { name: 'Dunkles Design' }).count(), 1);
    assert.match(await page.locator('.empty-title').innerText(), /^Legen Sie \.evtx-Dateien/);

    await loadGerman(page);
    const records = new Intl.NumberFormat('de').format(log.records);
    assert.ok(log.records >= 1000, `the log holds ${log.records} records, a number with a dot`);
    assert.equal(await page.locator('.events-count').innerText(), `${records} Ereignisse`);
    assert.match(
      await page.locator('.file-status').innerText(),
      new RegExp(`^${records.replace('.', '\\.')} Datensätze gelesen · \\d+ Chunks, keiner`),
    );
    assert.equal(await page.getByRole('toolbar').count(), 0);
    assert.match(
      await toolbar.innerText(),
      /Suchvorlagen\s+Lesezeichen \(0\)\s+Sitzungen\s+Spalten/,
    );

    // Event times: the header is German, the cells UTC ISO-8601 with Z, 100-ns digits.
    const grid = page.getByRole('grid', { name: 'Ereignisse' });
    assert.equal(await grid.getByRole('columnheader').first().innerText(), 'Zeit (UTC)');
    const firstTime = await grid.getByRole('gridcell').first().innerText();
    assert.match(firstTime, UTC_TIME);
    // Levels read as the German Event Viewer names them; the title keeps the query's name.
    const level = grid.locator('[role="row"][aria-rowindex="2"] [role="gridcell"]').nth(4);
    assert.equal(await level.innerText(), 'Informationen');
    assert.equal(await level.getAttribute('title'), 'Information');

    // A finding, in German: the list's tally, the open finding's labels and evidence.
    await page.getByRole('tab', { name: /^Befunde \(\d+\)$/ }).click();
    const list = page.getByRole('region', { name: 'Befunde' });
    assert.match(await list.locator('.hunt-note').first().innerText(), /^\d+ Befunde?: /);
    await list.locator('.finding-item').first().click();
    const finding = page.getByRole('region', { name: 'Der geöffnete Befund' });
    await finding.getByText(/^Belege: [\d.]+ Ereignisse?(, |$)/).waitFor({ timeout: 30_000 });
    const labels = await finding.locator('dl.finding-fields dt').allInnerTexts();
    assert.deepEqual(labels.slice(0, 3), ['Art', 'Schweregrad', 'Computer']);
    assert.ok(labels.includes('Zuerst gesehen (UTC)'), labels.join(', '));
    const firstSeen = await finding.locator('dt:text-is("Zuerst gesehen (UTC)") + dd').innerText();
    assert.match(firstSeen, UTC_TIME);
    await page.screenshot({ path: `${ARTIFACTS}/lang-de-finding.png` });
    assert.equal(await page.title(), 'evtxhunt-Workbench');
    // Every control still has a name, and the longer German words break no contrast.
    assert.deepEqual(await unnamedControls(page), []);
    assert.deepEqual(await contrastProblems(page), []);

    // The setup beside the findings: the allowlist has a German name.
    assert.equal(await page.getByRole('button', { name: 'Ausnahmeliste laden' }).count(), 1);

    // The Hunts menu: German titles and counts, the engine's hunts counted in findings.
    await page.getByRole('button', { name: 'Suchvorlagen' }).click();
    const menu = page.getByRole('dialog', { name: 'Fertige Suchvorlagen' });
    await menu.getByText('Neu installierte Dienste').waitFor();
    assert.equal(await menu.getByRole('heading').innerText(), 'Suchvorlagen');
    assert.equal(await menu.getByRole('list').getAttribute('aria-label'), 'Suchvorlagen');
    assert.match(
      await menu.locator('[data-hunt="beaconing"] .hunt-count').innerText(),
      /^\d+ Befunde? \([\d.]+ Ereignisse?\)$/,
    );
    await menu.getByRole('button', { name: 'Fertig' }).click();

    // The choice is remembered on this machine: after a reload the page is German again.
    await page.reload();
    assert.equal(await htmlLang(page), 'de');
    assert.equal(await page.getByRole('combobox', { name: 'Sprache' }).inputValue(), 'de');
    assert.match(await page.locator('header.toolbar').innerText(), /^evtxhunt\s+Dateien öffnen…/);

    // And back to English, remembered the same way.
    await page.getByRole('combobox', { name: 'Sprache' }).selectOption('en');
    await page.reload();
    assert.equal(await htmlLang(page), 'en');
    assert.equal(await page.getByRole('button', { name: 'Columns' }).count(), 1);
    await page.close();
  },
);

browserTest('a browser that prefers German, with no choice stored, starts in German', async () => {
  const context = await session.browser.newContext({ locale: 'de-DE' });
  const page = await context.newPage();
  await page.goto(web.url);

  assert.equal(await htmlLang(page), 'de');
  assert.equal(
    await page.getByRole('button', { name: 'Mitgeliefertes Beispiel öffnen' }).count(),
    1,
  );
  await context.close();
});
