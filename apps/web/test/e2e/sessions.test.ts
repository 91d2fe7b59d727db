/**
 * Sessions in real Chromium: the file's SHA-256 in the file list, a bookmark and its note
 * surviving a reload, the query and columns coming back when the same files are opened again
 * in another order, a bookmark coming back with another set of files, Forget emptying it all,
 * saved searches exported and imported in a fresh profile (a hostile name shown as text, a bad
 * file refused with a clear error), and a tab without IndexedDB still working. Each test has a
 * fresh browser context, so its own IndexedDB.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { BrowserContext, Page } from 'playwright-core';

import { writeGeneratedLog } from '@evtxhunt/generate/node';

import {
  ARTIFACTS,
  SKIP_BROWSER,
  downloadExport,
  openBrowser,
  startWeb,
  type WebServer,
} from '../support/e2e.js';
import { contrastProblems, idProblems, unnamedControls } from '../support/a11y.js';
import { ISSUE43, SHARED_EVTX, SKIP_SHARED } from '../support/paths.js';

const VSTO = `${SHARED_EVTX}/sysmonresources/vstoAbuse.evtx`;

/** In issue43, file order: record 1607, taskhsvc.exe's network connection (Sysmon 3). */
const NETWORK_POSITION = 1606;
const ROW_HEIGHT = 24;
const HOSTILE_NAME = '<img src=x onerror="document.title=\'owned\'"> & "quotes"';

let web: WebServer;
let session: Awaited<ReturnType<typeof openBrowser>>;
let dir: string;
let generated: string;

before(async () => {
  if (SKIP_BROWSER) return;
  dir = await mkdtemp(join(tmpdir(), 'evtxhunt-web-sessions-'));
  generated = join(dir, 'seed11.evtx');
  writeGeneratedLog(generated, { seed: 11, sizeBytes: 400_000 });
  web = await startWeb();
  session = await openBrowser();
});

after(async () => {
  await session?.browser.close();
  web?.stop();
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
});

const browserTest = (name: string, body: () => Promise<void>, skip: string | false = false) =>
  test(name, { skip: SKIP_BROWSER || skip }, body);

/** A fresh profile: its own IndexedDB. */
function freshContext(): Promise<BrowserContext> {
  return session.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
}

/** A page of the app in a fresh profile. */
async function freshPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await freshContext();
  const page = await context.newPage();
  await page.goto(web.url);
  return { context, page };
}

/**
 * Loads `paths` through the file input and waits until each is read and hashed and, with
 * `kept` (the page keeps sessions), until the session is restored and written once.
 */
async function load(page: Page, paths: readonly string[], kept = true): Promise<void> {
  const before = kept ? await saves(page) : 0;
  await page.setInputFiles('input[aria-label="Open EVTX files"]', [...paths]);
  await page.waitForFunction(
    (count) =>
      document.querySelectorAll('.file[data-state="done"]').length === count &&
      document.querySelectorAll('.file-hash code').length === count,
    paths.length,
    { timeout: 60_000 },
  );
  if (kept) await written(page, before);
}

/** How many times the page has written its session. */
async function saves(page: Page): Promise<number> {
  return Number(await page.locator('[data-session-saves]').getAttribute('data-session-saves'));
}

/**
 * Waits until the page has written its session more than `than` times and has nothing left to
 * write.
 */
async function written(page: Page, than: number): Promise<void> {
  await page.waitForFunction((count) => {
    const button = document.querySelector('[data-session-saves]');
    const writes = Number(button?.getAttribute('data-session-saves'));
    return writes > count && button?.getAttribute('data-session-pending') === 'false';
  }, than);
}

async function openDetails(page: Page, position: number): Promise<void> {
  const grid = page.getByRole('grid');
  await grid.evaluate((element, top) => (element.scrollTop = top), position * ROW_HEIGHT);
  await page.locator(`[role="row"][aria-rowindex="${position + 2}"]`).click();
  await page.keyboard.press('Enter');
  await page.locator('.details-xml[aria-busy="false"]').waitFor();
}

async function starWithNote(page: Page, note: string): Promise<void> {
  const pane = page.getByRole('complementary');
  await pane.getByRole('button', { name: 'Bookmark this event' }).click();
  await pane.locator('.star[aria-pressed="true"]').waitFor();
  await pane.getByRole('textbox', { name: 'Note on this event' }).fill(note);
}

async function notesInList(page: Page, count: number): Promise<string[]> {
  await page.getByRole('button', { name: `Bookmarks (${count})` }).click();
  const panel = page.getByRole('region', { name: 'Bookmarks' });
  const notes = panel.getByRole('textbox', { name: 'Note' });
  return Promise.all((await notes.all()).map((note) => note.inputValue()));
}

async function query(page: Page, text: string): Promise<void> {
  const box = page.getByRole('searchbox', { name: 'Query' });
  await box.fill(text);
  await box.press('Enter');
}

function headers(page: Page): Promise<string[]> {
  return page.getByRole('columnheader').allInnerTexts();
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

browserTest('the file list shows each file SHA-256, equal to sha256sum', async () => {
  const { context, page } = await freshPage();
  await load(page, [ISSUE43, generated]);
  const shown = await page.locator('.file-hash code').allInnerTexts();
  const expected = [sha256(await readFile(ISSUE43)), sha256(await readFile(generated))];
  assert.deepEqual(shown, expected);
  await context.close();
});

browserTest('a bookmark and its note survive a reload of the page', async () => {
  const { context, page } = await freshPage();
  await load(page, [ISSUE43]);
  await openDetails(page, NETWORK_POSITION);
  const before = await saves(page);
  await starWithNote(page, 'Tor client <b>connects</b> out');
  await written(page, before);

  await page.reload();
  await load(page, [ISSUE43]);
  await page
    .getByRole('status')
    .filter({ hasText: 'Session restored from this browser: 1 bookmark with its note.' })
    .waitFor();
  assert.deepEqual(await notesInList(page, 1), ['Tor client <b>connects</b> out']);
  const item = page.getByRole('region', { name: 'Bookmarks' }).locator('.bookmark > button.link');
  assert.equal(
    await item.innerText(),
    '2017-10-23T07:32:01.0129272Z · event 3, record 1607 · taskhsvc.exe',
  );
  await page.screenshot({ path: `${ARTIFACTS}/sessions-01-restored.png` });
  await context.close();
});

browserTest(
  'a log kept at the analyst request opens again after a reload, with its session',
  async () => {
    const context = await freshContext();
    const page = await context.newPage();
    await page.goto(web.url);
    await load(page, [ISSUE43]);
    await openDetails(page, NETWORK_POSITION);
    const before = await saves(page);
    await starWithNote(page, 'kept with its log');
    await written(page, before);
    await page.getByRole('button', { name: 'Sessions' }).click();
    const panel = page.getByRole('region', { name: 'Sessions' });
    await panel
      .getByRole('button', { name: 'Keep the open log files in this browser too' })
      .click();
    await panel.getByText('1 log file kept in this browser.').waitFor();

    await page.reload();
    await page.getByRole('button', { name: 'Sessions' }).click();
    await panel.getByRole('button', { name: 'Open the kept log sysmon-issue43.evtx' }).click();
    await page.locator('.file[data-state="done"] .file-hash code').waitFor({ timeout: 60_000 });
    await page.getByRole('status').filter({ hasText: '1 bookmark with its note.' }).waitFor();
    assert.equal(
      await page.locator('.file-hash code').innerText(),
      sha256(await readFile(ISSUE43)),
    );
    assert.deepEqual(await notesInList(page, 1), ['kept with its log']);
    await context.close();
  },
);

browserTest(
  'a finding bookmark and its note come back once the hunt reports the finding again',
  async () => {
    const context = await freshContext();
    const page = await context.newPage();
    await page.goto(web.url);
    await load(page, [VSTO]);
    await page.locator('.hunt-status', { hasText: /^Hunted/ }).waitFor({ timeout: 60_000 });
    await page.getByRole('tab', { name: /^Findings/ }).click();
    const before = await saves(page);
    await page.getByRole('button', { name: /^Bookmark the beacon finding on / }).click();
    await page.getByRole('button', { name: 'Bookmarks (1)' }).click();
    const panel = page.getByRole('region', { name: 'Bookmarks' });
    await panel.getByRole('textbox', { name: 'Note' }).fill('Empire C2, 5 s beacon');
    await written(page, before);

    await page.reload();
    await load(page, [VSTO]);
    await page
      .getByRole('status')
      .filter({ hasText: 'Session restored from this browser: 1 finding bookmark.' })
      .waitFor({ timeout: 60_000 });
    assert.deepEqual(await notesInList(page, 1), ['Empire C2, 5 s beacon']);
    await context.close();
  },
  SKIP_SHARED,
);

browserTest('the query and columns come back with the same files in another order', async () => {
  const { context, page } = await freshPage();
  await load(page, [ISSUE43, generated]);
  const before = await saves(page);
  await query(page, 'eventId:3');
  await page.getByRole('button', { name: 'Columns' }).click();
  await page.getByRole('searchbox', { name: 'Find a field' }).fill('DestinationIp');
  await page.getByRole('checkbox', { name: /^DestinationIp / }).check();
  await page.getByRole('button', { name: 'Done' }).click();
  await written(page, before);
  const shownBefore = await headers(page);
  assert.ok(
    shownBefore.some((text) => /Destination ?Ip/i.test(text)),
    shownBefore.join('|'),
  );

  // A new page without the share link's fragment: only the session can bring the view back.
  const again = await context.newPage();
  await again.goto(web.url);
  await load(again, [generated, ISSUE43]);
  await again.getByRole('status').filter({ hasText: 'the query, columns and view' }).waitFor();
  assert.equal(await again.getByRole('searchbox', { name: 'Query' }).inputValue(), 'eventId:3');
  assert.deepEqual(await headers(again), shownBefore);
  await context.close();
});

browserTest('a bookmark comes back by file hash when other files are open with it', async () => {
  const { context, page } = await freshPage();
  await load(page, [generated, ISSUE43]);
  await query(page, 'recordId:1607 Image:*taskhsvc.exe');
  await page
    .locator('.events-count')
    .filter({ hasText: /^1 of / })
    .waitFor();
  await openDetails(page, 0);
  const before = await saves(page);
  await starWithNote(page, 'seen with the generated log');
  await written(page, before);

  const alone = await context.newPage();
  await alone.goto(web.url);
  await load(alone, [ISSUE43]);
  await alone.getByRole('status').filter({ hasText: '1 bookmark with its note.' }).waitFor();
  assert.equal(await alone.getByRole('searchbox', { name: 'Query' }).inputValue(), '');
  assert.deepEqual(await notesInList(alone, 1), ['seen with the generated log']);
  await context.close();
});

browserTest('Forget everything, once confirmed, leaves nothing to restore', async () => {
  const { context, page } = await freshPage();
  await load(page, [ISSUE43]);
  await openDetails(page, NETWORK_POSITION);
  const before = await saves(page);
  await starWithNote(page, 'to be forgotten');
  await query(page, 'eventId:3');
  await written(page, before);

  await page.getByRole('button', { name: 'Sessions' }).click();
  const panel = page.getByRole('region', { name: 'Sessions' });
  await panel.getByRole('textbox', { name: 'Name of the search' }).fill('network');
  await panel.getByRole('button', { name: 'Save this search' }).click();
  await panel.getByRole('button', { name: 'Apply the search network' }).waitFor();
  await panel.getByRole('button', { name: 'Keep the open log files in this browser too' }).click();
  await panel.getByText('1 log file kept in this browser.').waitFor();
  page.once('dialog', (dialog) => void dialog.dismiss());
  await panel.getByRole('button', { name: 'Forget everything kept in this browser…' }).click();
  assert.equal(await panel.getByRole('button', { name: 'Apply the search network' }).count(), 1);
  page.once('dialog', (dialog) => void dialog.accept());
  await panel.getByRole('button', { name: 'Forget everything kept in this browser…' }).click();
  await panel
    .getByText(
      'Everything kept in this browser was forgotten, and the view taken out of the page address.',
    )
    .waitFor();
  assert.equal(await panel.getByRole('button', { name: 'Apply the search network' }).count(), 0);
  // The query was in the address (the share link); a reload must not bring it back.
  assert.equal(new URL(page.url()).hash, '');

  const later = await context.newPage();
  await later.goto(web.url);
  await load(later, [ISSUE43]);
  assert.equal(await later.locator('.session-note').count(), 0);
  assert.equal(await later.getByRole('button', { name: 'Bookmarks (0)' }).count(), 1);
  assert.equal(await later.getByRole('searchbox', { name: 'Query' }).inputValue(), '');
  await later.getByRole('button', { name: 'Sessions' }).click();
  await later.getByText('No saved searches yet.').waitFor();
  assert.equal(await later.getByRole('button', { name: /^Open the kept log / }).count(), 0);
  await context.close();
});

browserTest('a saved search and layout are exported and imported in a fresh profile', async () => {
  const { context, page } = await freshPage();
  await query(page, 'eventId:3 Image:*taskhsvc.exe');
  await page.getByRole('button', { name: 'Sessions' }).click();
  const panel = page.getByRole('region', { name: 'Sessions' });
  await panel.getByRole('textbox', { name: 'Name of the search' }).fill(HOSTILE_NAME);
  await panel.getByRole('button', { name: 'Save this search' }).click();
  await panel.getByRole('textbox', { name: 'Name of the layout' }).fill('narrow');
  await panel.getByRole('button', { name: 'Save these columns' }).click();
  await panel.getByRole('button', { name: 'Apply the layout narrow' }).waitFor();
  const exported = await downloadExport(page, 'Export saved searches');
  assert.equal(exported.name, 'evtxhunt-saved-searches.json');
  const file = JSON.parse(exported.text) as Record<string, unknown>;
  assert.deepEqual(file, {
    format: 'evtxhunt saved searches',
    version: 1,
    searches: [{ name: HOSTILE_NAME, view: 'v=1&q=eventId%3A3%20Image%3A*taskhsvc.exe' }],
    layouts: [
      {
        name: 'narrow',
        columns: ['timeCreated', 'file', 'recordId', 'eventId', 'level', 'provider', 'computer'],
      },
    ],
  });
  await context.close();

  const colleague = await freshContext();
  const fresh = await colleague.newPage();
  await fresh.goto(web.url);
  await fresh.getByRole('button', { name: 'Sessions' }).click();
  const theirs = fresh.getByRole('region', { name: 'Sessions' });
  const importAs = (name: string, text: string) =>
    theirs.getByLabel('Import saved searches').setInputFiles({
      name,
      mimeType: 'application/json',
      buffer: Buffer.from(text),
    });

  await importAs('broken.json', '{"format": "evtxhunt saved searches", ');
  const alert = theirs.getByRole('alert');
  await alert.waitFor();
  assert.match(
    await alert.innerText(),
    /^broken\.json is not a saved-searches file this app can read: it is not JSON \(.+\)$/,
  );
  const tooLong = { ...file, searches: [{ name: 'x'.repeat(201), view: 'v=1' }] };
  await importAs('long.json', JSON.stringify(tooLong));
  await alert
    .filter({
      hasText:
        'long.json is not a saved-searches file this app can read: ' +
        'searches[0].name is 201 characters long; the limit is 200',
    })
    .waitFor();

  await importAs('colleague.json', exported.text);
  await theirs
    .getByText('Imported 1 saved search and 1 column layout from colleague.json.')
    .waitFor();
  const apply = theirs.getByRole('button', { name: `Apply the search ${HOSTILE_NAME}` });
  assert.equal(await apply.innerText(), HOSTILE_NAME);
  assert.equal(await theirs.locator('img').count(), 0);
  await apply.click();
  assert.equal(
    await fresh.getByRole('searchbox', { name: 'Query' }).inputValue(),
    'eventId:3 Image:*taskhsvc.exe',
  );
  assert.notEqual(await fresh.title(), 'owned');
  await fresh.screenshot({ path: `${ARTIFACTS}/sessions-02-imported.png` });
  await colleague.close();
});

for (const theme of ['light', 'dark'] as const) {
  browserTest(`the Sessions panel and the file hash pass the checks (${theme} theme)`, async () => {
    const context = await freshContext();
    const page = await context.newPage();
    await page.addInitScript((chosen) => localStorage.setItem('evtxhunt-theme', chosen), theme);
    await page.goto(web.url);
    await load(page, [ISSUE43]);
    await page.getByRole('button', { name: 'Sessions' }).click();
    const panel = page.getByRole('region', { name: 'Sessions' });
    await panel.getByRole('textbox', { name: 'Name of the search' }).fill('all');
    await panel.getByRole('button', { name: 'Save this search' }).click();
    await panel.getByRole('button', { name: 'Apply the search all' }).waitFor();

    assert.deepEqual(await unnamedControls(page), []);
    assert.deepEqual(await idProblems(page), []);
    assert.deepEqual(await contrastProblems(page), []);
    await page.screenshot({ path: `${ARTIFACTS}/sessions-03-${theme}.png` });
    await context.close();
  });
}

/** Writes `values` into the page's session database, as another tab or a hand edit could. */
async function plant(page: Page, values: Record<string, readonly unknown[]>): Promise<void> {
  await page.evaluate(
    (planted) =>
      new Promise<void>((resolve, reject) => {
        const opening = indexedDB.open('evtxhunt-sessions');
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const db = opening.result;
          const writing = db.transaction(Object.keys(planted), 'readwrite');
          for (const [store, list] of Object.entries(planted)) {
            for (const value of list) writing.objectStore(store).put(value);
          }
          writing.oncomplete = () => resolve();
          writing.onerror = () => reject(writing.error);
        };
      }),
    values,
  );
}

browserTest(
  'entries read back that fail their checks are left out; kept bookmarks not found stay',
  async () => {
    const context = await freshContext();
    const page = await context.newPage();
    await page.goto(web.url);
    await page.locator('[data-session-saves]').waitFor();
    await page.getByRole('button', { name: 'Sessions' }).click();
    await page.getByText(/^Sessions are on/).waitFor();
    const hash = sha256(await readFile(ISSUE43));
    const gone = { recordId: '999999', recovered: false, time: '', note: 'gone' };
    const found = { recordId: '1607', recovered: false, time: '', note: 'back' };
    await plant(page, {
      files: [
        { sha256: hash, name: 'x.evtx', size: 1, bookmarks: [gone, found] },
        { sha256: 'f'.repeat(64), name: 'bad', size: 1, bookmarks: 'all of them' },
      ],
      sessions: [{ key: hash, files: [], view: 'v=1&q=eventId%3A1' }],
      searches: [
        { name: 'good', view: 'v=1&q=eventId%3A3' },
        { name: 'x'.repeat(5000), view: 'v=1' },
        { name: 'no view' },
      ],
    });

    const later = await context.newPage();
    await later.goto(web.url);
    await load(later, [ISSUE43]);
    await later
      .getByRole('status')
      .filter({
        hasText:
          'Session restored from this browser: 1 bookmark with its note. 1 kept bookmark points ' +
          'at a record not read this time; it stays kept.',
      })
      .waitFor();
    // The session record's key does not name its files, so its view was not used.
    assert.equal(await later.getByRole('searchbox', { name: 'Query' }).inputValue(), '');
    assert.deepEqual(await notesInList(later, 1), ['back']);
    await later.getByRole('button', { name: 'Sessions' }).click();
    const panel = later.getByRole('region', { name: 'Sessions' });
    assert.deepEqual(await panel.locator('.saved-item button.link').allInnerTexts(), ['good']);
    await context.close();
  },
);

browserTest('a tab without IndexedDB says sessions are off and still reads files', async () => {
  const context = await freshContext();
  await context.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => void errors.push(error.message));
  await page.goto(web.url);
  await page.getByRole('button', { name: 'Sessions (off)' }).click();
  await page
    .getByText(
      'Sessions are off: this browser gives the page no IndexedDB. Everything else works; ' +
        'nothing is kept after this page closes.',
    )
    .waitFor();
  await load(page, [ISSUE43], false);
  await page.locator('.events-count').filter({ hasText: '1,730 events' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

browserTest('a tab whose browser refuses IndexedDB says why sessions are off', async () => {
  const context = await freshContext();
  await context.addInitScript(() => {
    IDBFactory.prototype.open = () => {
      throw new DOMException('the user denied storage', 'SecurityError');
    };
  });
  const page = await context.newPage();
  await page.goto(web.url);
  await page.getByRole('button', { name: 'Sessions (off)' }).click();
  await page
    .getByText(
      'Sessions are off: this browser refused the page its IndexedDB (the user denied storage). ' +
        'Everything else works; nothing is kept after this page closes.',
    )
    .waitFor();
  const keep = page.getByRole('button', { name: 'Keep the open log files in this browser too' });
  assert.equal(await keep.isDisabled(), true);
  await context.close();
});
