/**
 * Logs that are not EVTX: the same events read from an EVTX file and from an export of it give
 * the same hunt, pivot and timeline, and the shared exports of real attacks are hunted as they
 * are (origins in the samples' SOURCES.md).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'node:test';
import { gzipSync } from 'node:zlib';

import { REPO, runEvtxhunt, SHARED_ROOT } from './run-cli.js';

const GENERATE = `${REPO}packages/generate/dist/src/main.js`;
const JSON_SAMPLES = `${SHARED_ROOT}/samples/json`;
const SKIP_JSON = existsSync(JSON_SAMPLES) ? false : `no shared JSON samples at ${JSON_SAMPLES}`;

/** A seeded Sysmon log with beacons, and its dump as JSON lines, XML, XML gzipped, Timesketch. */
async function logAndExports(dir: string): Promise<Record<string, string>> {
  const evtx = join(dir, 'sysmon.evtx');
  const args = ['--size', '1MB', '--seed', '7', '--hosts', '4', '--span-hours', '2'];
  execFileSync(process.execPath, [GENERATE, ...args, '--beacon-count', '40', '--out', evtx]);

  const jsonl = join(dir, 'sysmon.jsonl');
  const xml = join(dir, 'sysmon.xml');
  await writeFile(jsonl, (await runEvtxhunt('dump', evtx)).stdout);
  const xmlText = (await runEvtxhunt('dump', '--format', 'xml', evtx)).stdout;
  await writeFile(xml, xmlText);
  await writeFile(join(dir, 'sysmon.xml.gz'), gzipSync(xmlText));
  const timesketch = join(dir, 'sysmon.timesketch.jsonl');
  await writeFile(timesketch, (await runEvtxhunt('dump', '--format', 'timesketch', evtx)).stdout);
  return { evtx, jsonl, xml, gzip: join(dir, 'sysmon.xml.gz'), timesketch };
}

/** A command's stdout with the input's path made the same for every form. */
async function output(path: string, ...args: string[]): Promise<string> {
  const run = await runEvtxhunt(...args, path);
  assert.equal(run.status, 0, `${args.join(' ')} ${path}: ${run.stderr}`);
  return run.stdout.replaceAll(path, 'LOG');
}

test('hunt, pivot and timeline give the same output on EVTX and on its JSONL, XML, gzip and Timesketch lines', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'evtxhunt-formats-'));
  try {
    const logs = await logAndExports(dir);
    for (const command of [['hunt', '--format', 'json'], ['pivot', '--json'], ['timeline']]) {
      const fromEvtx = await output(logs['evtx'] ?? '', ...command);
      for (const form of ['jsonl', 'xml', 'gzip', 'timesketch']) {
        assert.equal(await output(logs[form] ?? '', ...command), fromEvtx, `${command[0]} ${form}`);
      }
    }
    const hunt = JSON.parse(await output(logs['xml'] ?? '', 'hunt', '--format', 'json'));
    assert.equal(
      hunt.findings.filter((finding: { kind: string }) => finding.kind === 'beacon').length,
      2,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a folder is walked by content: exports are read beside EVTX, other files and reports named as skipped', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'evtxhunt-formats-'));
  try {
    await logAndExports(dir);
    await writeFile(join(dir, 'notes.txt'), 'not a log\n');
    await writeFile(join(dir, 'package.json'), '{"name": "x"}\n');
    const report = join(dir, 'report.json');
    assert.equal((await runEvtxhunt('hunt', '--format', 'json', '--out', report, dir)).status, 0);
    const run = await runEvtxhunt('pivot', '--json', dir);
    assert.equal(run.status, 0);
    // A hunt report names event fields but holds no event: it is not read as a log, and is
    // named as skipped, as the other files are.
    const skipped = [...run.stderr.matchAll(/^(\S+): info: skipped: (.*)$/gm)];
    assert.deepEqual(
      skipped.map(([, file, why]) => `${file?.slice(dir.length + 1)}: ${why?.split(': ')[1]}`),
      [
        'notes.txt: no EVTX signature, event XML, event JSON, or EvtxECmd or evtxhunt CSV header (first bytes 6e 6f 74 20 61 20 6c 6f)',
        'package.json: no EVTX signature, event XML, event JSON, or EvtxECmd or evtxhunt CSV header (first bytes 7b 22 6e 61 6d 65 22 3a)',
        'report.json: its first record does not read as json',
      ],
    );
    assert.equal(run.stderr.split('report.json').length - 1, 1);
    const files = [...run.stderr.matchAll(/ (\S+sysmon\S*)$/gm)].map((match) => match[1]);
    assert.deepEqual(
      files.map((file) => file?.slice(dir.length + 1)),
      ['sysmon.evtx', 'sysmon.jsonl', 'sysmon.timesketch.jsonl', 'sysmon.xml', 'sysmon.xml.gz'],
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test(
  'an NXLog JSON export of an Empire attack is hunted: the 5 s beacon is found',
  { skip: SKIP_JSON },
  async () => {
    const path = `${JSON_SAMPLES}/empire_monologue_netntlm_downgrade_2019-12-25045202.json`;
    const report = JSON.parse(await output(path, 'hunt', '--format', 'json'));
    const beacons = report.findings.filter(
      (finding: { kind: string }) => finding.kind === 'beacon',
    );

    assert.equal(report.input.records, 1635);
    assert.equal(beacons.length, 1);
    assert.equal(beacons[0].computer, 'IT001.shire.com');
    assert.match(JSON.stringify(beacons[0]), /172\.18\.39\.8/);
  },
);

test('a bad JSON line is a diagnostic with its line and offset; the rest is read, exit 1', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'evtxhunt-formats-'));
  try {
    const line = '{"recordId":"1","eventId":3,"channel":"c","data":{"A":"1"}}';
    const path = join(dir, 'broken.jsonl');
    await writeFile(path, `${line}\n{"recordId":"2","eventId":\n${line.replace('"1"', '"3"')}\n`);
    const run = await runEvtxhunt('dump', path);

    assert.equal(run.status, 1);
    assert.equal(run.stdout.trimEnd().split('\n').length, 2);
    assert.match(
      run.stderr,
      new RegExp(
        `broken.jsonl: error: json record at 0x${(line.length + 1).toString(16)}: line 2: `,
      ),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
