/**
 * The Hunts menu and decoded values in real Chromium on real logs: the menu counts each hunt
 * before it is opened (a query hunt from the store, a finding hunt from the engine's report,
 * checked against `evtxhunt hunt --format json`), opening a query hunt puts its query in the
 * box and keeps its events, opening a finding hunt shows its findings; and the details pane
 * shows a 4624 logon type's meaning beside the raw value. Screenshots go to
 * apps/web/test-artifacts (hunts-*.png).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

import { READY_HUNTS, readyHunt } from '@evtxhunt/hunt';
import type { Page } from 'playwright-core';

import { contrastProblems, idProblems, unnamedControls } from '../support/a11y.js';
import { ARTIFACTS, SKIP_BROWSER, openBrowser, startWeb, type WebServer } from '../support/e2e.js';
import { ISSUE43, REPO, SHARED_EVTX, SKIP_SHARED } from '../support/paths.js';

const VSTO = `${SHARED_EVTX}/sysmonresources/vstoAbuse.evtx`;
const LSASS_DUMP = `${SHARED_EVTX}/evtx-to-mitre-attack/ID10-Mimikatz_LSASS_process_dump.evtx`;
const AUTORUN = `${SHARED_EVTX}/sysmonresources/registryautorun.evtx`;
const SYSTEMMOON_SYSMON = `${SHARED_EVTX}/sytemmoon-ctf/sysmon.evtx`;
const RDP_AUTH = `${SHARED_EVTX}/velociraptor/RDPAuth_Security.evtx`;
const ZEROLOGON = `${SHARED_EVTX}/hayabusa-sample-evtx/T1210_Zerologon_WindowsDefaultLogging.evtx`;

let web: WebServer;
let session: Awaited<ReturnType<typeof openBrowser>>;

before(async () => {
  if (SKIP_BROWSER || SKIP_SHARED) return;
  web = await startWeb();
  session = await openBrowser();
});

after(async () => {
  await session?.browser.close();
  web?.stop();
});

const browserTest = (name: string, body: () => Promise<void>) =>
  test(name, { skip: SKIP_BROWSER || SKIP_SHARED }, body);

/** A fresh page with `paths` read and hunted. */
async function huntedPage(paths: string[]): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(web.url);
  await page.setInputFiles('input[aria-label="Open EVTX files"]', paths);
  const hunted = (files: number) =>
    document.querySelectorAll('.file[data-state="done"]').length === files &&
    document.querySelector('.hunt-status')?.textContent?.startsWith('Hunted') === true;
  await page.waitForFunction(hunted, paths.length, { timeout: 60_000 });
  return page;
}

/** Findings of `kind` in `evtxhunt hunt --format json` on `paths`, and their events. */
function cliFindings(paths: string[], kind: string): { findings: number; events: number } {
  const cli = `${REPO}packages/cli/dist/src/main.js`;
  const args = [cli, 'hunt', '--format', 'json', ...paths];
  const run = spawnSync(process.execPath, args, { encoding: 'utf8' });
  const report = JSON.parse(run.stdout) as { findings: { kind: string; count: number }[] };
  const mine = report.findings.filter((finding) => finding.kind === kind);
  return { findings: mine.length, events: mine.reduce((sum, f) => sum + f.count, 0) };
}

/** The count the menu shows for hunt `id`, once it no longer says it is counting. */
async function menuCount(page: Page, id: string): Promise<string> {
  const count = page.locator(`.hunt-item[data-hunt="${id}"] .hunt-count`);
  await page.waitForFunction((selector) => {
    const text = document.querySelector(selector)?.textContent ?? '';
    return text !== '' && !text.startsWith('counting') && !text.startsWith('after the hunt');
  }, `.hunt-item[data-hunt="${id}"] .hunt-count`);
  return count.innerText();
}

browserTest(
  'a hunt from the menu: counted before it opens, then its query keeps its events',
  async () => {
    const paths = [VSTO, LSASS_DUMP, AUTORUN];
    const page = await huntedPage(paths);
    await page.getByRole('button', { name: 'Hunts' }).click();
    const menu = page.getByRole('dialog', { name: 'Ready-made hunts' });
    await menu.waitFor();

    assert.equal(await menuCount(page, 'lsass-access'), '1 event');
    assert.equal(await menuCount(page, 'run-key-persistence'), '1 event');
    assert.equal(await menuCount(page, 'new-services'), '0 events');
    const beacon = cliFindings(paths, 'beacon');
    assert.equal(beacon.findings, 1);
    assert.equal(await menuCount(page, 'beaconing'), `1 finding (${beacon.events} events)`);
    const techniques = menu.locator('.hunt-item[data-hunt="lsass-access"] .hunt-techniques');
    assert.equal(await techniques.innerText(), 'ATT&CK T1003.001');
    await page.screenshot({ path: `${ARTIFACTS}/hunts-menu.png` });
    for (const theme of ['light', 'dark']) {
      assert.deepEqual(await unnamedControls(page), [], theme);
      assert.deepEqual(await idProblems(page), [], theme);
      assert.deepEqual(await contrastProblems(page), [], theme);
      await page.getByRole('button', { name: 'Dark theme' }).click();
    }

    await menu.getByRole('button', { name: /^LSASS memory access/ }).click();
    await menu.waitFor({ state: 'detached' });
    const lsass = readyHunt('lsass-access')?.opens;
    assert.equal(
      await page.locator('#query').inputValue(),
      lsass?.kind === 'query' ? lsass.query : '',
    );
    const total = await page.evaluate(() => document.querySelectorAll('[role="row"]').length);
    assert.ok(total > 0);
    await page.waitForFunction(() =>
      /^1 of [\d,]+ events$/.test(document.querySelector('.events-count')?.textContent ?? ''),
    );
    const cell = page.locator('[role="row"][aria-rowindex="2"] [role="gridcell"]').nth(3);
    assert.equal(await cell.innerText(), '10');
    assert.equal(
      await page.locator('.hunt-note').innerText(),
      'Hunt "LSASS memory access" opened.',
    );

    await page.getByRole('button', { name: 'Hunts' }).click();
    await page.getByRole('button', { name: /^Beaconing/ }).click();
    const tab = page.getByRole('tab', { name: /^Findings/ });
    assert.equal(await tab.getAttribute('aria-selected'), 'true');
    const list = page.getByRole('region', { name: 'Findings' });
    assert.equal(await list.locator('li').count(), 1);
    assert.equal(await list.locator('.finding-kind').innerText(), 'beacon');
    assert.equal(
      await list.locator('.findings-only').innerText(),
      'Showing only the 1 beacon finding, as the hunt asked. Show every finding',
    );
    await page.getByRole('region', { name: 'The open finding' }).waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/hunts-beacon.png` });

    // A hunt with no finding of its kind leaves none open, not the beacon from before.
    await page.getByRole('button', { name: 'Hunts' }).click();
    await page.getByRole('button', { name: /^Service binaries phoning home/ }).click();
    await page.waitForFunction(() => document.querySelectorAll('.finding-list li').length === 0);
    assert.equal(await page.getByRole('region', { name: 'The open finding' }).count(), 0);
    await list.getByRole('button', { name: 'Show every finding' }).click();
    await list.locator('.findings-only').waitFor({ state: 'detached' });
    assert.ok((await list.locator('li').count()) > 1);
    await page.close();
  },
);

browserTest('a decoded logon type shows beside the raw value in the details pane', async () => {
  const page = await huntedPage([ZEROLOGON]);
  await page.locator('#query').fill('eventId:4624 LogonType:3');
  await page.locator('#query').press('Enter');
  await page.waitForFunction(() =>
    /^\d+ of [\d,]+ events$/.test(document.querySelector('.events-count')?.textContent ?? ''),
  );
  await page.locator('[role="row"][aria-rowindex="2"]').click();
  await page.keyboard.press('Enter');
  const pane = page.getByRole('complementary');
  const field = pane
    .locator('.field')
    .filter({ has: page.locator('dt', { hasText: /^LogonType$/ }) });
  await field.waitFor();

  assert.equal(await field.locator('.field-value').innerText(), '3');
  assert.equal(
    await field.locator('.field-decoded').innerText(),
    'means Network: from another computer (shares, remote tools, most lateral movement)',
  );
  const sid = pane
    .locator('.field')
    .filter({ has: page.locator('dt', { hasText: /^TargetUserSid$/ }) });
  assert.equal(await sid.locator('.field-decoded').innerText(), 'means Local System (SYSTEM)');
  await field.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${ARTIFACTS}/hunts-decoded-logon.png` });
  await page.close();
});

browserTest(
  'every ready-made hunt puts its id in the share link, never a value read from the logs',
  async () => {
    const page = await huntedPage([SYSTEMMOON_SYSMON, RDP_AUTH]);
    for (const hunt of READY_HUNTS) {
      await page.getByRole('button', { name: 'Hunts' }).click();
      const menu = page.getByRole('dialog', { name: 'Ready-made hunts' });
      await menuCount(page, hunt.id);
      await menu.locator(`.hunt-item[data-hunt="${hunt.id}"] .hunt-open`).click();
      await menu.waitFor({ state: 'detached' });
      if (hunt.opens.kind === 'findings') {
        assert.doesNotMatch(await page.evaluate(() => location.hash), /[&#]q=/, hunt.id);
        continue;
      }

      await page.waitForFunction((id) => location.hash === `#v=1&hunt=${id}`, hunt.id);
      const query = await page.locator('#query').inputValue();
      const { rare } = hunt.opens;
      // The narrowed query is `(base) (rare terms)`: the values come after the hunt's own query.
      const values =
        rare === undefined ? [] : rareValues(query.slice(hunt.opens.query.length + 2), rare.field);
      const hash = await page.evaluate(() => decodeURIComponent(location.hash));
      assert.deepEqual(
        values.filter((value) => hash.includes(value)),
        [],
        hunt.id,
      );
      if (hunt.id === 'rare-dns') assert.equal(values.length, 7);
      if (hunt.id === 'remote-logons') assert.ok(values.includes('192.168.38.102'));
    }
    await page.close();
  },
);

/** The values `field` is compared with in a rare hunt's narrowed query, quoted or bare. */
function rareValues(query: string, field: string): string[] {
  const term = new RegExp(`${field}:(?:"((?:[^"\\\\]|\\\\.)*)"|([^\\s()"]+))`, 'g');
  return [...query.matchAll(term)].map((match) => match[1] ?? match[2] ?? '');
}

browserTest(
  'the Hunts menu takes focus when opened and closes when another tab is chosen',
  async () => {
    const page = await huntedPage([ISSUE43]);
    const button = page.getByRole('button', { name: 'Hunts' });
    await button.click();
    const menu = page.getByRole('dialog', { name: 'Ready-made hunts' });
    await menu.waitFor();
    await page.waitForFunction(() =>
      document.activeElement?.closest('[role="dialog"]')?.classList.contains('hunts-menu'),
    );
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Done');

    await page.getByRole('tab', { name: /^Findings/ }).click();
    await menu.waitFor({ state: 'detached' });
    assert.equal(await button.getAttribute('aria-expanded'), 'false');
    assert.equal(
      await page.getByRole('tab', { name: /^Findings/ }).getAttribute('aria-selected'),
      'true',
    );
    await page.close();
  },
);

browserTest('Esc closes the Hunts menu with focus on the Hunts button too', async () => {
  const page = await huntedPage([VSTO]);
  const button = page.getByRole('button', { name: 'Hunts' });
  const menu = page.getByRole('dialog', { name: 'Ready-made hunts' });
  await button.click();
  await menu.waitFor();
  await button.focus();
  await page.keyboard.press('Escape');
  await menu.waitFor({ state: 'detached' });
  assert.equal(await button.getAttribute('aria-expanded'), 'false');
  assert.equal(await button.evaluate((element) => element === document.activeElement), true);
  await page.close();
});
