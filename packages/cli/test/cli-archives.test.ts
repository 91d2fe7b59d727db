/**
 * Logs handed over packed: a zip archive of EVTX files and exports, and a gzipped EVTX file.
 * Each EVTX member is read as a file of its own (`archive.zip:member.evtx`), unpacked in memory
 * or, past the memory limit, to a temporary file that is deleted afterwards.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'node:test';
import { constants, gunzipSync, gzipSync } from 'node:zlib';

import { unpackedSource } from '../src/unpacked-source.js';
import { ISSUE43, REPO, runEvtxhunt, runEvtxhuntWith } from './run-cli.js';

/** The zip writer of @evtxhunt/formats' tests (stored or deflated members, zip64 or not). */
const { zipOf } = (await import(`${REPO}packages/formats/dist/test/zip-writer.js`)) as {
  zipOf: (
    members: { name: string; bytes: Uint8Array; deflate?: boolean }[],
    zip64?: boolean,
  ) => Uint8Array;
};

const CHAINSAW = `${REPO}packages/formats/test/fixtures/chainsaw_search.jsonl`;

/** A temporary folder, removed after the test. */
async function scratch(t: test.TestContext): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'evtxhunt-archives-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** How many dump lines name each file. */
function linesPerFile(stdout: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const line of stdout.split('\n').slice(0, -1)) {
    const file = (JSON.parse(line) as { file: string }).file;
    counts[file] = (counts[file] ?? 0) + 1;
  }
  return counts;
}

test('dump reads a zip: its exports as the archive, each EVTX member as a file of its own', async (t) => {
  const dir = await scratch(t);
  const archive = join(dir, 'case.zip');
  for (const zip64 of [false, true]) {
    const members = [
      { name: 'logs/sysmon.evtx', bytes: readFileSync(ISSUE43), deflate: true },
      { name: 'chainsaw.jsonl', bytes: readFileSync(CHAINSAW) },
      { name: 'notes.txt', bytes: new TextEncoder().encode('seized 2024-05-01\n') },
    ];
    await writeFile(archive, zipOf(members, zip64));
    const run = await runEvtxhunt('dump', archive);

    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(linesPerFile(run.stdout), {
      [archive]: 2,
      [`${archive}:logs/sysmon.evtx`]: 1730,
    });
    assert.match(run.stderr, /member "notes\.txt" skipped: not an event log/);
  }
});

test('a folder walk takes a zip holding only EVTX, and info tells an export apart', async (t) => {
  const dir = await scratch(t);
  await writeFile(join(dir, 'only.zip'), zipOf([{ name: 'a.evtx', bytes: readFileSync(ISSUE43) }]));
  await writeFile(join(dir, 'chainsaw.jsonl'), readFileSync(CHAINSAW));
  const run = await runEvtxhunt('info', dir);

  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /chainsaw\.jsonl\n {2}size {12}\d+ bytes\n {2}format {10}JSON export\n/);
  assert.match(run.stdout, /chainsaw\.jsonl\n(?:.*\n){2} {2}records {9}2 read, 0 failed\n/);
  assert.match(
    run.stdout,
    /only\.zip:a\.evtx\n {2}size {12}2166784 bytes\n {2}format {10}version 3\.1/,
  );
});

test('dump reads a gzipped EVTX file unpacked as the parser needs it', async (t) => {
  const dir = await scratch(t);
  const gzipped = join(dir, 'sysmon.evtx.gz');
  await writeFile(gzipped, gzipSync(readFileSync(ISSUE43)));
  const run = await runEvtxhunt('dump', gzipped);

  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(linesPerFile(run.stdout), { [gzipped]: 1730 });
});

/** Runs `args` on one thread and on two with `env`; asserts the same output; gives stdout. */
async function sameOnTwoThreads(env: NodeJS.ProcessEnv, ...args: string[]): Promise<string> {
  const one = await runEvtxhuntWith(env, ...args, '--threads', '1');
  const two = await runEvtxhuntWith(env, ...args, '--threads', '2');
  assert.equal(one.status, 0, one.stderr);
  assert.equal(two.status, 0, two.stderr);
  assert.equal(two.stderr, one.stderr, `${args.join(' ')}: stderr`);
  assert.ok(two.stdout === one.stdout, `${args.join(' ')}: stdout differs`);
  return one.stdout;
}

test('--threads 2 reads a gzipped EVTX and a zip member over 2 MiB as one thread does, in memory or spilled', async (t) => {
  const dir = await scratch(t);
  const gzipped = join(dir, 'sysmon.evtx.gz');
  const archive = join(dir, 'case.zip');
  await writeFile(gzipped, gzipSync(readFileSync(ISSUE43)));
  const small = `${REPO}packages/cli/test/fixtures/sigma/proc_creation_win_bitsadmin_download.evtx`;
  const other = { name: 'other.evtx', bytes: readFileSync(small) };
  const sysmon = { name: 'Sysmon.evtx', bytes: readFileSync(ISSUE43), deflate: true };
  await writeFile(archive, zipOf([sysmon, other]));
  const plain = (await runEvtxhunt('dump', ISSUE43)).stdout;
  const hunted = (await runEvtxhunt('hunt', '--format', 'json', ISSUE43)).stdout;
  // In memory (2.1 MB) by default; spilled to a temporary file below 1 MB.
  for (const env of [{}, { EVTXHUNT_UNPACK_MEMORY: String(1 << 20) }]) {
    const dumped = await sameOnTwoThreads(env, 'dump', gzipped);
    const ecs = await sameOnTwoThreads(env, 'dump', '--format', 'ecs', archive);
    await sameOnTwoThreads(env, 'pivot', gzipped);
    const report = await sameOnTwoThreads(env, 'hunt', '--format', 'json', archive);

    assert.equal(dumped, plain.replaceAll(JSON.stringify(ISSUE43), JSON.stringify(gzipped)));
    const from = (member: string) =>
      ecs.split(`"log":{"file":{"path":${JSON.stringify(`${archive}:${member}`)}}`).length - 1;
    assert.deepEqual([from('Sysmon.evtx'), from('other.evtx')], [1730, 1]);
    const records = (text: string) => (JSON.parse(text) as { input: { records: number } }).input;
    assert.equal(records(report).records, 1731);
    assert.equal(records(hunted).records, 1730);
  }
});

test('unpackedSource keeps a small log in memory and spills a large one to a file it deletes', async () => {
  const bytes = readFileSync(ISSUE43);
  const pieces = async function* () {
    for (let at = 0; at < bytes.length; at += 65536) yield bytes.subarray(at, at + 65536);
  };
  const before = await readdir(tmpdir());
  const small = await unpackedSource(pieces(), 'small', { memory: 4 << 20, total: 8 << 20 });
  const large = await unpackedSource(pieces(), 'large', { memory: 1 << 20, total: 8 << 20 });
  const spilled = (await readdir(tmpdir())).filter((name) => !before.includes(name));

  assert.equal(small.spilled, false);
  assert.equal(large.spilled, true);
  assert.equal(large.name, 'large');
  assert.deepEqual(await large.read(0x11000, 8), new TextEncoder().encode('ElfChnk\0'));
  assert.equal(large.size, bytes.length);
  assert.equal(small.onDisk, undefined);
  assert.deepEqual(readFileSync(large.onDisk ?? ''), bytes);
  assert.equal(spilled.filter((name) => name.startsWith('evtxhunt-unpacked-')).length, 1);
  await Promise.all([small.close(), large.close()]);
  assert.deepEqual(
    (await readdir(tmpdir())).filter((name) => spilled.includes(name)),
    [],
  );
});

test('unpackedSource refuses a log past the total limit and leaves no file behind', async () => {
  const bytes = readFileSync(ISSUE43);
  const pieces = async function* () {
    for (let at = 0; at < bytes.length; at += 65536) yield bytes.subarray(at, at + 65536);
  };
  const before = await readdir(tmpdir());

  await assert.rejects(
    unpackedSource(pieces(), 'bomb.evtx.gz', { memory: 1 << 20, total: 2 << 20 }),
    /^RangeError: bomb\.evtx\.gz unpacks to more than 2097152 bytes$/,
  );
  const left = (await readdir(tmpdir())).filter((name) => !before.includes(name));
  assert.deepEqual(
    left.filter((name) => name.startsWith('evtxhunt-unpacked-')),
    [],
  );
});

test('a gzipped EVTX or JSONL cut off is read up to the cut; the cut is an error and exit 1', async (t) => {
  const dir = await scratch(t);
  const evtx = join(dir, 'cut.evtx.gz');
  const jsonl = join(dir, 'cut.jsonl.gz');
  await writeFile(evtx, gzipSync(readFileSync(ISSUE43)).subarray(0, 100_000));
  const lines = (await runEvtxhunt('dump', ISSUE43)).stdout;
  await writeFile(jsonl, gzipSync(lines).subarray(0, 60_000));

  // What zcat gives back from the same bytes: the EVTX cut there, whole JSON lines.
  const unpacked = join(dir, 'unpacked.evtx');
  await writeFile(
    unpacked,
    gunzipSync(readFileSync(evtx), { finishFlush: constants.Z_SYNC_FLUSH }),
  );
  const partialJsonl = gunzipSync(readFileSync(jsonl), { finishFlush: constants.Z_SYNC_FLUSH });
  const cutLines = (stdout: string) => stdout.split('\n').length - 1;

  const fromEvtx = await runEvtxhunt('dump', evtx);
  const fromJsonl = await runEvtxhunt('dump', jsonl);
  assert.equal(fromEvtx.status, 1);
  assert.equal(fromJsonl.status, 1);
  assert.equal(cutLines(fromEvtx.stdout), cutLines((await runEvtxhunt('dump', unpacked)).stdout));
  assert.equal(cutLines(fromJsonl.stdout), partialJsonl.toString().split('\n').length - 1);
  assert.ok(cutLines(fromEvtx.stdout) > 1000 && cutLines(fromJsonl.stdout) > 900);
  const unpackedEvtx = readFileSync(unpacked).length;
  assert.match(
    fromEvtx.stderr,
    new RegExp(
      `^${evtx}: error: compressed data at 0x${unpackedEvtx.toString(16)}: compressed data ends early or is damaged \\(gzip data cut at byte 100000 of the \\.gz\\); the ${unpackedEvtx} bytes unpacked before it were read \\(offsets are in the unpacked data\\)$`,
      'm',
    ),
  );
  assert.match(
    fromJsonl.stderr,
    new RegExp(
      `^${jsonl}: error: gzip at 0x${partialJsonl.length.toString(16)}: compressed data ends early or is damaged \\(gzip data cut at byte 60000 of the \\.gz\\)`,
      'm',
    ),
  );
});

test("a zip's EVTX member's diagnostics name the member, every one of them", async (t) => {
  const dir = await scratch(t);
  const archive = join(dir, 'case.zip');
  const bytes = new Uint8Array(readFileSync(ISSUE43));
  bytes.fill(0, 0x21000, 0x21200);
  const notes = new TextEncoder().encode('seized 2024-05-01\n');
  await writeFile(
    archive,
    zipOf([
      { name: 'sysmon.evtx', bytes, deflate: true },
      { name: 'notes.txt', bytes: notes },
    ]),
  );
  const run = await runEvtxhunt('dump', archive);
  const lines = run.stderr.split('\n').filter((line) => / (error|warning|info): /.test(line));

  assert.equal(run.status, 1);
  const heads = lines.map((line) => /^(.*?): (?:error|warning|info): ([^:]*)/.exec(line));
  assert.deepEqual(
    heads.map((head) => `${head?.[1]} | ${head?.[2]}`),
    [
      `${archive} | zip member at 0x${lines[0]?.match(/0x([0-9a-f]+)/)?.[1]}`,
      `${archive}:sysmon.evtx | chunk header at 0x21000 (chunk 2)`,
      `${archive}:sysmon.evtx | chunk at 0x21000 (chunk 2)`,
      `${archive}:sysmon.evtx | file chunks at 0x0`,
    ],
  );
});
