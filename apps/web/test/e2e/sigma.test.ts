/**
 * Sigma rules in real Chromium: the CLI's fixture rules loaded as a zip after the fixture log
 * was hunted, the rule's finding beside the engine's with its title, level, ATT&CK tag and
 * matched fields, its evidence row opening the event, and a rule that did not load listed with
 * its (hostile) name as text; rules picked before any log, and forgotten. Screenshots:
 * apps/web/test-artifacts/sigma-01-finding.png, sigma-02-rules-before-logs.png.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';

import { ARTIFACTS, SKIP_BROWSER, openBrowser, startWeb, type WebServer } from '../support/e2e.js';
import { REPO } from '../support/paths.js';

/** The zip writer of @evtxhunt/formats' tests (stored or deflated members). */
const { zipOf } = (await import(`${REPO}packages/formats/dist/test/zip-writer.js`)) as {
  zipOf: (members: { name: string; bytes: Uint8Array; deflate?: boolean }[]) => Uint8Array;
};

const FIXTURES = `${REPO}packages/cli/test/fixtures/sigma`;
const SAMPLE = `${FIXTURES}/proc_creation_win_bitsadmin_download.evtx`;
const ANYDESK = `${FIXTURES}/file_event_win_anydesk_artefact.evtx`;
const HOSTILE = '<img src=x onerror=alert(1)>.yml';

let web: WebServer;
let session: Awaited<ReturnType<typeof openBrowser>>;
let folder: string;

before(async () => {
  if (SKIP_BROWSER) return;
  web = await startWeb();
  session = await openBrowser();
  folder = await mkdtemp(`${tmpdir()}/evtxhunt-sigma-`);
});

after(async () => {
  await session?.browser.close();
  web?.stop();
  if (folder !== undefined) await rm(folder, { recursive: true, force: true });
});

/** The fixture rules, and one that cannot load, in a zip under `folder`. */
async function rulesZip(): Promise<string> {
  const names = (await readdir(FIXTURES)).filter((name) => name.endsWith('.yml')).sort();
  const members = await Promise.all(
    names.map(async (name) => ({
      name: `sigma/${name}`,
      bytes: new Uint8Array(await readFile(`${FIXTURES}/${name}`)),
      deflate: true,
    })),
  );
  members.push({ name: HOSTILE, bytes: new TextEncoder().encode('title: [\n'), deflate: false });
  const path = `${folder}/rules.zip`;
  await writeFile(path, zipOf(members));
  return path;
}

test(
  'Sigma rules from a zip find the bitsadmin download beside the engine findings',
  { skip: SKIP_BROWSER },
  async () => {
    const page = await session.context.newPage();
    await page.goto(web.url);
    await page.setInputFiles('input[aria-label="Open EVTX files"]', [SAMPLE]);
    await page.locator('.hunt-status', { hasText: /^Hunted/ }).waitFor({ timeout: 60_000 });
    await page.getByRole('tab', { name: /^Findings/ }).click();

    await page.setInputFiles('input[aria-label="Load a rules .zip"]', await rulesZip());
    const rules = page.getByRole('region', { name: 'Sigma rules' });
    await rules.locator('.sigma-status', { hasText: 'loaded' }).waitFor();
    assert.equal(
      await rules.locator('.sigma-status').innerText(),
      'rules.zip: 3 rules loaded, 1 did not load',
    );
    await rules.getByText('Why 1 rule did not load').click();
    const failure = rules.locator('.sigma-failures li');
    assert.match(await failure.innerText(), /^rules\.zip:<img src=x onerror=alert\(1\)>\.yml: /);
    assert.equal(await rules.locator('img').count(), 0);

    const title = 'File Download Via Bitsadmin';
    const item = page.getByRole('button', { name: new RegExp(title) });
    await item.waitFor();
    assert.match(await item.innerText(), new RegExp(`^MEDIUM\\s+sigma\\s+${title}\\s+1×$`));
    await item.click();
    const detail = page.getByRole('region', { name: 'The open finding' });
    const rule = detail.getByRole('region', { name: 'Sigma rule' });
    await rule.waitFor();
    const terms = await rule.locator('.finding-fields').innerText();
    assert.match(terms, new RegExp(`Title\\s+${title}`));
    assert.match(terms, /Level\s+medium/);
    assert.match(terms, /Rule id\s+d059842b-6b9d-4ed1-b5c3-5b89143c6ede/);
    assert.match(terms, /ATT&CK\s+T1197\s*T1036\.003\s*T1105/);
    assert.match(await rule.locator('.sigma-matched').innerText(), /Image\s+.*bitsadmin\.exe/i);
    await page.screenshot({ path: `${ARTIFACTS}/sigma-01-finding.png` });

    await detail.locator('.table-rows [role="row"]').first().dblclick();
    const event = page
      .getByRole('complementary', { name: /./ })
      .filter({ hasText: 'record 18463' });
    await event.waitFor();
    assert.equal(await event.count(), 1);
    await page.close();
  },
);

test(
  'a Sigma rules folder finds the bitsadmin download, then a log opened later is matched too',
  { skip: SKIP_BROWSER },
  async () => {
    const page = await session.context.newPage();
    await page.goto(web.url);
    await page.setInputFiles('input[aria-label="Open EVTX files"]', [SAMPLE]);
    await page.locator('.hunt-status', { hasText: /^Hunted/ }).waitFor({ timeout: 60_000 });
    await page.getByRole('tab', { name: /^Findings/ }).click();
    await page.setInputFiles('input[aria-label="Load a rules folder"]', FIXTURES);
    const rules = page.getByRole('region', { name: 'Sigma rules' });
    await rules.locator('.sigma-status', { hasText: 'loaded' }).waitFor();
    assert.equal(await rules.locator('.sigma-status').innerText(), 'sigma/: 3 rules loaded');
    await page.getByRole('button', { name: /File Download Via Bitsadmin/ }).waitFor();

    await page.setInputFiles('input[aria-label="Open EVTX files"]', [ANYDESK]);
    await page.getByRole('button', { name: /Anydesk Temporary Artefact/ }).waitFor();
    await rules.locator('.sigma-matched-count', { hasText: '2 findings' }).waitFor();
    assert.equal(await rules.locator('.sigma-matched-count').innerText(), '2 findings in 6 events');
    assert.equal(await page.getByRole('tab', { name: /^Findings/ }).innerText(), 'Findings (2)');
    await page.close();
  },
);

test(
  'Sigma rules picked before any log run on the log opened after them',
  { skip: SKIP_BROWSER },
  async () => {
    const page = await session.context.newPage();
    await page.goto(web.url);
    const rules = page.getByRole('region', { name: 'Sigma rules' });
    await page.setInputFiles('input[aria-label="Load a rules folder"]', FIXTURES);
    await rules.locator('.sigma-status', { hasText: 'loaded' }).waitFor();
    assert.equal(await rules.locator('.sigma-status').innerText(), 'sigma/: 3 rules loaded');
    await page.screenshot({ path: `${ARTIFACTS}/sigma-02-rules-before-logs.png` });

    await page.setInputFiles('input[aria-label="Open EVTX files"]', [SAMPLE]);
    await page.locator('.hunt-status', { hasText: /^Hunted/ }).waitFor({ timeout: 60_000 });
    await page.getByRole('tab', { name: /^Findings/ }).click();
    await page.getByRole('button', { name: /File Download Via Bitsadmin/ }).waitFor();
    assert.equal(await rules.locator('.sigma-status').innerText(), 'sigma/: 3 rules loaded');
    assert.equal(await rules.locator('.sigma-matched-count').innerText(), '1 finding in 1 event');
    await page.close();
  },
);

test('Forget rules drops the Sigma findings', { skip: SKIP_BROWSER }, async () => {
  const page = await session.context.newPage();
  await page.goto(web.url);
  await page.setInputFiles('input[aria-label="Open EVTX files"]', [SAMPLE]);
  await page.locator('.hunt-status', { hasText: /^Hunted/ }).waitFor({ timeout: 60_000 });
  await page.getByRole('tab', { name: /^Findings/ }).click();
  await page.setInputFiles('input[aria-label="Load a rules folder"]', FIXTURES);
  const finding = page.getByRole('button', { name: /File Download Via Bitsadmin/ });
  await finding.waitFor();
  assert.equal(await page.getByRole('tab', { name: /^Findings/ }).innerText(), 'Findings (1)');

  const rules = page.getByRole('region', { name: 'Sigma rules' });
  await rules.getByRole('button', { name: 'Forget rules' }).click();
  await finding.waitFor({ state: 'detached' });
  await page.getByRole('tab', { name: 'Findings (0)' }).waitFor();
  assert.equal(await rules.locator('.sigma-status').count(), 0);
  assert.equal(await rules.getByRole('button', { name: 'Forget rules' }).count(), 0);
  await page.close();
});
