/**
 * Sigma rules in real Chromium: the CLI's fixture rules loaded as a zip after the fixture log
 * was hunted, the rule's finding beside the engine's with its title, level, ATT&CK tag and
 * matched fields, its evidence row opening the event, and a rule that did not load listed with
 * its (hostile) name as text; rules picked before any log, and forgotten. Screenshots:
 * apps/web/test-artifacts/sigma-01-finding.png, sigma-02-rules-before-logs.png.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';

import { hostileSysmonLog } from '@evtxhunt/generate';
import type { Page } from 'playwright-core';

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

/** A page with the log (the sample unless named) read and hunted, on the Findings tab. */
async function huntedSample(log = SAMPLE): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(web.url);
  await page.setInputFiles('input[aria-label="Open EVTX files"]', [log]);
  await page.locator('.hunt-status', { hasText: /^Hunted/ }).waitFor({ timeout: 60_000 });
  await page.getByRole('tab', { name: /^Findings/ }).click();
  return page;
}

test(
  'Sigma rules from a zip find the bitsadmin download beside the engine findings',
  { skip: SKIP_BROWSER },
  async () => {
    const page = await huntedSample();

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
    const item = page.locator('.finding-item', { hasText: title });
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

    // At 1440 px the evidence table shows the time, record id and event ID in sight, then the
    // rule's matched fields the event holds, and no column the event leaves empty.
    const evidence = detail.getByRole('grid', { name: 'Evidence of the open finding' });
    const headers = await evidence.locator('[role="columnheader"]').allInnerTexts();
    assert.deepEqual(
      headers.map((text) => text.trim()),
      ['Time (UTC)', 'Record ID', 'Event ID', 'Image', 'OriginalFileName', 'CommandLine', 'Source'],
    );
    const inSight = await evidence.evaluate((grid) => {
      const right = grid.getBoundingClientRect().right;
      return Array.from(grid.querySelectorAll('[role="columnheader"]'))
        .filter((header) => header.getBoundingClientRect().right <= right)
        .map((header) => header.textContent?.replace(/[▲▼]/g, '').trim());
    });
    assert.deepEqual(inSight.slice(0, 3), ['Time (UTC)', 'Record ID', 'Event ID']);

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
    const page = await huntedSample();
    await page.setInputFiles('input[aria-label="Load a rules folder"]', FIXTURES);
    const rules = page.getByRole('region', { name: 'Sigma rules' });
    await rules.locator('.sigma-status', { hasText: 'loaded' }).waitFor();
    assert.equal(await rules.locator('.sigma-status').innerText(), 'sigma/: 3 rules loaded');
    await page.locator('.finding-item', { hasText: 'File Download Via Bitsadmin' }).waitFor();

    await page.setInputFiles('input[aria-label="Open EVTX files"]', [ANYDESK]);
    await page.locator('.finding-item', { hasText: 'Anydesk Temporary Artefact' }).waitFor();
    await rules.locator('.sigma-matched-count', { hasText: '2 findings' }).waitFor();
    assert.equal(await rules.locator('.sigma-matched-count').innerText(), '2 findings in 6 events');
    assert.equal(await page.getByRole('tab', { name: /^Findings/ }).innerText(), 'Findings (2)');
    await page.close();
  },
);

/**
 * A rule whose title and tag hold markup, ESC and U+202E, matching the hostile log's dropped
 * binary (its Image holds them too), and a rule file whose name holds U+202E and cannot load.
 */
const HOSTILE_RULE = `title: "hostile <img src=x onerror=alert(1)> \\e[31m \\u202eexe.txt"
id: 0b5c1f2e-7d9a-4c3b-8e6f-1a2b3c4d5e6f
status: test
level: high
tags: ["attack.t1059", "evil\\u202egat\\e[0m"]
logsource: {category: process_creation, product: windows}
detection:
  selection:
    Image|contains: 'Public'
  condition: selection
`;

/** What draws as nothing or reorders what is drawn: none of it may reach the page as is. */
const SNEAKY = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

async function hostilePage(): Promise<Page> {
  const log = `${folder}/hostile.evtx`;
  await writeFile(log, hostileSysmonLog('http://127.0.0.2:9'));
  const rules = `${folder}/hostile-rules.zip`;
  const encode = (text: string) => new TextEncoder().encode(text);
  await writeFile(
    rules,
    zipOf([
      { name: 'hostile.yml', bytes: encode(HOSTILE_RULE) },
      { name: 'bad\u202elmy.yml', bytes: encode('title: [\n') },
    ]),
  );
  const page = await huntedSample(log);
  await page.setInputFiles('input[aria-label="Load a rules .zip"]', rules);
  await page.locator('.sigma-status', { hasText: 'loaded' }).waitFor();
  return page;
}

test(
  'a hostile Sigma rule and matched value are shown escaped in every place, never reordered',
  { skip: SKIP_BROWSER },
  async () => {
    const page = await hostilePage();
    const rules = page.getByRole('region', { name: 'Sigma rules' });
    await rules.getByText('Why 1 rule did not load').click();
    const failure = await rules.locator('.sigma-failures li').innerText();
    assert.match(failure, /^hostile-rules\.zip:bad\\u202elmy\.yml: /);

    const item = page.locator('.finding-item', { hasText: 'hostile' });
    await item.click();
    const title = 'hostile <img src=x onerror=alert(1)> \\x1b[31m \\u202eexe.txt';
    assert.equal(await item.locator('.finding-target').innerText(), title);

    const detail = page.getByRole('region', { name: 'The open finding' });
    const rule = detail.getByRole('region', { name: 'Sigma rule' });
    await rule.waitFor();
    assert.equal(
      await detail.locator('.finding-why').innerText(),
      `Sigma rule "${title}" (a high rule) matched one event.`,
    );
    assert.match(
      await detail.locator('h2').innerText(),
      /^HIGH sigma on WKS-.*\\x1b\[2J.*\\u202etxt\.exe/,
    );
    const terms = await rule.locator('.finding-fields').innerText();
    assert.ok(terms.includes(`Title\n${title}\n`), terms);
    assert.ok(terms.includes('evil\\u202egat\\x1b[0m'), terms);
    const matched = await rule.locator('.sigma-matched').innerText();
    assert.match(
      matched,
      /^Image\nC:\\Users\\Public\\.*<img .*\\x1b\[2J.*\\u202etxt\.exe\\x7f\s\.exe$/,
    );

    const star = page.locator('.finding-list li', { hasText: 'hostile' }).locator('.star');
    const starName = (await star.getAttribute('aria-label')) ?? '';
    assert.ok(starName.startsWith(`Bookmark the sigma finding "${title}" on WKS-`), starName);
    await star.click();
    await page.getByRole('button', { name: 'Bookmarks (1)' }).click();
    const label = await page.locator('.bookmark-list li button.link').innerText();
    assert.ok(label.includes(`high sigma finding "${title}" on WKS-`), label);

    for (const [where, text] of [
      ['failures', failure],
      ['findings list', await page.locator('.finding-list').innerText()],
      ['detail', await detail.innerText()],
      ['star', starName],
      ['bookmark', label],
    ] as const) {
      assert.doesNotMatch(text, SNEAKY, where);
    }
    assert.equal(await page.locator('img').count(), 0);
    await page.screenshot({ path: `${ARTIFACTS}/sigma-02-hostile.png` });
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
    await page.locator('.finding-item', { hasText: 'File Download Via Bitsadmin' }).waitFor();
    assert.equal(await rules.locator('.sigma-status').innerText(), 'sigma/: 3 rules loaded');
    assert.equal(await rules.locator('.sigma-matched-count').innerText(), '1 finding in 1 event');
    await page.close();
  },
);

/** A folder under `folder` holding `files` (name to text, or a fixture rule's name to copy). */
async function ruleFolder(name: string, files: Record<string, string>): Promise<string> {
  const path = `${folder}/${name}`;
  await mkdir(path, { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    if (text.startsWith('fixture:'))
      await copyFile(`${FIXTURES}/${text.slice(8)}`, `${path}/${file}`);
    else await writeFile(`${path}/${file}`, text);
  }
  return path;
}

test(
  'Sigma rule picks say what they held: no rules, not a zip, files that are not rules, shared ids',
  { skip: SKIP_BROWSER },
  async () => {
    const page = await huntedSample();
    const rules = page.getByRole('region', { name: 'Sigma rules' });
    const status = rules.locator('.sigma-status');

    await page.setInputFiles(
      'input[aria-label="Load a rules folder"]',
      await ruleFolder('docs', { 'README.md': 'no rules' }),
    );
    await rules.locator('.sigma-empty').waitFor();
    assert.equal(await rules.locator('.sigma-empty').innerText(), 'No .yml/.yaml files in docs/');

    await writeFile(
      `${folder}/norules.zip`,
      zipOf([{ name: 'README.md', bytes: new TextEncoder().encode('x') }]),
    );
    await page.setInputFiles('input[aria-label="Load a rules .zip"]', `${folder}/norules.zip`);
    await status.filter({ hasText: /^No .* in norules\.zip$/ }).waitFor();
    assert.equal(await status.innerText(), 'No .yml/.yaml files in norules.zip');
    assert.equal(await rules.locator('.sigma-empty').count(), 0);

    await writeFile(`${folder}/fake.zip`, 'title: not a zip\n');
    await page.setInputFiles('input[aria-label="Load a rules .zip"]', `${folder}/fake.zip`);
    await status.filter({ hasText: /^fake\.zip: / }).waitFor();
    assert.equal(await status.innerText(), 'fake.zip: no rules');
    assert.match(
      await rules.locator('.sigma-unread').innerText(),
      /^fake\.zip could not be read as a zip: zip at byte \d+: no end-of-central-directory record$/,
    );
    assert.equal(await rules.locator('.sigma-failures').count(), 0);

    const one = await ruleFolder('one', {
      'bits.yml': 'fixture:proc_creation_win_bitsadmin_download.yml',
    });
    await page.setInputFiles('input[aria-label="Load a rules folder"]', one);
    await status.filter({ hasText: /^one\/: / }).waitFor();
    assert.equal(await status.innerText(), 'one/: 1 rule loaded');

    const copies = await ruleFolder('copies', {
      'a.yml': 'fixture:proc_creation_win_bitsadmin_download.yml',
      'b.yml': 'fixture:proc_creation_win_bitsadmin_download.yml',
      'info.yml': 'id: 1\ndescription: N/A\nregression_tests_info: []\n',
    });
    await page.setInputFiles('input[aria-label="Load a rules folder"]', copies);
    await status.filter({ hasText: /^copies\/: / }).waitFor();
    assert.equal(await status.innerText(), 'copies/: 2 rules loaded');
    assert.equal(
      await rules.locator('.sigma-not-rules summary').innerText(),
      '1 file is not a Sigma rule (no title or detection)',
    );
    assert.equal(
      await rules.locator('.sigma-shared-id').innerText(),
      'Rule id d059842b-6b9d-4ed1-b5c3-5b89143c6ede is in 2 files, each reports its matches: ' +
        'copies/a.yml, copies/b.yml',
    );
    await page.close();
  },
);

test(
  'a Sigma bookmark names its rule, and says its finding is gone once the rules are replaced',
  { skip: SKIP_BROWSER },
  async () => {
    const page = await huntedSample();
    await page.setInputFiles('input[aria-label="Load a rules folder"]', FIXTURES);
    const title = 'File Download Via Bitsadmin';
    const star = page.getByRole('button', {
      name: `Bookmark the sigma finding "${title}" on swachchhanda`,
    });
    await star.click();
    await page.getByRole('button', { name: 'Bookmarks (1)' }).click();
    const bookmark = page.locator('.bookmark-list li button.link');
    assert.equal(
      await bookmark.innerText(),
      `2025-12-10T04:33:20.5627827Z · medium sigma finding "${title}" on swachchhanda`,
    );

    const anydesk = await ruleFolder('anydesk', {
      'a.yml': 'fixture:file_event_win_anydesk_artefact.yml',
    });
    await page.setInputFiles('input[aria-label="Load a rules folder"]', anydesk);
    await page.locator('.sigma-status', { hasText: /^anydesk\/: / }).waitFor();
    await page.locator('.finding-item', { hasText: title }).waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: /^Events/ }).click();
    await bookmark.click();
    const gone = page.locator('.bookmark-gone');
    await gone.waitFor();
    assert.equal(
      await gone.innerText(),
      `Not opened: the sigma finding "${title}" on swachchhanda is not in the current report ` +
        '(the rules, logs or allowlist changed since it was bookmarked).',
    );
    assert.equal(
      await page.getByRole('tab', { name: /^Events/ }).getAttribute('aria-selected'),
      'true',
    );
    await page.close();
  },
);

test('Forget rules drops the Sigma findings', { skip: SKIP_BROWSER }, async () => {
  const page = await huntedSample();
  await page.setInputFiles('input[aria-label="Load a rules folder"]', FIXTURES);
  const finding = page.locator('.finding-item', { hasText: 'File Download Via Bitsadmin' });
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
