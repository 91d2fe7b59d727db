/**
 * The hunting views in real Chromium on real logs: the outbound-connections pivot of the bundled
 * sample against `evtxhunt pivot`, the vstoAbuse beacon and the sytemmoon chain with their
 * evidence rows, a Sysmon configuration's blind spots, an allowlist, and exports read back from
 * the browser's download. Screenshots go to apps/web/test-artifacts (hunt-*.png).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';

import type { Page } from 'playwright-core';

import {
  ARTIFACTS,
  SKIP_BROWSER,
  downloadExport,
  openBrowser,
  startWeb,
  type WebServer,
} from '../support/e2e.js';
import { patchedLog } from '../support/patched-log.js';
import { ISSUE43, REPO, SHARED_EVTX, SHARED_ROOT, SKIP_SHARED } from '../support/paths.js';

const VSTO = `${SHARED_EVTX}/sysmonresources/vstoAbuse.evtx`;
const MOON = `${SHARED_EVTX}/sytemmoon-ctf/sysmon.evtx`;
const SWIFT = `${SHARED_ROOT}/sysmon-configs/SwiftOnSecurity/sysmonconfig-export.xml`;

let web: WebServer;
let session: Awaited<ReturnType<typeof openBrowser>>;
const madeFiles: string[] = [];

before(async () => {
  if (SKIP_BROWSER) return;
  web = await startWeb();
  session = await openBrowser();
});

after(async () => {
  await session?.browser.close();
  web?.stop();
  for (const path of madeFiles) await rm(dirname(path), { recursive: true, force: true });
});

const browserTest = (name: string, body: () => Promise<void>, skip: string | false = false) =>
  test(name, { skip: SKIP_BROWSER || skip }, body);

/** A fresh page with `paths` read and hunted. */
async function huntedPage(paths: string[]): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(web.url);
  await page.setInputFiles('input[aria-label="Open EVTX files"]', paths);
  const hunted = (files: number) =>
    document.querySelectorAll('.file[data-state="done"]').length === files &&
    document.querySelector('.hunt-status')?.textContent?.startsWith('Hunted') === true;
  try {
    await page.waitForFunction(hunted, paths.length, { timeout: 60_000 });
  } catch (error) {
    const status = await page.locator('.hunt-status, .file-status').allInnerTexts();
    throw new Error(`${String(error)}; the page says: ${status.join(' | ')}`);
  }
  return page;
}

async function openTab(page: Page, name: RegExp | string): Promise<void> {
  await page.getByRole('tab', { name }).click();
}

function rowCount(page: Page, grid: string): Promise<string | null> {
  return page.getByRole('grid', { name: grid }).getAttribute('aria-rowcount');
}

/** The largest groups of `evtxhunt pivot --json` on `path`: count and DestinationIp. */
function cliPivot(path: string): [number, string][] {
  const cli = `${REPO}packages/cli/dist/src/main.js`;
  const run = spawnSync(process.execPath, [cli, 'pivot', '--json', path], { encoding: 'utf8' });
  const rows = (JSON.parse(run.stdout) as { rows: { count: number; key: string[] }[] }).rows;
  return rows.map((row) => [row.count, row.key[1] ?? '']);
}

browserTest('the outbound view of the bundled sample matches `evtxhunt pivot`', async () => {
  const page = await huntedPage([ISSUE43]);
  await openTab(page, 'Outbound connections');
  await page.locator('.pivot').waitFor();

  assert.match(
    await page.locator('.outbound > .hunt-note').innerText(),
    /^137 outbound connections in 45 groups: Sysmon Event ID 3 with Initiated true, among the table's 1,730 events/,
  );
  const shown = await page.locator('.pivot tbody tr').evaluateAll((rows) =>
    rows.slice(0, 8).map((row) => {
      const cells = Array.from(row.querySelectorAll('td'), (cell) => cell.textContent ?? '');
      return [Number(cells[0]), cells[2], cells[3]];
    }),
  );
  const cli = cliPivot(ISSUE43).slice(0, 8);
  assert.deepEqual(
    shown.map(([n, ip]) => [n, ip]),
    cli,
  );
  assert.deepEqual(shown.slice(0, 2), [
    [11, '220.202.77.124', 'public'],
    [11, '61.163.111.70', 'public'],
  ]);
  assert.deepEqual(shown[5], [10, '127.0.0.1', 'loopback']);
  const widths = await page
    .locator('.pivot thead th')
    .evaluateAll((cells) =>
      cells.slice(1, 3).map((cell) => Math.round(cell.getBoundingClientRect().width)),
    );
  assert.ok(
    (widths[0] ?? 0) > 250 && (widths[0] ?? 0) > (widths[1] ?? 0),
    `Image gets room first: ${widths.join(' px, ')} px for Image, DestinationIp`,
  );

  await page.locator('.pivot tbody tr').first().click();
  assert.equal(await rowCount(page, 'Connections of the chosen group'), '12');
  assert.equal(
    await page.locator('.drill-title').innerText(),
    '11 connections of C:\\Windows\\System32\\svchost.exe to 220.202.77.124',
  );
  await page.screenshot({ path: `${ARTIFACTS}/hunt-01-outbound.png` });
  await page.close();
});

browserTest(
  'the vstoAbuse beacon: its fields, time line, histogram and 24 evidence rows',
  async () => {
    const page = await huntedPage([VSTO]);
    await openTab(page, /^Findings/);
    const detail = page.getByRole('region', { name: 'The open finding' });
    await detail.locator('.beacon').waitFor();

    assert.equal(await page.getByRole('tab', { name: /^Findings/ }).innerText(), 'Findings (2)');
    assert.equal(
      await detail.getByRole('heading', { level: 2 }).innerText(),
      'MEDIUM beacon on DESKTOP-O153T4R',
    );
    const fields = await detail.locator('.finding-fields').innerText();
    assert.match(fields, /Destination\s+172\.30\.1\.253:80/);
    assert.match(fields, /DestinationHostname\s+empirec2/);
    assert.match(fields, /Also matched\s+lolbin-outbound/);
    assert.match(await detail.locator('.beacon .fields').innerText(), /Median interval\s+5\.1 s/);
    assert.match(
      (await detail.getByRole('img', { name: /connections over/ }).getAttribute('aria-label')) ??
        '',
      /^24 connections over 62\.9 s/,
    );
    assert.equal(await detail.locator('svg.histogram rect').count(), 21);
    assert.equal(await rowCount(page, 'Evidence of the open finding'), '25');
    const firstRecord = detail
      .locator('.table-rows [role="row"]')
      .first()
      .locator('[role="gridcell"]');
    // Time, record id, event ID first (in sight at 1440 px), the file last.
    assert.equal(await firstRecord.nth(1).innerText(), '69477');
    assert.equal(await firstRecord.nth(2).innerText(), '3');
    await page.screenshot({ path: `${ARTIFACTS}/hunt-02-beacon.png` });

    await detail.locator('.table-rows [role="row"]').first().dblclick();
    const details = page
      .getByRole('complementary', { name: /./ })
      .filter({ hasText: 'record 69477' });
    assert.equal(await details.count(), 1);
    await page.close();
  },
  SKIP_SHARED,
);

/**
 * What the open finding shows badly: story summaries under 200 px wide (one character a line),
 * buttons past the detail's right edge, and field values wider than their cell.
 */
function storyLayout(page: Page) {
  return page.getByRole('region', { name: 'The open finding' }).evaluate((detail) => {
    const right = detail.getBoundingClientRect().right;
    const texts = (selector: string, bad: (item: HTMLElement) => boolean) =>
      [...detail.querySelectorAll<HTMLElement>(selector)].filter(bad).map((i) => i.innerText);
    return {
      narrowSummaries: texts('.story-steps .path', (i) => i.getBoundingClientRect().width < 200),
      cutButtons: texts('.story-steps button', (i) => i.getBoundingClientRect().right > right),
      clippedValues: texts('.finding-fields dd', (i) => i.scrollWidth > i.clientWidth + 1),
    };
  });
}

browserTest(
  'the sytemmoon chain: the story to a.exe, the parent chain and the evidence rows',
  async () => {
    const page = await huntedPage([MOON]);
    await openTab(page, /^Findings/);
    const detail = page.getByRole('region', { name: 'The open finding' });
    await detail.locator('.parent-chain').waitFor();

    assert.equal(
      await detail.getByRole('heading', { level: 2 }).innerText(),
      'HIGH chain on DESKTOP-1GMMPCA',
    );
    const steps = await detail
      .locator('.story-steps li')
      .evaluateAll((items) =>
        items.map(
          (item) =>
            item.querySelector('.story-step')?.textContent +
            ': ' +
            item.querySelector('.path')?.textContent,
        ),
      );
    assert.deepEqual(steps, [
      'Process started: powershell',
      'DNS query: msmoon.net -> ::ffff:192.168.230.130',
      'Connection: tcp 192.168.230.147:50268 -> 192.168.230.130:80',
      'File written: C:\\Sysmon\\a.exe',
    ]);
    assert.match(
      await detail.locator('.parent-chain li').last().innerText(),
      /^C:\\Windows\\System32\\WindowsPowerShell\\v1\.0\\powershell\.exe \(this process\)/,
    );
    assert.equal(await detail.locator('.parent-chain li').count(), 4);
    assert.equal(await rowCount(page, 'Evidence of the open finding'), '9');
    assert.deepEqual(await storyLayout(page), {
      narrowSummaries: [],
      cutButtons: [],
      clippedValues: [],
    });
    await page.screenshot({ path: `${ARTIFACTS}/hunt-03-chain.png` });

    await detail.getByRole('button', { name: 'Open record 526' }).click();
    const pane = page.locator('.details');
    await pane.waitFor();
    assert.match(
      await pane.getByRole('heading', { level: 2 }).innerText(),
      /^Event 11 · record 526$/,
    );
    await page.close();
  },
  SKIP_SHARED,
);

browserTest(
  'a Sysmon config shows its blind spots beside the findings; an allowlist counts what it hides',
  async () => {
    const page = await huntedPage([VSTO]);
    await openTab(page, /^Findings/);
    await page.setInputFiles('input[aria-label="Load a Sysmon config"]', SWIFT);
    const setup = page.getByRole('complementary', { name: 'Hunt setup' });
    await setup.getByRole('heading', { name: 'Blind spots: 66' }).waitFor();

    const common = setup.getByRole('list', { name: /^Common programs: no NetworkConnect include/ });
    assert.ok((await common.getByRole('listitem').allInnerTexts()).includes('chrome.exe'));
    assert.equal(await setup.getByRole('heading', { name: 'Common programs (23)' }).count(), 1);
    assert.match(
      await setup.locator('.coverage-notes').innerText(),
      /Event ID 3 \(NetworkConnect\)/,
    );

    const allowlist = `${await tempFolder()}/allow.txt`;
    await writeFile(allowlist, '# the stager port\nimage=*\\powershell.exe port=8000\n');
    await page.setInputFiles('input[aria-label="Load an allowlist"]', allowlist);
    await setup.locator('.suppressed').waitFor();
    assert.equal(
      await setup.locator('.suppressed').innerText(),
      '1 suppressed by line 2: image=*\\powershell.exe port=8000 (lolbin-outbound)',
    );
    assert.equal(await page.getByRole('tab', { name: /^Findings/ }).innerText(), 'Findings (1)');
    await page.screenshot({ path: `${ARTIFACTS}/hunt-04-config.png` });
    await page.close();
  },
  SKIP_SHARED,
);

async function tempFolder(): Promise<string> {
  const path = await patchedLog(ISSUE43, '@WanaDecryptor@.exe', '=WanaDecryptor@.exe');
  madeFiles.push(path);
  return dirname(path);
}

/** Clicks `button` on the export view and resolves to the text of the file downloaded. */
browserTest(
  'exports: CSV of exactly the table rows with formulas made inert, JSON Lines',
  async () => {
    const patched = await patchedLog(ISSUE43, '@WanaDecryptor@.exe', '=WanaDecryptor@.exe');
    madeFiles.push(patched);
    const page = await huntedPage([patched]);
    await page.getByRole('button', { name: 'Columns' }).click();
    const chooser = page.getByRole('dialog', { name: 'Choose columns' });
    await chooser.getByRole('searchbox', { name: 'Find a field' }).fill('CommandLine');
    await chooser.getByRole('checkbox', { name: /^CommandLine\s/ }).check();
    await chooser.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('button', { name: 'Record ID' }).click();
    await page.getByRole('button', { name: 'Record ID' }).click();
    await openTab(page, 'Export');

    const csv = await downloadExport(page, 'Export events as CSV');
    const lines = csv.text.split('\r\n');
    assert.equal(csv.name, 'evtxhunt-events.csv');
    assert.match(lines[0] ?? '', /^"# Formula neutralisation: any cell whose first character/);
    assert.equal(
      lines[1],
      'timeCreated (UTC),file,recordId,eventId,level,provider,computer,CommandLine',
    );
    assert.equal(lines.length, 1730 + 3, 'note, header, 1730 rows and the final line ending');
    assert.equal(
      lines[2],
      `2017-10-23T07:39:49.5301025Z,${basename(patched)},1730,5,Information,Microsoft-Windows-Sysmon,DESKTOP-DF4ULDE,`,
    );
    const inert = lines.filter((line) => line.endsWith(",'=WanaDecryptor@.exe"));
    assert.equal(inert.length, 17);
    assert.ok(!lines.some((line) => /(^|,)"?=/.test(line)), 'no cell starts with =');
    assert.match(
      await page.locator('.export-note').innerText(),
      /19 cells were changed this way\. Times are in UTC\.$/,
    );
    await page.screenshot({ path: `${ARTIFACTS}/hunt-05-export.png` });

    const jsonl = await downloadExport(page, 'Export events as JSON Lines');
    const records = jsonl.text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { recordId: string });
    assert.equal(records.length, 1730);
    assert.equal(records[0]?.recordId, '1730');
    await page.close();
  },
);

browserTest(
  'findings export as JSON Lines, and the views in the dark theme',
  async () => {
    const page = await huntedPage([VSTO]);
    await openTab(page, 'Export');
    const findings = await downloadExport(page, 'Export findings as JSON Lines');
    const lines = findings.text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { kind: string });
    assert.deepEqual(
      lines.map((line) => line.kind),
      ['beacon', 'lolbin-outbound'],
    );

    await page.getByRole('button', { name: 'Dark theme' }).click();
    await openTab(page, /^Findings/);
    await page.locator('.beacon').waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/hunt-06-dark-findings.png` });
    await openTab(page, 'Outbound connections');
    await page.locator('.pivot tbody tr').first().click();
    await page.screenshot({ path: `${ARTIFACTS}/hunt-07-dark-outbound.png` });
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await page.close();
  },
  SKIP_SHARED,
);

browserTest('the view tabs answer the arrow keys and say where the hunt is', async () => {
  const page = await huntedPage([ISSUE43]);
  await page.getByRole('tab', { name: 'Events' }).focus();
  await page.keyboard.press('ArrowRight');

  assert.equal(
    await page.getByRole('tab', { name: 'Outbound connections' }).getAttribute('aria-selected'),
    'true',
  );
  assert.equal(
    await page.evaluate(() => document.activeElement?.textContent),
    'Outbound connections',
  );
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  assert.equal(
    await page.getByRole('tab', { name: 'Export' }).getAttribute('aria-selected'),
    'true',
  );
  assert.match(
    await page.locator('.hunt-status').innerText(),
    /^Hunted 1,730 events, reported [\d.]+ m?s after the first row was sent$/,
  );
  await page.close();
});

browserTest('the hunting session asked nothing of another origin and logged no error', async () => {
  const log = session.log;
  const foreign = log.requests.filter(
    (url) =>
      !url.startsWith(`${web.origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:'),
  );

  assert.ok(log.requests.some((url) => url.endsWith('/hunt-worker.js')));
  assert.deepEqual(foreign, []);
  assert.deepEqual(log.consoleErrors, []);
  assert.deepEqual(log.pageErrors, []);
});
