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

import { ISSUE43, runEvtxhunt } from './run-cli.js';

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

test('dump: recovered records stay recovered through jsonl, xml, timesketch and ecs', async (t) => {
  const dir = await scratch(t);
  const evtx = await headerless(dir);
  const original = await runEvtxhunt('dump', evtx);
  assert.equal(original.status, 1);
  assert.deepEqual(flagged(original.stdout), { lines: 1730, recovered: RECOVERED_IDS });
  assert.equal(accountCounts(original.stderr), 'lost 1657 read, 73 recovered');

  for (const format of ['jsonl', 'xml', 'timesketch', 'ecs']) {
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
