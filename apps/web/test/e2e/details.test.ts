/**
 * The details pane, the keyboard and accessibility in real Chromium: what a Sysmon network
 * connection and its fields mean, the copy buttons (through the real clipboard), "show this
 * process's events", a keyboard walk through the table, and our own accessibility checks in
 * both themes. Screenshots go to apps/web/test-artifacts.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import type { Page } from 'playwright-core';

import { contrastProblems, idProblems, tabWalk, unnamedControls } from '../support/a11y.js';
import { ARTIFACTS, SKIP_BROWSER, openBrowser, startWeb, type WebServer } from '../support/e2e.js';
import { ISSUE43 } from '../support/paths.js';

/** In issue43, file order: record 513 at position 512 is the first Event ID 3. */
const FIRST_NETWORK_POSITION = 512;
const ROW_HEIGHT = 24;
const HEADER_HEIGHT = 30;

let web: WebServer;
let session: Awaited<ReturnType<typeof openBrowser>>;

before(async () => {
  if (SKIP_BROWSER) return;
  web = await startWeb();
  session = await openBrowser();
  await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: web.origin,
  });
});

after(async () => {
  await session?.browser.close();
  web?.stop();
});

const browserTest = (name: string, body: () => Promise<void>) =>
  test(name, { skip: SKIP_BROWSER }, body);

/** A fresh page in `theme` with the bundled sample loaded through the file input. */
async function sample(theme: 'light' | 'dark' = 'light'): Promise<Page> {
  const page = await session.context.newPage();
  await page.addInitScript((chosen) => localStorage.setItem('evtxhunt-theme', chosen), theme);
  await page.goto(web.url);
  await page.setInputFiles('input[type="file"]', [ISSUE43]);
  await page.waitForSelector('.file[data-state="done"]', { timeout: 60_000 });
  return page;
}

/** Scrolls row `position` into view, clicks it and opens its details with Enter. */
async function openDetails(page: Page, position: number): Promise<void> {
  const grid = page.getByRole('grid');
  await grid.evaluate((element, top) => (element.scrollTop = top), position * ROW_HEIGHT);
  await page.locator(`[role="row"][aria-rowindex="${position + 2}"]`).click();
  await page.keyboard.press('Enter');
  await page.locator('.details-xml[aria-busy="false"]').waitFor();
}

function selectedIndex(page: Page): Promise<string | null> {
  return page.locator('[role="row"][aria-selected="true"]').getAttribute('aria-rowindex');
}

function focusedId(page: Page): Promise<string | undefined> {
  return page.evaluate(() => document.activeElement?.id ?? document.activeElement?.tagName);
}

browserTest(
  'the details pane says what a Sysmon network connection and its fields mean',
  async () => {
    const page = await sample();
    await openDetails(page, FIRST_NETWORK_POSITION);
    const pane = page.getByRole('complementary');

    assert.equal(await pane.getByRole('heading', { level: 2 }).innerText(), 'Event 3 · record 513');
    const meaning = pane.getByRole('region', { name: 'What this event means' });
    assert.match(await meaning.innerText(), /^Network connection\n+A process opened or accepted/);
    const ip = pane
      .locator('.field')
      .filter({ has: page.locator('dt', { hasText: /^DestinationIp$/ }) });
    assert.equal(await ip.locator('.field-value').innerText(), '192.168.62.254');
    assert.equal(
      await ip.locator('.field-meaning').innerText(),
      'Address of the end that was connected to.',
    );
    assert.match(await pane.locator('.details-xml').innerText(), /<EventRecordID>513</);
    await page.screenshot({ path: `${ARTIFACTS}/07-details-network.png` });

    const guid = pane
      .locator('.field')
      .filter({ has: page.locator('dt', { hasText: /^ProcessGuid$/ }) });
    await guid.getByRole('button', { name: 'More about ProcessGuid' }).click();
    assert.match(await guid.locator('.field-meaning').innerText(), /never reused on this computer/);
    assert.equal(
      await guid
        .getByRole('button', { name: 'Less about ProcessGuid' })
        .getAttribute('aria-expanded'),
      'true',
    );
    await page.close();
  },
);

browserTest('copy buttons put a value and the XML on the clipboard and say so', async () => {
  const page = await sample();
  await openDetails(page, FIRST_NETWORK_POSITION);
  const pane = page.getByRole('complementary');
  const clipboard = () => page.evaluate(() => navigator.clipboard.readText());

  await pane.getByRole('button', { name: 'Copy DestinationIp' }).click();
  await page.getByText('Copied the value of DestinationIp.').waitFor();
  assert.equal(await clipboard(), '192.168.62.254');
  assert.equal(await pane.getByRole('status').innerText(), 'Copied the value of DestinationIp.');

  await pane.getByRole('button', { name: 'Copy XML' }).click();
  await page.getByText('Copied the XML.').waitFor();
  const xml = await clipboard();
  assert.match(xml, /^<Event xmlns=/);
  assert.match(xml, /<Data Name='DestinationIp'>192\.168\.62\.254<\/Data>/);
  await page.close();
});

browserTest("'Show this process's events' puts that ProcessGuid in the query box", async () => {
  const page = await sample();
  await openDetails(page, FIRST_NETWORK_POSITION);

  await page.getByRole('button', { name: "Show this process's events" }).click();
  assert.equal(
    await page.locator('#query').inputValue(),
    'ProcessGuid:"{0b8f529f-960b-59ab-0000-0010850b0100}"',
  );
  assert.equal(await focusedId(page), 'query');
  await page.close();
});

browserTest(
  'keyboard: arrows, Page Up/Down, Home/End move rows; Enter opens, Esc closes, / finds the query',
  async () => {
    const page = await sample();
    const grid = page.getByRole('grid');
    const pageRows = await grid.evaluate(
      (element, chrome) => Math.floor((element.clientHeight - chrome) / 24),
      HEADER_HEIGHT,
    );
    await grid.focus();

    await page.keyboard.press('ArrowDown');
    assert.equal(await selectedIndex(page), '2');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowDown');
    assert.equal(await selectedIndex(page), '3');
    await page.keyboard.press('PageDown');
    assert.equal(await selectedIndex(page), String(3 + pageRows));
    await page.keyboard.press('PageUp');
    assert.equal(await selectedIndex(page), '3');
    await page.keyboard.press('End');
    assert.equal(await selectedIndex(page), '1731');
    assert.equal(await grid.getAttribute('aria-activedescendant'), 'event-row-1729');
    await page.keyboard.press('Home');
    assert.equal(await selectedIndex(page), '2');
    assert.equal(await grid.evaluate((element) => element.scrollTop), 0);

    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    const pane = page.getByRole('complementary');
    assert.equal(
      await pane.getByRole('heading', { level: 2 }).innerText(),
      'Event 5 · record 1730',
    );
    // The pane moves focus to its heading in an effect, after it has drawn.
    await page.locator('#details-heading:focus').waitFor({ timeout: 5000 });
    await page.keyboard.press('Escape');
    assert.equal(await pane.count(), 0);
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('role')), 'grid');
    assert.equal(await selectedIndex(page), '1731');

    await page.keyboard.press('/');
    assert.equal(await focusedId(page), 'query');
    await page.close();
  },
);

browserTest('Enter on a sort button sorts, and does not open the selected row', async () => {
  const page = await sample();
  await page.getByRole('grid').focus();
  await page.keyboard.press('ArrowDown');

  await page.getByRole('button', { name: 'Record ID' }).focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.getByRole('complementary').count(), 0);
  assert.equal(
    await page.getByRole('columnheader', { name: 'Record ID' }).getAttribute('aria-sort'),
    'ascending',
  );
  await page.close();
});

browserTest('the column chooser gives focus back to its button when it closes', async () => {
  const page = await sample();
  // The page is still changing while the hunt runs (its status, the Findings tab, the Hunts
  // menu's counts) and until the file's hash is shown and its session written; wait for it,
  // so the chooser opens and closes on a settled page.
  await page.waitForFunction(
    () =>
      document.querySelector('.hunt-status')?.textContent?.startsWith('Hunted') === true &&
      document.querySelector('.file-hash code') !== null &&
      document.querySelector('[data-session-pending="false"]:not([data-session-saves="0"])') !==
        null,
    undefined,
    { timeout: 60_000 },
  );
  const button = page.getByRole('button', { name: 'Columns' });

  await button.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('searchbox', { name: 'Find a field' }).focus();
  await page.keyboard.press('Escape');
  // The chooser closes on the next render and gives focus back in an effect: wait, not race.
  await page.getByRole('dialog').waitFor({ state: 'detached', timeout: 5000 });
  await button.and(page.locator(':focus')).waitFor({ timeout: 5000 });
  await page.close();
});

browserTest(
  'the column chooser gives focus back even when closed before the next frame',
  async () => {
    const page = await sample();
    // Open and close within one task, before any animation frame: focus must still come back
    // (a panel's return of focus once waited for the frame after it was drawn, and CI, busy,
    // sometimes closed the chooser sooner).
    const focused = await page.evaluate(async () => {
      const button = [...document.querySelectorAll('button')].find(
        (element) => element.textContent === 'Columns',
      );
      if (button === undefined) return 'no Columns button';
      button.focus();
      button.click();
      await new Promise((resolve) => setTimeout(resolve, 0));
      const box = document.querySelector<HTMLInputElement>('input[aria-label="Find a field"]');
      if (box === null) return 'no chooser';
      box.focus();
      box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (document.querySelector('[role="dialog"]') !== null) return 'still open';
      return document.activeElement === button ? 'button' : String(document.activeElement?.tagName);
    });
    assert.equal(focused, 'button');
    await page.close();
  },
);

browserTest(
  'the accessibility checks find what they look for on a page built to fail',
  async () => {
    const page = await session.context.newPage();
    await page.setContent(`
    <h1>bad page</h1>
    <button id="twice"></button>
    <input id="twice" style="outline: none">
    <p style="color: #999; background: #fff">faint text</p>
    <div role="grid" aria-activedescendant="nowhere" tabindex="0">x</div>`);

    assert.deepEqual(
      (await unnamedControls(page)).map((control) => control.role),
      ['button', 'textbox', 'grid'],
    );
    assert.deepEqual(await idProblems(page), [
      'id "twice" used 2 times',
      'aria-activedescendant → missing #nowhere',
    ]);
    assert.deepEqual(
      (await contrastProblems(page)).map((problem) => [problem.text, problem.ratio]),
      [['faint text', 2.85]],
    );
    const stops = await tabWalk(page);
    assert.deepEqual(
      stops.map((stop) => stop.visibleFocus),
      [true, false, true],
    );
    await page.close();
  },
);

browserTest('the empty page passes the accessibility checks', async () => {
  const page = await session.context.newPage();
  await page.goto(web.url);
  await page.getByRole('heading', { name: 'evtxhunt' }).waitFor();

  assert.deepEqual(await unnamedControls(page), []);
  assert.deepEqual(await idProblems(page), []);
  assert.deepEqual(await contrastProblems(page), []);
  const stops = await tabWalk(page);
  assert.deepEqual(
    stops.map((stop) => [stop.what.replace(/#\d+/, ''), stop.visibleFocus]),
    [
      ['input Open EVTX files', true],
      ['button Open the bundled sample', true],
      ['button Sessions', true],
      ['button Columns', true],
      ['button Dark theme', true],
      ['select Language', true],
      ['input Query', true],
      ['button Regex', true],
      ['select Time zone', true],
      // Sigma rules can be loaded before any log.
      ['input Load a rules folder', true],
      ['input Load a rules .zip', true],
    ],
  );
  await page.close();
});

browserTest('every drawn row and cell says where it sits in the whole grid', async () => {
  const page = await sample();
  const grid = page.getByRole('grid');
  await grid.focus();
  await page.keyboard.press('End');
  await page.locator('[role="row"][aria-rowindex="1731"]').waitFor();

  const columns = Number(await grid.getAttribute('aria-colcount'));
  const rows = await page.locator('.table-rows [role="row"]').evaluateAll((items) =>
    items.map((item) => ({
      row: Number(item.getAttribute('aria-rowindex')),
      columns: [...item.querySelectorAll('[role="gridcell"]')].map((cell) =>
        Number(cell.getAttribute('aria-colindex')),
      ),
    })),
  );
  assert.equal(columns, 7);
  assert.equal(rows.at(-1)?.row, 1731);
  assert.ok(rows.every((row, i) => i === 0 || row.row === (rows[i - 1]?.row ?? 0) + 1));
  assert.ok(rows.every((row) => row.columns.join() === '1,2,3,4,5,6,7'));
  await page.close();
});

for (const theme of ['light', 'dark'] as const) {
  browserTest(`accessibility checks pass in the ${theme} theme`, async () => {
    const page = await sample(theme);
    await openDetails(page, FIRST_NETWORK_POSITION);
    assert.equal(await page.evaluate(() => document.documentElement.dataset['theme']), theme);

    assert.deepEqual(await unnamedControls(page), []);
    assert.deepEqual(await idProblems(page), []);
    assert.deepEqual(await contrastProblems(page), []);
    await page.screenshot({ path: `${ARTIFACTS}/08-a11y-${theme}.png` });

    const stops = await tabWalk(page);
    const unmarked = stops.filter((stop) => !stop.visibleFocus).map((stop) => stop.what);
    assert.deepEqual(unmarked, []);
    const order = ['Open EVTX files', 'Query', 'Events', 'Close details', 'Copy XML'];
    const at = order.map((name) => stops.findIndex((stop) => stop.what.includes(name)));
    assert.ok(
      at.every((index, i) => index >= 0 && (i === 0 || index > (at[i - 1] ?? 0))),
      `${at}`,
    );

    await page.getByRole('button', { name: 'Columns' }).click();
    assert.deepEqual(await unnamedControls(page), []);
    assert.deepEqual(await contrastProblems(page), []);
    await page.close();
  });
}
