import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { basename } from 'node:path';
import { promisify } from 'node:util';

import { HuntEngine, defaultKnowledge, type Finding } from '@evtxhunt/hunt';

import { createHuntHandler } from '../../src/hunt/handler.js';
import { HuntLink, type HuntPort } from '../../src/hunt/hunter.js';
import type { HuntReply, HuntRequest } from '../../src/hunt/protocol.js';
import type { RuleFile } from '../../src/hunt/sigma-files.js';
import type { EventStore } from '../../src/store/event-store.js';
import { REPO } from '../support/paths.js';
import { storeOfFiles } from '../support/store.js';

/** The zip writer of @evtxhunt/formats' tests (stored or deflated members). */
const { zipOf } = (await import(`${REPO}packages/formats/dist/test/zip-writer.js`)) as {
  zipOf: (members: { name: string; bytes: Uint8Array; deflate?: boolean }[]) => Uint8Array;
};

const CLI = `${REPO}packages/cli/dist/src/main.js`;

/** A regression test's info.yml, shaped as the public rule set's regression_data has them. */
const REGRESSION_INFO = `id: a86306af-137b-427f-9e39-680199937bd0
description: N/A
date: 2026-04-17
rule_metadata:
    - id: f2e4b7d9-5c3a-4f8b-9e1d-7a6c2b3f4e5d
      title: A rule's title, under rule_metadata
regression_tests_info:
    - name: Positive Detection Test
      type: evtx
      match_count: 1
      path: regression_data/x/f2e4b7d9-5c3a-4f8b-9e1d-7a6c2b3f4e5d.evtx
`;

/** A load of nothing with nothing wrong: the fields a test does not set. */
const NOTHING_WRONG = {
  rules: 0,
  correlations: 0,
  yamlFiles: 0,
  failures: [],
  failureCount: 0,
  notRules: [],
  notRuleCount: 0,
  unreadArchives: [],
  sharedIds: [],
};
const FIXTURES = `${REPO}packages/cli/test/fixtures`;

/** What the CLI's `sigma --format json` says. */
interface CliSigma {
  readonly rules: { loaded: number; correlations: number; failed: number };
  readonly matches: { rule: { id: string }; recordId: string; file: string }[];
  readonly correlations: {
    correlation: { id: string };
    group: Record<string, string>;
    start: string;
    end: string;
    eventCount: number;
  }[];
}

async function cliSigma(folder: string, logs: readonly string[]): Promise<CliSigma> {
  const args = [CLI, 'sigma', '--format', 'json', '--rules', folder, ...logs];
  const { stdout } = await promisify(execFile)(process.execPath, args, { maxBuffer: 1 << 26 });
  return JSON.parse(stdout) as CliSigma;
}

async function folderOf(name: string): Promise<{ rules: RuleFile[]; logs: string[] }> {
  const folder = `${FIXTURES}/${name}`;
  const names = (await readdir(folder)).sort();
  const rules = await Promise.all(
    names
      .filter((file) => file.endsWith('.yml'))
      .map(async (file) => ({ name: file, blob: new Blob([await readFile(`${folder}/${file}`)]) })),
  );
  const logs = names.filter((file) => file.endsWith('.evtx')).map((file) => `${folder}/${file}`);
  return { rules, logs };
}

/** A hunt link on the real handler; `reports` counts the engine's own reports. */
function link(): { hunter: HuntLink; reports: { count: number } } {
  const reports = { count: 0 };
  class Counting extends HuntEngine {
    override report() {
      reports.count++;
      return super.report();
    }
  }
  const port: HuntPort = {
    onmessage: null,
    postMessage: (request: HuntRequest) => queueMicrotask(() => handle(request)),
  };
  const handle = createHuntHandler(
    (reply: HuntReply) => port.onmessage?.({ data: reply }),
    () => performance.now(),
    () => new Counting({ knowledge: defaultKnowledge() }),
  );
  return { hunter: new HuntLink(port), reports };
}

function batchOf(store: EventStore, start: number, end: number) {
  const { columns, files } = store.rowColumns(start, end);
  return { rows: columns, files, fileNames: store.fileNames() };
}

/** Each sigma finding's evidence as `rule id, file, record id`, the CLI's matches the same way. */
function evidenceOf(findings: readonly Finding[]): string[] {
  return findings
    .filter((finding) => finding.kind === 'sigma' && finding.sigma !== undefined)
    .flatMap((finding) =>
      finding.evidence.map((item) => `${finding.sigma?.id} ${item.file} ${item.recordId}`),
    )
    .sort();
}

test('the hunt worker matches the CLI fixtures rules as `evtxhunt sigma` does', async () => {
  const { rules, logs } = await folderOf('sigma');
  const cli = await cliSigma(`${FIXTURES}/sigma`, logs);
  const store = await storeOfFiles(...logs);
  const { hunter } = link();

  // Not awaited: the rows sent while the worker reads the rules wait for them.
  const loading = hunter.loadRules(rules);
  const added = [hunter.add(batchOf(store, 0, 4)), hunter.add(batchOf(store, 4, store.rowCount))];
  const outcome = await hunter.report();
  const load = await loading;

  assert.deepEqual(load, { ...NOTHING_WRONG, rules: 3, yamlFiles: 3 });
  assert.equal(cli.matches.length, 5);
  const expected = cli.matches.map((m) => `${m.rule.id} ${basename(m.file)} ${m.recordId}`);
  assert.deepEqual(evidenceOf(outcome.report.findings), expected.sort());
  assert.equal(outcome.sigma?.records, 7);
  assert.deepEqual(await Promise.all(added), [4, 7]);
  const anydesk = outcome.report.findings.find(
    (f) => f.sigma?.title === 'Anydesk Temporary Artefact',
  );
  assert.equal(anydesk?.severity, 'medium');
  assert.deepEqual(anydesk?.sigma?.techniques, ['T1219.002']);
});

test('the hunt worker runs correlations from a zip, loaded after the logs, as the CLI does', async () => {
  const { rules, logs } = await folderOf('sigma-correlation');
  const cli = await cliSigma(`${FIXTURES}/sigma-correlation`, logs);
  const store = await storeOfFiles(...logs);
  const { hunter, reports } = link();
  const members = await Promise.all(
    rules.map(async (rule) => ({
      name: `rules/${rule.name}`,
      bytes: new Uint8Array(await rule.blob.arrayBuffer()),
      deflate: true,
    })),
  );
  const zip = { name: 'rules.zip', blob: new Blob([zipOf(members) as Uint8Array<ArrayBuffer>]) };

  await hunter.add(batchOf(store, 0, store.rowCount));
  const before = await hunter.report();
  const load = await hunter.loadRules([zip]);
  await hunter.add(batchOf(store, 0, store.rowCount), 'sigma');
  const after = await hunter.report();

  assert.equal(before.sigma, undefined);
  assert.deepEqual(load, { ...NOTHING_WRONG, rules: 2, correlations: 3, yamlFiles: 2 });
  assert.equal(reports.count, 1, 'the engine is not run again for rules alone');
  assert.equal(after.records, 11);
  assert.equal(cli.correlations.length, 1);
  const correlations = after.report.findings.filter((f) => f.kind === 'sigma');
  assert.deepEqual(
    correlations.map((f) => [f.sigma?.id, f.sigma?.fields, f.firstSeen, f.lastSeen, f.count]),
    cli.correlations.map((c) => [c.correlation.id, c.group, c.start, c.end, c.eventCount]),
  );
  assert.equal(correlations[0]?.severity, 'high');
  assert.equal(correlations[0]?.sigma?.file, 'rules.zip:rules/mr_failed_logons.yml');
});

test('the hunt worker names the rule files that did not load, and why', async () => {
  const bad = new Blob(['title: x\nlogsource: {product: windows}\ndetection: {condition: sel}\n']);
  const broken = { name: 'broken.zip', blob: new Blob([new Uint8Array([0x50, 0x4b, 3, 4, 0])]) };
  const { hunter } = link();

  const load = await hunter.loadRules([{ name: 'bad.yml', blob: bad }, broken]);

  assert.equal(load.rules, 0);
  assert.equal(load.yamlFiles, 1);
  assert.deepEqual(
    load.failures.map((failure) => failure.file),
    ['bad.yml'],
  );
  assert.equal(load.failureCount, 1);
  assert.ok((load.failures[0]?.reason ?? '').length > 0);
  // The archive that is not a zip is not a rule that failed, and its name is not said twice.
  assert.deepEqual(load.unreadArchives, [
    { file: 'broken.zip', reason: 'zip at byte 5: no end-of-central-directory record' },
  ]);
});

test('the hunt worker counts info.yml files as not rules, apart from the failures', async () => {
  const info = REGRESSION_INFO;
  const rule = await readFile(`${FIXTURES}/sigma/proc_creation_win_bitsadmin_download.yml`);
  const { hunter } = link();

  const load = await hunter.loadRules([
    { name: 'regression/info.yml', blob: new Blob([info]) },
    { name: 'rules/a.yml', blob: new Blob([rule]) },
    { name: 'rules/b.yml', blob: new Blob([rule]) },
  ]);

  assert.equal(load.rules, 2);
  assert.equal(load.failureCount, 0);
  assert.equal(load.yamlFiles, 3);
  assert.deepEqual(load.notRules, ['regression/info.yml']);
  assert.equal(load.notRuleCount, 1);
  assert.deepEqual(load.sharedIds, [
    { id: 'd059842b-6b9d-4ed1-b5c3-5b89143c6ede', files: ['rules/a.yml', 'rules/b.yml'] },
  ]);
});

test('the hunt worker says a zip holding no .yml file held none', async () => {
  const zip = zipOf([{ name: 'README.md', bytes: new TextEncoder().encode('no rules here') }]);
  const { hunter } = link();

  const load = await hunter.loadRules([
    { name: 'empty.zip', blob: new Blob([zip as Uint8Array<ArrayBuffer>]) },
  ]);

  assert.deepEqual(load, NOTHING_WRONG);
});
