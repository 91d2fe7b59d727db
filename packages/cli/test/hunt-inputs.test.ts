/**
 * `evtxhunt hunt` with inputs it must refuse or cannot use: an --out that is an input, bad
 * configurations and allowlists, an unwritable report, a directory without logs. Run in-process.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { runCli } from '../src/cli.js';
import { memorySink } from '../src/io.js';
import { ISSUE43 } from './run-cli.js';

let dir = '';
let evidence = '';

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'evtxhunt-hunt-inputs-'));
  evidence = join(dir, 'evidence.evtx');
  await copyFile(ISSUE43, evidence);
});

after(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function hunt(...args: string[]) {
  const io = { out: memorySink(), err: memorySink(), errIsTty: false };
  const status = await runCli(['hunt', ...args], io);
  return { status, out: io.out.text(), err: io.err.text() };
}

test('hunt --out refuses to overwrite an input log, found by path or by walking a folder', async () => {
  const before = await readFile(evidence);

  for (const path of [evidence, dir]) {
    const run = await hunt(path, '--format', 'html', '--out', evidence);
    assert.equal(run.status, 2);
    assert.equal(run.out, '');
    assert.equal(
      run.err,
      `evtxhunt: refusing to write the report to ${evidence}: it is the input ${evidence}\n`,
    );
  }
  assert.deepEqual(await readFile(evidence), before);
});

test('hunt --out refuses to overwrite the --allow or --config file', async () => {
  const allow = join(dir, 'allow.txt');
  await writeFile(allow, 'image=svchost.exe\n');

  const run = await hunt(evidence, '--allow', allow, '--out', allow);
  assert.equal(run.status, 2);
  assert.equal(
    run.err,
    `evtxhunt: refusing to write the report to ${allow}: it is the input ${allow}\n`,
  );
  assert.equal(await readFile(allow, 'utf8'), 'image=svchost.exe\n');
});

test('hunt names a bad configuration once, without a pointer to usage', async () => {
  const broken = join(dir, 'broken.xml');
  await writeFile(broken, '<Sysmon><EventFiltering>');
  const missing = join(dir, 'missing.xml');

  const bad = await hunt(evidence, '--config', broken);
  assert.equal(bad.status, 2);
  assert.equal(
    bad.err,
    `evtxhunt: Cannot read Sysmon configuration ${JSON.stringify(broken)}: unexpected end of input inside <EventFiltering> (opened at line 1) at line 1, column 25\n`,
  );

  const absent = await hunt(evidence, '--config', missing);
  assert.equal(
    absent.err,
    `evtxhunt: cannot read Sysmon configuration ${missing}: ENOENT: no such file or directory\n`,
  );
  assert.equal(absent.out, '');
});

test('hunt reports a bad allowlist and an unwritable report without a pointer to usage', async () => {
  const allow = join(dir, 'quote.txt');
  await writeFile(allow, 'image="C:\\Program Files\n');

  const bad = await hunt(evidence, '--allow', allow);
  assert.equal(bad.status, 2);
  assert.equal(
    bad.err,
    `evtxhunt: Cannot read allowlist ${allow} line 1: the quote at column 7 is not closed\n`,
  );

  const out = join(dir, 'no-such-dir', 'report.html');
  const unwritable = await hunt(evidence, '--out', out);
  assert.equal(unwritable.status, 2);
  assert.equal(
    unwritable.err,
    `evtxhunt: cannot write the report to ${out}: ENOENT: no such file or directory\n`,
  );
});

test('hunt misuse still points to usage', async () => {
  const run = await hunt();
  assert.equal(run.status, 2);
  assert.equal(
    run.err,
    "evtxhunt: hunt needs at least one path\nRun 'evtxhunt hunt --help' for usage.\n",
  );
});

test('hunt writes no report when no .evtx file could be read', async () => {
  const empty = join(dir, 'empty');
  await mkdir(empty);
  const out = join(dir, 'never.html');

  const run = await hunt(empty);
  assert.equal(run.status, 2);
  assert.equal(run.out, '');
  assert.equal(
    run.err,
    'evtxhunt: no .evtx files or exports found under the paths given\n' +
      'evtxhunt: no report written: no record could be read\n',
  );

  const toFile = await hunt(empty, join(dir, 'missing.evtx'), '--out', out);
  assert.equal(toFile.status, 2);
  assert.match(toFile.err, /missing\.evtx: error: ENOENT: no such file or directory\n/);
  await assert.rejects(stat(out), { code: 'ENOENT' });
});
