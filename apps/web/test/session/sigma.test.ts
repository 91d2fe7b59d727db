import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';

import { ruleFilesOf, type PickedFile } from '../../src/session/sigma.js';
import { huntBench, huntReady, openPaths } from '../support/hunt.js';
import { REPO } from '../support/paths.js';

const FIXTURES = `${REPO}packages/cli/test/fixtures/sigma`;

/** The fixture folder's files as a folder pick gives them: paths under the folder's name. */
async function folderPick(): Promise<PickedFile[]> {
  const names = (await readdir(FIXTURES)).sort();
  return Promise.all(
    names.map(async (name) =>
      Object.assign(new Blob([await readFile(`${FIXTURES}/${name}`)]), {
        name,
        webkitRelativePath: `sigma/${name}`,
      }),
    ),
  );
}

test('ruleFilesOf keeps the rule files and zips of a folder pick, named by their path', async () => {
  const { files, name } = ruleFilesOf(await folderPick());

  assert.equal(name, 'sigma/');
  assert.deepEqual(
    files.map((file) => file.name),
    [
      'sigma/file_event_win_anydesk_artefact.yml',
      'sigma/proc_creation_win_bitsadmin_download.yml',
      'sigma/proc_creation_win_certutil_certificate_installation.yml',
    ],
  );
});

test('HuntSession.loadRules as the logs load sends each row to the rules once', async () => {
  const bench = huntBench();
  const logs = (await readdir(FIXTURES)).filter((name) => name.endsWith('.evtx')).sort();

  await openPaths(
    bench,
    logs.map((name) => `${FIXTURES}/${name}`),
  );
  await bench.hunt.loadRules(await folderPick());
  await huntReady(bench);

  const status = bench.hunt.sigma.value;
  assert.equal(status.state === 'loaded' ? status.load.rules : -1, 3);
  assert.equal(bench.hunt.outcome.value?.sigma?.records, 7);
  const sigma = bench.hunt.result.value?.findings.filter((finding) => finding.kind === 'sigma');
  assert.deepEqual(sigma?.map((finding) => [finding.sigma?.title, finding.count]).sort(), [
    ['Anydesk Temporary Artefact', 3],
    ['File Download Via Bitsadmin', 1],
    ['New Root Certificate Installed Via Certutil.EXE', 1],
  ]);
});
