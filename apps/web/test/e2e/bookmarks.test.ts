/**
 * Bookmarks in real Chromium: star events in the details pane, write a note, find them in the
 * list, walk and jump between them, export the Markdown report and JSONL and read what was
 * downloaded; and star a finding (vstoAbuse's beacon, from the shared corpus).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import type { Page } from 'playwright-core';

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

/** In issue43, file order: record 1605 (Sysmon 1, taskhsvc.exe) and 1607 (its connection). */
const START_POSITION = 1604;
const NETWORK_POSITION = 1606;
const ROW_HEIGHT = 24;

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

const browserTest = (name: string, body: () => Promise<void>, skip: string | false = false) =>
  test(name, { skip: SKIP_BROWSER || skip }, body);

/** A fresh page in `theme` with `path` loaded through the file input. */
async function loaded(path: string, theme: 'light' | 'dark' = 'light'): Promise<Page> {
  const page = await session.context.newPage();
  await page.addInitScript((chosen) => localStorage.setItem('evtxhunt-theme', chosen), theme);
  await page.goto(web.url);
  await page.setInputFiles('input[type="file"]', [path]);
  await page.locator('.file[data-state="done"]').waitFor({ timeout: 60_000 });
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

/** Stars the open event and writes `note` on it. */
async function starOpenEvent(page: Page, note: string): Promise<void> {
  const pane = page.getByRole('complementary');
  await pane.getByRole('button', { name: 'Bookmark this event' }).click();
  await pane.locator('.star[aria-pressed="true"]').waitFor();
  await pane.getByRole('textbox', { name: 'Note on this event' }).fill(note);
}

function detailsHeading(page: Page): Promise<string> {
  return page.getByRole('complementary').getByRole('heading', { level: 2 }).innerText();
}

browserTest('star two events, note one, list them, jump between them and export', async () => {
  const page = await loaded(ISSUE43);
  await openDetails(page, NETWORK_POSITION);
  await starOpenEvent(page, 'Tor client <b>connects</b>\n# see http://evil.example');
  await openDetails(page, START_POSITION);
  await starOpenEvent(page, '');

  await page.getByRole('button', { name: 'Bookmarks (2)' }).click();
  const panel = page.getByRole('region', { name: 'Bookmarks' });
  await panel.getByRole('heading', { name: '2 bookmarks' }).waitFor();
  const items = panel.locator('.bookmark > button.link');
  assert.deepEqual(await items.allInnerTexts(), [
    '2017-10-23T07:31:53.1257932Z · event 1, record 1605 · taskhsvc.exe',
    '2017-10-23T07:32:01.0129272Z · event 3, record 1607 · taskhsvc.exe',
  ]);
  const notes = panel.getByRole('textbox', { name: 'Note' });
  assert.equal(
    await notes.nth(1).inputValue(),
    'Tor client <b>connects</b>\n# see http://evil.example',
  );

  await page.getByRole('button', { name: 'Close details' }).click();
  await items.nth(1).click();
  await page.getByRole('complementary').waitFor();
  assert.equal(await detailsHeading(page), 'Event 3 · record 1607');
  const selected = page.locator('[role="row"][aria-selected="true"]');
  assert.equal(await selected.getAttribute('aria-rowindex'), String(NETWORK_POSITION + 2));

  await panel.getByRole('button', { name: 'Next bookmark' }).click();
  await page.getByRole('heading', { name: 'Event 1 · record 1605' }).waitFor();
  await panel.getByRole('button', { name: 'Previous bookmark' }).click();
  await page.getByRole('heading', { name: 'Event 3 · record 1607' }).waitFor();
  assert.equal(
    await panel.locator('.bookmark.current > button.link').innerText(),
    await items.nth(1).innerText(),
  );
  await page.screenshot({ path: `${ARTIFACTS}/bookmarks-01-list.png` });

  // The list follows the zone the table is shown in.
  await page.getByRole('combobox', { name: 'Time zone' }).selectOption('Europe/Berlin');
  await page.waitForFunction(() =>
    document.querySelector('.bookmark > button.link')?.textContent?.includes('+02:00'),
  );
  assert.deepEqual(await items.allInnerTexts(), [
    '2017-10-23T09:31:53.1257932+02:00 · event 1, record 1605 · taskhsvc.exe',
    '2017-10-23T09:32:01.0129272+02:00 · event 3, record 1607 · taskhsvc.exe',
  ]);
  await page.getByRole('combobox', { name: 'Time zone' }).selectOption('UTC');

  const report = await downloadExport(page, 'Export report (Markdown)');
  assert.equal(report.name, 'evtxhunt-bookmarks.md');
  const sections = report.text.split('\n## ');
  assert.equal(sections.length, 3);
  assert.equal(
    sections[1]?.split('\n')[0],
    '1. 2017-10-23T07:31:53.1257932Z · event 1 · Process created',
  );
  assert.ok(!sections[1]?.includes('### Note'));
  assert.match(sections[2] ?? '', /^- Destination: `127\.0\.0\.1:51180`$/m);
  assert.match(sections[2] ?? '', /\(this process; started in record `1605`\)$/m);
  assert.ok(
    sections[2]?.endsWith(
      '### Note\n\n> Tor client \\<b\\>connects\\</b\\>\n> \\# see http\\://evil.example\n',
    ),
  );

  const jsonl = await downloadExport(page, 'Export JSONL');
  assert.equal(jsonl.name, 'evtxhunt-bookmarks.jsonl');
  const lines = jsonl.text
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line));
  assert.deepEqual(
    lines.map((line) => [line.record.recordId, line.note]),
    [
      ['1605', ''],
      ['1607', 'Tor client <b>connects</b>\n# see http://evil.example'],
    ],
  );
  await page.close();
});

browserTest(
  'unstarring removes the bookmark from the list and starring again brings its note back',
  async () => {
    const page = await loaded(ISSUE43);
    await openDetails(page, NETWORK_POSITION);
    await starOpenEvent(page, 'first look');
    const star = page.getByRole('button', { name: 'Bookmark this event' });
    await star.click();
    await page.locator('.details .star[aria-pressed="false"]').waitFor();
    assert.equal(await page.getByRole('textbox', { name: 'Note on this event' }).count(), 0);
    assert.equal(
      await page.locator('.bookmark-note-kept').innerText(),
      'Its note is kept: star it again to bring the note back.',
    );

    await page.getByRole('button', { name: 'Bookmarks (0)' }).click();
    const panel = page.getByRole('region', { name: 'Bookmarks' });
    await panel.getByRole('heading', { name: '0 bookmarks' }).waitFor();
    assert.equal(await panel.getByRole('button', { name: 'Export JSONL' }).isDisabled(), true);

    await star.click();
    const note = page.getByRole('textbox', { name: 'Note on this event' });
    assert.equal(await note.inputValue(), 'first look');
    assert.equal(
      await page.locator('.details .bookmark-note-length').innerText(),
      '10 of 10,000 characters',
    );
    await page.close();
  },
);

browserTest('a note stops at its limit, says so, and never keeps half a character', async () => {
  const page = await loaded(ISSUE43);
  await openDetails(page, NETWORK_POSITION);
  await starOpenEvent(page, '');
  const note = page.getByRole('textbox', { name: 'Note on this event' });
  assert.equal(await note.getAttribute('maxlength'), '10000');

  // 9,999 units and a fox (two units): the fox does not fit and is not split.
  await note.fill('x'.repeat(9_999) + '\u{1F98A}');
  const length = page.locator('.details .bookmark-note-length');
  await page.waitForFunction(() =>
    document.querySelector('.details .bookmark-note-length')?.textContent?.startsWith('9,999'),
  );
  assert.equal(await length.innerText(), '9,999 of 10,000 characters');
  const kept = await note.inputValue();
  assert.equal(kept, 'x'.repeat(9_999));
  await page.close();
});

for (const theme of ['light', 'dark'] as const) {
  browserTest(
    `the bookmarks list and a starred event pass the checks (${theme} theme)`,
    async () => {
      const page = await loaded(ISSUE43, theme);
      await openDetails(page, NETWORK_POSITION);
      await starOpenEvent(page, 'a note');
      await page.getByRole('button', { name: 'Bookmarks (1)' }).click();
      await page.getByRole('region', { name: 'Bookmarks' }).locator('.bookmark').waitFor();

      assert.deepEqual(await unnamedControls(page), []);
      assert.deepEqual(await idProblems(page), []);
      assert.deepEqual(await contrastProblems(page), []);
      await page.screenshot({ path: `${ARTIFACTS}/bookmarks-02-${theme}.png` });
      await page.close();
    },
  );
}

browserTest(
  'star a finding, note it, and jump back to it from the list',
  async () => {
    const page = await loaded(VSTO);
    await page.locator('.hunt-status', { hasText: /^Hunted/ }).waitFor({ timeout: 60_000 });
    await page.getByRole('tab', { name: /^Findings/ }).click();
    const star = page.getByRole('button', { name: /^Bookmark the beacon finding on / });
    await star.click();
    await page.locator('.finding-list .star[aria-pressed="true"]').waitFor();

    await page.getByRole('button', { name: 'Bookmarks (1)' }).click();
    const panel = page.getByRole('region', { name: 'Bookmarks' });
    await panel.getByRole('textbox', { name: 'Note' }).fill('Empire C2, 5 s beacon');
    await page.getByRole('tab', { name: 'Events' }).click();
    await panel.locator('.bookmark > button.link').click();
    await page.getByRole('region', { name: 'The open finding' }).waitFor();
    assert.equal(
      await page
        .getByRole('region', { name: 'The open finding' })
        .getByRole('heading', { level: 2 })
        .innerText(),
      'MEDIUM beacon on DESKTOP-O153T4R',
    );

    const report = await downloadExport(page, 'Export report (Markdown)');
    assert.match(report.text, /^## 1\. \S+Z · finding beacon \(medium\)$/m);
    assert.match(report.text, /^- Destination: `172\.30\.1\.253:80`$/m);
    assert.ok(report.text.endsWith('### Note\n\n> Empire C2, 5 s beacon\n'));
    await page.close();
  },
  SKIP_SHARED,
);
