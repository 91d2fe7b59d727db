/**
 * Our own exports read back: a log with recovered records (issue_43.evtx with chunk 2's header
 * zeroed, so its 73 records, ids 151-223, are found by their signatures only) dumped in each
 * format and read again gives the same records, the recovered ones recovered again and counted
 * so in the account.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

import { SysmonLogGenerator } from '@evtxhunt/generate';

import { ISSUE43, REPO, runEvtxhunt } from './run-cli.js';

/** Chunk 2's header: the 512 bytes zeroed. */
const CHUNK_2 = 0x21000;

/** The ids of chunk 2's records, recovered by their signatures once its header is gone. */
const RECOVERED_IDS = Array.from({ length: 73 }, (_, i) => String(151 + i));

/** A temporary folder, removed after the test. */
async function scratch(t: test.TestContext): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'evtxhunt-read-back-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** The sample with chunk 2's header zeroed, written in `dir`. */
async function headerless(dir: string): Promise<string> {
  const bytes = new Uint8Array(await readFile(ISSUE43));
  bytes.fill(0, CHUNK_2, CHUNK_2 + 0x200);
  const path = join(dir, 'headerless.evtx');
  await writeFile(path, bytes);
  return path;
}

/** The record ids of the dump lines flagged recovered, and how many lines there are. */
function flagged(stdout: string): { lines: number; recovered: string[] } {
  const lines = stdout.trimEnd().split('\n');
  const records = lines.map((line) => JSON.parse(line) as { recordId: string; recovered?: true });
  const recovered = records.filter((record) => record.recovered === true);
  return { lines: lines.length, recovered: recovered.map((record) => record.recordId) };
}

/** The account's counts for the one file of a run: read, recovered, failed. */
function accountCounts(stderr: string): string {
  const row = /^ {2}(\w+) +(\d+) +(\d+) +(\d+) /m.exec(stderr.split(/^account of/m)[1] ?? '');
  return row === null ? 'no account' : `${row[1]} ${row[2]} read, ${row[3]} recovered`;
}

test('dump: recovered records stay recovered through jsonl, xml, timesketch, ecs and csv', async (t) => {
  const dir = await scratch(t);
  const evtx = await headerless(dir);
  const original = await runEvtxhunt('dump', evtx);
  assert.equal(original.status, 1);
  assert.deepEqual(flagged(original.stdout), { lines: 1730, recovered: RECOVERED_IDS });
  assert.equal(accountCounts(original.stderr), 'lost 1657 read, 73 recovered');

  for (const format of ['jsonl', 'xml', 'timesketch', 'ecs', 'csv']) {
    const exported = join(dir, `export.${format}`);
    await writeFile(exported, (await runEvtxhunt('dump', '--format', format, evtx)).stdout);
    const back = await runEvtxhunt('dump', exported);

    assert.equal(back.status, 0, `${format}: ${back.stderr}`);
    assert.deepEqual(flagged(back.stdout), { lines: 1730, recovered: RECOVERED_IDS }, format);
    assert.equal(accountCounts(back.stderr), 'complete 1657 read, 73 recovered', format);
  }
});

test('hunt: an export of recovered records counts them recovered in its input', async (t) => {
  const dir = await scratch(t);
  const evtx = await headerless(dir);
  const exported = join(dir, 'export.ecs.json');
  await writeFile(exported, (await runEvtxhunt('dump', '--format', 'ecs', evtx)).stdout);
  const fromEvtx = JSON.parse((await runEvtxhunt('hunt', '--format', 'json', evtx)).stdout);
  const fromEcs = JSON.parse((await runEvtxhunt('hunt', '--format', 'json', exported)).stdout);

  assert.equal(fromEcs.input.records, 1730);
  assert.equal(fromEcs.input.recovered, 73);
  assert.deepEqual(fromEcs.findings, fromEvtx.findings);
});

/** The dump lines of `file` as objects, `file` itself left out, keys sorted. */
function recordsOf(stdout: string): string[] {
  return stdout
    .trimEnd()
    .split('\n')
    .map((line) => {
      const record = Object.entries(JSON.parse(line) as Record<string, unknown>);
      return JSON.stringify(Object.fromEntries(record.filter(([key]) => key !== 'file').sort()));
    });
}

/** A seeded generated Sysmon log of 1 MiB with C2 activity planted, written in `dir`. */
async function generatedLog(dir: string): Promise<string> {
  const generator = new SysmonLogGenerator({ seed: 7, sizeBytes: 1024 * 1024 });
  const chunks = [...generator.chunks()];
  const bytes = new Uint8Array(4096 + 65536 * chunks.length);
  bytes.set(generator.fileHeader(), 0);
  chunks.forEach((chunk, i) => bytes.set(chunk, 4096 + 65536 * i));
  const path = join(dir, 'generated.evtx');
  await writeFile(path, bytes);
  return path;
}

test('dump --format csv reads back as the same records, and hunts to the same findings', async (t) => {
  const dir = await scratch(t);
  const evtx = await generatedLog(dir);
  const csv = join(dir, 'generated.csv');
  await writeFile(csv, (await runEvtxhunt('dump', '--format', 'csv', evtx)).stdout);
  const [fromEvtx, fromCsv] = await Promise.all([
    runEvtxhunt('dump', evtx),
    runEvtxhunt('dump', csv),
  ]);

  assert.equal(fromCsv.status, 0, fromCsv.stderr);
  assert.equal(accountCounts(fromCsv.stderr), 'complete 1060 read, 0 recovered');
  assert.deepEqual(recordsOf(fromCsv.stdout), recordsOf(fromEvtx.stdout));

  const hunt = async (path: string) => {
    const report = JSON.parse((await runEvtxhunt('hunt', '--format', 'json', path)).stdout);
    return JSON.stringify(report.findings).replaceAll(JSON.stringify(path).slice(1, -1), 'F');
  };
  const findings = await hunt(csv);
  assert.equal(findings, await hunt(evtx));
  assert.equal((JSON.parse(findings) as unknown[]).length, 12);
});

test('a folder walk reads our CSV and names each file it skips on stderr', async (t) => {
  const dir = await scratch(t);
  await writeFile(
    join(dir, 'sysmon.csv'),
    (await runEvtxhunt('dump', '--format', 'csv', ISSUE43)).stdout,
  );
  await writeFile(join(dir, 'notes.txt'), 'seized 2024-05-01\n');
  await writeFile(join(dir, 'report.json'), '{"input":{"records":1730}}\n');
  const run = await runEvtxhunt('dump', dir);

  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout.split('\n').length - 1, 1730);
  const skipped = run.stderr.split('\n').filter((line) => line.includes(': info: skipped: '));
  assert.deepEqual(skipped, [
    `${join(dir, 'notes.txt')}: info: skipped: not an event log: no EVTX signature, event XML, event JSON, or EvtxECmd or evtxhunt CSV header (first bytes 73 65 69 7a 65 64 20 32)`,
    `${join(dir, 'report.json')}: info: skipped: not an event log: no EVTX signature, event XML, event JSON, or EvtxECmd or evtxhunt CSV header (first bytes 7b 22 69 6e 70 75 74 22)`,
  ]);
});

/** Each ECS document's record id, log.level and event.outcome. */
function levelsAndOutcomes(stdout: string): string[] {
  return stdout
    .trimEnd()
    .split('\n')
    .map((line) => {
      const doc = JSON.parse(line) as {
        event: { outcome?: string };
        log: { level?: string };
        winlog: { record_id: string };
      };
      return `${doc.winlog.record_id} ${doc.log.level} ${doc.event.outcome}`;
    });
}

test('ECS read back and written again keeps log.level and event.outcome', async (t) => {
  const dir = await scratch(t);
  const security = `${REPO}packages/cli/test/fixtures/sigma-correlation/security_4625_openssh_bruteforce.evtx`;
  const first = (await runEvtxhunt('dump', '--format', 'ecs', security)).stdout;
  const exported = join(dir, 'security.ecs.json');
  await writeFile(exported, first);
  const again = await runEvtxhunt('dump', '--format', 'ecs', exported);

  assert.equal(again.status, 0, again.stderr);
  const before = levelsAndOutcomes(first);
  assert.deepEqual(levelsAndOutcomes(again.stdout), before);
  const outcomes = before.map((entry) => entry.split(' ')[2]);
  assert.deepEqual(
    [
      outcomes.filter((o) => o === 'failure').length,
      outcomes.filter((o) => o === 'success').length,
    ],
    [5, 6],
  );
  assert.ok(before.every((entry) => entry.split(' ')[1] === 'information'));
});
