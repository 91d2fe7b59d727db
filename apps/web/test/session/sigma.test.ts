import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';

import { ruleFilesOf, type PickedFile } from '../../src/session/sigma.js';
import { translator } from '../../src/i18n/translator.js';
import { statusText } from '../../src/ui/hunt/hunt-tabs.js';
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

/** Resolves once `read()` gives something `done` accepts, watched through `signal`. */
function until<T>(
  signal: { subscribe(fn: (value: T) => void): () => void },
  done: (value: T) => boolean,
  ms = 30_000,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not done after ${ms} ms`)), ms);
    const stop = signal.subscribe((value) => {
      if (!done(value)) return;
      clearTimeout(timer);
      queueMicrotask(() => stop());
      resolve();
    });
  });
}

/** The sigma findings of the last report as `title count`, sorted. */
function sigmaTally(bench: ReturnType<typeof huntBench>): string[] | undefined {
  return bench.hunt.result.value?.findings
    .filter((finding) => finding.kind === 'sigma')
    .map((finding) => `${finding.sigma?.title} ${finding.count}`)
    .sort();
}

const TALLY = [
  'Anydesk Temporary Artefact 3',
  'File Download Via Bitsadmin 1',
  'New Root Certificate Installed Via Certutil.EXE 1',
];

async function fixtureLogs(bench: ReturnType<typeof huntBench>): Promise<void> {
  const logs = (await readdir(FIXTURES)).filter((name) => name.endsWith('.evtx')).sort();
  await openPaths(
    bench,
    logs.map((name) => `${FIXTURES}/${name}`),
  );
}

test('HuntSession.loadRules before any log: the rules take the rows as they arrive', async () => {
  const bench = huntBench();
  await bench.hunt.loadRules(await folderPick());
  assert.equal(bench.hunt.sigma.value.state, 'loaded');
  await fixtureLogs(bench);
  await huntReady(bench);

  assert.equal(bench.hunt.outcome.value?.sigma?.records, 7);
  assert.equal(bench.hunt.outcome.value?.records, 7);
  assert.deepEqual(sigmaTally(bench), TALLY);
});

test('HuntSession.forgetRules: the next report has no Sigma part, new rows go to the engine only', async () => {
  const bench = huntBench();
  await bench.hunt.loadRules(await folderPick());
  await fixtureLogs(bench);
  await huntReady(bench);
  assert.deepEqual(sigmaTally(bench), TALLY);

  await bench.hunt.forgetRules();
  assert.equal(bench.hunt.sigma.value.state, 'none');
  await until(bench.hunt.outcome, (outcome) => outcome?.sigma === undefined);
  assert.deepEqual(sigmaTally(bench), []);
  assert.equal(bench.hunt.outcome.value?.records, 7);
});

test('HuntSession: while new rules catch up on the rows read, the status says how far', async () => {
  const bench = huntBench();
  await fixtureLogs(bench);
  await huntReady(bench);
  const catchingUp: (number | undefined)[] = [];
  const stop = bench.hunt.status.subscribe((status) => {
    if (status.state === 'hunting') catchingUp.push(status.rulesCatchingUp);
  });

  await bench.hunt.loadRules(await folderPick());
  await until(bench.hunt.outcome, (outcome) => outcome?.sigma !== undefined);
  stop();

  assert.deepEqual(catchingUp, [7]);
  assert.equal(bench.hunt.status.value.rulesCatchingUp, undefined);
  const status = { state: 'hunting', sent: 2500, rows: 2600, rulesCatchingUp: 1000 } as const;
  assert.equal(
    statusText(status, translator('en')),
    'Running the new Sigma rules over the events read: 1,000 of 2,500 events',
  );
  assert.equal(
    statusText(status, translator('de')),
    'Die neuen Sigma-Regeln laufen über die gelesenen Ereignisse: 1.000 von 2.500 Ereignissen',
  );
  assert.deepEqual(sigmaTally(bench), TALLY);
});
