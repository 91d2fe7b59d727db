import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';

import type { Finding } from '@evtxhunt/hunt';

import {
  bookmarkLabel,
  findingName,
  findingStarrable,
  openBookmark,
} from '../../src/session/bookmarks-open.js';
import { translator } from '../../src/i18n/translator.js';
import { ruleFilesOf, type PickedFile } from '../../src/session/sigma.js';
import type { Workbench } from '../../src/session/workbench.js';
import { huntBench, huntReady, openPaths } from '../support/hunt.js';
import { REPO } from '../support/paths.js';

const FIXTURES = `${REPO}packages/cli/test/fixtures/sigma`;
const EN = translator('en');

/** Fixture files as a folder pick under `folder/` gives them. */
async function folderPick(names: readonly string[], folder = 'sigma'): Promise<PickedFile[]> {
  return Promise.all(
    names.map(async (name) =>
      Object.assign(new Blob([await readFile(`${FIXTURES}/${name}`)]), {
        name,
        webkitRelativePath: `${folder}/${name}`,
      }),
    ),
  );
}

function sigmaFindings(bench: Workbench): Finding[] {
  return bench.hunt.result.value?.findings.filter((finding) => finding.kind === 'sigma') ?? [];
}

test('ruleFilesOf names a folder pick after its folder, even when it holds one file', () => {
  const one = Object.assign(new Blob(['x']), { name: 'a.yml', webkitRelativePath: 'rules/a.yml' });
  assert.equal(ruleFilesOf([one]).name, 'rules/');

  const file = (name: string) => Object.assign(new Blob(['x']), { name });
  assert.equal(ruleFilesOf([file('a.yml')]).name, 'a.yml');
  assert.equal(ruleFilesOf([file('a.yml'), file('b.yml')]).name, 'a.yml and 1 more file');
  assert.equal(
    ruleFilesOf([file('a.yml'), file('b.yml'), file('c.zip')]).name,
    'a.yml and 2 more files',
  );
  assert.deepEqual(ruleFilesOf([]), { files: [], name: '' });
  assert.deepEqual(ruleFilesOf([file('notes.txt')]).files, []);
});

test('a Sigma bookmark is named by its rule title, and opens nothing once new rules dropped its finding', async () => {
  const bench = huntBench();
  const logs = (await readdir(FIXTURES)).filter((name) => name.endsWith('.evtx')).sort();
  await openPaths(
    bench,
    logs.map((name) => `${FIXTURES}/${name}`),
  );
  const rules = (await readdir(FIXTURES)).filter((name) => name.endsWith('.yml')).sort();
  await bench.hunt.loadRules(await folderPick(rules));
  await huntReady(bench);

  const bits = sigmaFindings(bench).find((f) => f.sigma?.title === 'File Download Via Bitsadmin');
  assert.ok(bits !== undefined);
  assert.equal(
    findingName(bits, EN),
    'the sigma finding "File Download Via Bitsadmin" on swachchhanda',
  );
  const { target, time } = findingStarrable(bits);
  bench.bookmarks.toggle(target, time);
  const bookmark = bench.bookmarks.list.value[0]!;
  assert.equal(
    bookmarkLabel(bench.filter.frame.value, bookmark, EN),
    '2025-12-10T04:33:20.5627827Z · medium sigma finding "File Download Via Bitsadmin" on swachchhanda',
  );
  assert.equal(openBookmark(bench, bookmark), true);
  assert.equal(bench.hunt.tab.value, 'findings');
  assert.equal(bench.hunt.findings.open.value, bits);

  // The rules replaced by the AnyDesk rule alone: the bitsadmin finding is gone.
  bench.hunt.tab.value = 'events';
  await bench.hunt.loadRules(await folderPick(['file_event_win_anydesk_artefact.yml']));
  await huntReady(bench);
  assert.deepEqual(
    sigmaFindings(bench).map((finding) => finding.sigma?.title),
    ['Anydesk Temporary Artefact'],
  );
  assert.equal(openBookmark(bench, bookmark), false);
  assert.equal(bench.hunt.tab.value, 'events', 'no other finding is opened in its place');
});
