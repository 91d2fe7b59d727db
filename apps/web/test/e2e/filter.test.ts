/**
 * Filtering in real Chromium on real logs: queries typed in the box (counts checked against
 * `evtxhunt dump --query`, which filters EventRecord objects instead of the store), a bad
 * regular expression's inline error, facet counts that follow the filter, the histogram's
 * brush by mouse and keyboard, the time zone switch, the link surviving a reload, and each cell
 * action. Screenshots go to apps/web/test-artifacts as 1x-*.png.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

import type { BrowserContext, Page } from 'playwright-core';

import { ARTIFACTS, SKIP_BROWSER, openBrowser, startWeb, type WebServer } from '../support/e2e.js';
import { ISSUE43, REPO, SHARED_EVTX, SKIP_SHARED } from '../support/paths.js';

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

/** A page with the bundled sample loaded, at `fragment` when given. */
async function samplePage(context: BrowserContext, fragment = ''): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${web.url}${fragment}`);
  await loadFiles(page, [ISSUE43]);
  return page;
}

async function loadFiles(page: Page, paths: string[]): Promise<void> {
  await page.setInputFiles('input[type="file"]', paths);
  await page.waitForFunction(
    (count) => document.querySelectorAll('.file[data-state="done"]').length === count,
    paths.length,
    { timeout: 60_000 },
  );
}

/** The count line once it reads `expected` (or after 10 s, whatever it reads then). */
async function countLine(page: Page, expected: string): Promise<string> {
  const line = page.locator('.events-count');
  await page
    .waitForFunction(
      (text) => document.querySelector('.events-count')?.textContent === text,
      expected,
      { timeout: 10_000 },
    )
    .catch(() => undefined);
  return line.innerText();
}

async function query(page: Page, text: string): Promise<void> {
  await page.locator('#query').fill(text);
  await page.locator('#query').press('Enter');
}

/** How many records of the bundled sample `evtxhunt dump --query` keeps. */
async function cliCount(text: string): Promise<number> {
  const main = `${REPO}packages/cli/dist/src/main.js`;
  const args = [main, 'dump', '--query', text, '--format', 'jsonl', ISSUE43];
  const { stdout } = await promisify(execFile)(process.execPath, args, { maxBuffer: 1 << 26 });
  return stdout.split('\n').filter((line) => line !== '').length;
}

function cell(page: Page, row: number, column: number) {
  return page.locator('.table-rows [role="row"]').nth(row).locator('[role="gridcell"]').nth(column);
}

async function facetValues(page: Page, label: string): Promise<[string, string][]> {
  const facet = page.getByRole('region', { name: label, exact: true });
  return facet
    .locator('.facet-value')
    .evaluateAll((buttons) =>
      buttons.map((button): [string, string] => [
        button.querySelector('.facet-text')?.textContent ?? '',
        button.querySelector('.facet-count')?.textContent ?? '',
      ]),
    );
}

browserTest(
  'the query box filters the sample: a field, OR, negation, comparison, regex',
  async () => {
    const page = await samplePage(session.context);
    const cases: [string, string][] = [
      ['eventId:3', '153 of 1,730 events'],
      ['eventId:3 OR eventId:1', '509 of 1,730 events'],
      ['-eventId:2', '879 of 1,730 events'],
      ['DestinationPort:>1000', '33 of 1,730 events'],
      ['eventId:[2 TO 5]', '1,358 of 1,730 events'],
    ];
    for (const [text, expected] of cases) {
      await query(page, text);
      assert.equal(await countLine(page, expected), expected, text);
    }

    // A dot is itself in a plain word and any character in regex mode, which reads the box again.
    await query(page, 'svc.ost');
    assert.equal(await countLine(page, '0 of 1,730 events'), '0 of 1,730 events');
    await page.getByRole('button', { name: 'Regex' }).click();
    assert.equal(await countLine(page, '304 of 1,730 events'), '304 of 1,730 events');
    assert.equal(await cliCount('svchost'), 304);
    assert.equal(
      await page.getByRole('button', { name: 'Regex' }).getAttribute('aria-pressed'),
      'true',
    );
    assert.match(new URL(page.url()).hash, /&re=1$/);
    await page.close();
  },
);

browserTest('a bad regular expression is marked in place and the rows stay', async () => {
  const page = await samplePage(session.context);
  await query(page, 'eventId:1');
  assert.equal(await countLine(page, '356 of 1,730 events'), '356 of 1,730 events');

  await query(page, 'eventId:1 CommandLine:/[/');
  const note = page.locator('.query-note.problem');
  await note.waitFor();
  assert.equal(
    await note.locator('.query-message').innerText(),
    'Cannot filter: bad regular expression /[/: Unterminated character class',
  );
  assert.equal(await note.locator('mark').innerText(), '/[/');
  assert.equal(await page.locator('#query').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('.events-count').innerText(), '356 of 1,730 events');
  await page.screenshot({ path: `${ARTIFACTS}/10-query-error.png` });

  await query(page, 'eventId:1 NoSuchField:x');
  assert.equal(
    await page.locator('.query-note.warning .query-message').innerText(),
    'Note: no loaded event has a field named NoSuchField',
  );
  assert.equal(await countLine(page, '0 of 1,730 events'), '0 of 1,730 events');
  await page.close();
});

browserTest(
  'facets count Event IDs, follow the filter, include, exclude and add fields',
  async () => {
    const page = await samplePage(session.context);
    assert.deepEqual(await facetValues(page, 'Event ID'), [
      ['2', '851'],
      ['1', '356'],
      ['5', '351'],
      ['3', '153'],
      ['6', '13'],
      ['4', '3'],
      ['16', '3'],
    ]);
    assert.deepEqual(await facetValues(page, 'Level'), [['Information', '1,730']]);

    await page.getByRole('button', { name: 'Only Event ID 3 (153 events)' }).click();
    assert.equal(await countLine(page, '153 of 1,730 events'), '153 of 1,730 events');
    assert.equal(await page.locator('#query').inputValue(), 'eventId:3');
    assert.deepEqual(await facetValues(page, 'Computer'), [['DESKTOP-DF4ULDE', '153']]);

    await page.getByRole('combobox', { name: 'Add a facet' }).selectOption('Protocol');
    await page.getByRole('region', { name: 'Protocol', exact: true }).waitFor();
    assert.deepEqual(await facetValues(page, 'Protocol'), [
      ['tcp', '132'],
      ['udp', '21'],
    ]);
    await page.getByRole('button', { name: 'Leave out Protocol udp' }).click();
    assert.equal(await countLine(page, '132 of 1,730 events'), '132 of 1,730 events');
    assert.equal(await page.locator('#query').inputValue(), 'eventId:3 -Protocol:udp');
    await page.screenshot({ path: `${ARTIFACTS}/11-facets.png` });

    await page.getByRole('button', { name: 'Leave out Protocol udp' }).click();
    await page.getByRole('button', { name: 'Only Event ID 3 (153 events)' }).click();
    assert.equal(await countLine(page, '1,730 events'), '1,730 events');
    assert.equal(await page.locator('#query').inputValue(), '');
    await page.close();
  },
);

browserTest(
  'Level 0 counts as Information in the Level facet and in a query',
  async () => {
    const page = await session.context.newPage();
    await page.goto(web.url);
    await loadFiles(page, [`${SHARED_EVTX}/ts-evtx/Security.evtx`]);

    assert.deepEqual(await facetValues(page, 'Level'), [['Information', '1,715']]);
    await query(page, 'level:0');
    assert.equal(await countLine(page, '1,712 of 1,715 events'), '1,712 of 1,715 events');
    await page.close();
  },
  SKIP_SHARED,
);

browserTest('the rest of System is a column, a facet, a query and in the details', async () => {
  const page = await samplePage(session.context);

  await page.getByRole('button', { name: 'Columns' }).click();
  const chooser = page.getByRole('dialog', { name: 'Choose columns' });
  await chooser.getByRole('searchbox', { name: 'Find a field' }).fill('System.');
  const offered = await chooser.getByRole('checkbox').evaluateAll((boxes) =>
    boxes.map((box) =>
      box
        .closest('label')
        ?.textContent?.replace(/[\d,]+$/, '')
        .trim(),
    ),
  );
  assert.deepEqual(offered, [
    'System.Keywords',
    'System.Task',
    'System.Opcode',
    'System.Version',
    'System.UserID',
    'System.ProcessID',
    'System.ThreadID',
    'System.ProviderGuid',
  ]);
  await chooser.getByRole('checkbox', { name: /^System\.ProcessID/ }).check();
  await chooser.getByRole('button', { name: 'Done' }).click();
  assert.equal(await cell(page, 2, 7).innerText(), '4212');

  await page.getByRole('combobox', { name: 'Add a facet' }).selectOption('System.Task');
  await page.getByRole('region', { name: 'System.Task', exact: true }).waitFor();
  assert.deepEqual((await facetValues(page, 'System.Task'))[0], ['2', '851']);

  for (const text of ['System.ProcessID:4212', 'level:Information', 'file:sysmon-issue43.evtx']) {
    const expected = await cliCount(text);
    const line = `${expected.toLocaleString('en-US')} of 1,730 events`;
    await query(page, text);
    assert.equal(await countLine(page, line), line, text);
  }
  assert.equal(await cliCount('System.ProcessID:4212'), 505);

  await page.getByRole('grid').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const details = page.getByRole('complementary');
  assert.match(await details.locator('.fields').first().innerText(), /System\.UserID\s+S-1-5-/);
  await page.screenshot({ path: `${ARTIFACTS}/1x-system-fields.png` });
  await page.close();
});

browserTest('the histogram brush zooms by mouse and by keyboard; the count follows', async () => {
  const page = await samplePage(session.context);
  await query(page, 'eventId:3');
  assert.equal(await countLine(page, '153 of 1,730 events'), '153 of 1,730 events');

  const over = page.locator('.histogram-plot .u-over');
  const box = await over.boundingBox();
  assert.ok(box !== null);
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2, { steps: 8 });
  await page.mouse.up();
  await page.waitForFunction(() => /timeCreated:\[/.test(decodeURIComponent(location.hash)), null, {
    timeout: 5000,
  });
  const zoomed = await page.locator('#query').inputValue();
  assert.match(zoomed, /^eventId:3 timeCreated:\[\S+ TO \S+\}$/);
  const expected = `${await cliCount(zoomed)} of 1,730 events`;
  assert.equal(await countLine(page, expected), expected);
  assert.notEqual(expected, '153 of 1,730 events');
  await page.screenshot({ path: `${ARTIFACTS}/12-histogram-brush.png` });

  await page.getByRole('button', { name: 'Show all times' }).click();
  assert.equal(await countLine(page, '153 of 1,730 events'), '153 of 1,730 events');
  await page.locator('.histogram-plot').focus();
  await page.keyboard.press('End');
  const picked = await page.locator('#histogram-pick').innerText();
  const [, events] = /, (\d+) events?\. Enter/.exec(picked) ?? [];
  assert.match(picked, /^Bar (\d+) of \1: /);
  await page.keyboard.press('Enter');
  assert.equal(await countLine(page, `${events} of 1,730 events`), `${events} of 1,730 events`);
  await page.close();
});

browserTest(
  'the histogram of one event draws it among a minute of one-second bars round its time',
  async () => {
    const page = await session.context.newPage();
    await page.goto(web.url);
    await loadFiles(page, [`${SHARED_EVTX}/velociraptor/RDPAuth_Security.evtx`]);
    await query(page, 'eventId:4769 TicketOptions:0x60810010');
    await page.waitForFunction(() =>
      /^1 of [\d,]+ events$/.test(document.querySelector('.events-count')?.textContent ?? ''),
    );
    const summary = page.locator('.histogram-summary');
    await page.waitForFunction(() =>
      document.querySelector('.histogram-summary')?.textContent?.startsWith('1 event from'),
    );
    assert.equal(
      await summary.innerText(),
      '1 event from 2021-02-12T12:33:48.986Z to 2021-02-12T12:33:48.986Z, one bar per second.',
    );

    await page.locator('.histogram-plot').focus();
    await page.keyboard.press('Home');
    assert.match(
      await page.locator('#histogram-pick').innerText(),
      /^Bar 1 of 61: 2021-02-12T12:33:18\.000Z to 2021-02-12T12:33:19\.000Z, 0 events\./,
    );
    for (let bar = 1; bar <= 30; bar++) await page.keyboard.press('ArrowRight');
    assert.match(
      await page.locator('#histogram-pick').innerText(),
      /^Bar 31 of 61: 2021-02-12T12:33:48\.000Z to 2021-02-12T12:33:49\.000Z, 1 event\./,
    );
    await page.screenshot({ path: `${ARTIFACTS}/14-histogram-one-event.png` });
    await page.close();
  },
  SKIP_SHARED,
);

browserTest('the zone switch rewrites time cells and the header, seven digits kept', async () => {
  const context = await session.browser.newContext({
    viewport: { width: 1440, height: 900 },
    timezoneId: 'Asia/Tokyo',
  });
  const page = await samplePage(context);
  const time = () => cell(page, 0, 0).innerText();
  assert.equal(await time(), '2017-09-03T12:53:24.6694851Z');

  await page.getByRole('combobox', { name: 'Time zone' }).selectOption('Europe/Berlin');
  assert.equal(await time(), '2017-09-03T14:53:24.6694851+02:00');
  assert.equal(await page.getByRole('columnheader').first().innerText(), 'Time (Europe/Berlin)');
  await page.screenshot({ path: `${ARTIFACTS}/13-time-zone.png` });

  const local = page.getByRole('option', { name: "This browser's zone (Asia/Tokyo)" });
  assert.equal(await local.count(), 1);
  await page.getByRole('combobox', { name: 'Time zone' }).selectOption('local');
  assert.equal(await time(), '2017-09-03T21:53:24.6694851+09:00');
  assert.equal(await page.getByRole('columnheader').first().innerText(), 'Time (Asia/Tokyo)');
  await context.close();
});

browserTest('a link whose columns none of the logs have shows the default columns', async () => {
  const page = await samplePage(session.context, '#v=1&cols=NoSuchField,NorThis');
  const headers = await page.getByRole('columnheader').allInnerTexts();
  assert.deepEqual(headers.slice(0, 4), ['Time (UTC)', 'Source', 'Record ID', 'Event ID']);
  await page.close();
});

browserTest("the zone switch offers today's zone names and shows a link's zone", async () => {
  const page = await samplePage(session.context, '#v=1&tz=Asia%2FKolkata');
  const select = page.getByRole('combobox', { name: 'Time zone' });

  assert.equal(await select.inputValue(), 'Asia/Kolkata');
  assert.equal(await page.getByRole('columnheader').first().innerText(), 'Time (Asia/Kolkata)');
  const zones = await select.locator('option').allInnerTexts();
  assert.ok(zones.includes('Europe/Kyiv') && zones.includes('Asia/Kolkata'));
  assert.ok(!zones.includes('Europe/Kiev') && !zones.includes('Asia/Calcutta'));
  assert.equal(zones.filter((zone) => zone === 'Asia/Kolkata').length, 1);
  await page.close();
});

browserTest(
  'the view lives in the link: it survives a reload and follows an edited link',
  async () => {
    const page = await samplePage(session.context);
    await query(page, 'eventId:3');
    await page.getByRole('combobox', { name: 'Time zone' }).selectOption('Europe/Berlin');
    await page.getByRole('combobox', { name: 'Add a facet' }).selectOption('Protocol');
    await page.getByRole('button', { name: 'Record ID' }).click();
    await page.getByRole('button', { name: 'Record ID' }).click();
    const link = new URL(page.url()).hash;
    assert.equal(
      link,
      '#v=1&q=eventId%3A3&sort=-recordId&tz=Europe%2FBerlin&facets=Protocol',
      'names and the query only: no value from any record',
    );

    await page.reload();
    await loadFiles(page, [ISSUE43]);
    const sorted = '153 of 1,730 events, sorted by Record ID (descending)';
    assert.equal(await countLine(page, sorted), sorted);
    assert.equal(await page.locator('#query').inputValue(), 'eventId:3');
    assert.equal(await page.getByRole('columnheader').first().innerText(), 'Time (Europe/Berlin)');
    assert.equal(await cell(page, 0, 2).innerText(), '1728', 'the last Event 3 first');
    assert.deepEqual(await facetValues(page, 'Protocol'), [
      ['tcp', '132'],
      ['udp', '21'],
    ]);

    await page.evaluate(() => (location.hash = '#v=1&q=eventId%3A5'));
    assert.equal(await countLine(page, '351 of 1,730 events'), '351 of 1,730 events');
    assert.equal(await page.getByRole('columnheader').first().innerText(), 'Time (UTC)');
    await page.close();
  },
);

browserTest(
  'cell actions: include, exclude, add a column, same ProcessGuid, minutes around',
  async () => {
    const page = await samplePage(session.context);
    const dialog = page.getByRole('dialog', { name: 'Cell actions' });
    const openOn = async (row: number, column: number) => {
      await cell(page, row, column).click({ button: 'right' });
      await dialog.waitFor();
      // The menu takes focus in an effect after it is drawn; keys before that go to the grid.
      await dialog.locator(':focus').waitFor({ timeout: 5000 });
    };

    await openOn(0, 3);
    assert.equal(await dialog.locator('.cell-actions-value').innerText(), '16');
    await page.screenshot({ path: `${ARTIFACTS}/14-cell-actions.png` });
    await dialog.getByRole('button', { name: 'Keep only this value' }).click();
    assert.equal(await countLine(page, '3 of 1,730 events'), '3 of 1,730 events');
    await openOn(0, 3);
    await dialog.getByRole('button', { name: 'Leave out this value' }).click();
    assert.equal(await countLine(page, '1,727 of 1,730 events'), '1,727 of 1,730 events');
    assert.equal(await page.locator('#query').inputValue(), '-eventId:16');

    await query(page, 'eventId:1 Image:*\\tasksche.exe');
    assert.equal(await countLine(page, '1 of 1,730 events'), '1 of 1,730 events');
    await openOn(0, 0);
    await dialog.getByRole('combobox', { name: 'Field' }).selectOption('Image');
    await dialog.getByRole('button', { name: 'Add Image as a column' }).click();
    assert.equal(await page.getByRole('columnheader').last().innerText(), 'Image');
    await openOn(0, 0);
    await dialog.getByRole('button', { name: 'Same ProcessGuid' }).click();
    assert.equal(await countLine(page, '730 of 1,730 events'), '730 of 1,730 events');
    assert.equal(
      await page.locator('#query').inputValue(),
      'ProcessGuid:"{0b8f529f-9a78-59ed-0000-00105ad78f01}"',
    );

    await query(page, '');
    await countLine(page, '1,730 events');
    await page.getByRole('grid').focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+F10');
    await dialog.waitFor();
    // The menu takes focus in an effect after it is drawn: wait for it rather than race it.
    await page
      .waitForFunction(() => document.activeElement?.textContent === 'Keep only this value', null, {
        timeout: 5000,
      })
      .catch(() => undefined);
    assert.equal(
      await page.evaluate(() => document.activeElement?.textContent),
      'Keep only this value',
    );
    await dialog.getByRole('spinbutton', { name: 'Minutes before and after the event' }).fill('5');
    await dialog.getByRole('button', { name: /Minutes around this event/ }).click();
    const around = await page.locator('#query').inputValue();
    assert.equal(around, 'timeCreated:[2017-09-03T12:48:24.669Z TO 2017-09-03T12:58:24.670Z}');
    assert.equal(await countLine(page, '17 of 1,730 events'), '17 of 1,730 events');
    assert.equal(await cliCount(around), 17);

    await openOn(0, 0);
    await page.keyboard.press('Escape');
    // The menu closes on the next render: wait for it rather than race it.
    await dialog.waitFor({ state: 'detached', timeout: 5000 }).catch(() => undefined);
    assert.equal(await dialog.count(), 0);
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('role')), 'grid');
    await page.close();
  },
);

browserTest('the dark theme colours the facets, the histogram and the brush', async () => {
  const page = await samplePage(session.context);
  await page.evaluate(() => localStorage.setItem('evtxhunt-theme', 'dark'));
  await page.reload();
  await loadFiles(page, [ISSUE43]);
  await query(page, 'eventId:3 -Protocol:udp');
  await countLine(page, '132 of 1,730 events');

  assert.equal(await page.evaluate(() => document.documentElement.dataset['theme']), 'dark');
  await page.locator('.histogram-plot').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await page.screenshot({ path: `${ARTIFACTS}/15-filter-dark.png` });
  await page.evaluate(() => localStorage.removeItem('evtxhunt-theme'));
  await page.close();
});

browserTest('filtering asked nothing of any other origin and broke no policy', async () => {
  const foreign = session.log.requests.filter(
    (url) =>
      !url.startsWith(`${web.origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:'),
  );

  assert.ok(session.log.requests.some((url) => url.endsWith('/uplot.css')));
  assert.deepEqual(foreign, []);
  assert.deepEqual(session.log.consoleErrors, []);
  assert.deepEqual(session.log.pageErrors, []);
});
