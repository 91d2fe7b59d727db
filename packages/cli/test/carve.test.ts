/**
 * `evtxhunt carve` on a small image made here: fixture chunks at odd offsets among seeded
 * random bytes, a loose record that carries its template, and the end of the image inside a
 * chunk.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { accountRows, REPO, runEvtxhunt, withoutAccount } from './run-cli.js';

const FIXTURES = `${REPO}packages/evtx/test/fixtures`;

function noise(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

/** Chunk slot `index` of a fixture, and the first record of Security_1_record.evtx. */
async function pieces(): Promise<{ chunks: Uint8Array[]; record: Uint8Array }> {
  const sysmon = await readFile(`${FIXTURES}/sysmon.evtx`);
  const security = await readFile(`${FIXTURES}/Security_1_record.evtx`);
  const chunk = (i: number) => sysmon.subarray(4096 + i * 65536, 4096 + (i + 1) * 65536);
  const size = security.readUInt32LE(4096 + 512 + 4);
  return {
    chunks: [chunk(0), chunk(1), chunk(2)],
    record: security.subarray(4096 + 512, 4096 + 512 + size),
  };
}

/** The image, and the offsets of the three chunks and the record in it. */
async function image(dir: string): Promise<{ path: string; offsets: number[] }> {
  const { chunks, record } = await pieces();
  const parts = [noise(999, 1), chunks[0]!, noise(5, 2), record, noise(301, 3), chunks[1]!];
  parts.push(noise(77, 4), chunks[2]!.subarray(0, 40000));
  const offsets: number[] = [];
  let at = 0;
  for (const part of parts) {
    offsets.push(at);
    at += part.length;
  }
  const path = join(dir, 'disk.img');
  await writeFile(path, Buffer.concat(parts));
  return { path, offsets: [offsets[1]!, offsets[3]!, offsets[5]!, offsets[7]!] };
}

async function tempDir(t: { after(fn: () => Promise<void>): void }): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'evtxhunt-carve-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

test('carve: chunks and the loose record found at their offsets, one Sysmon log rebuilt', async (t) => {
  const dir = await tempDir(t);
  const { path, offsets } = await image(dir);
  const [c0, record, c1, c2] = offsets;
  const out = join(dir, 'out');
  const run = await runEvtxhunt('carve', path, '--out', out);
  const log = '1-Microsoft-Windows-Sysmon_Operational-DESKTOP-2KGM189.evtx';

  assert.equal(run.status, 1, 'the chunk cut off by the image end lost records');
  assert.deepEqual((await readdir(out)).sort(), [log, 'loose-records.jsonl', 'manifest.json']);
  const lines = withoutAccount(run.stderr).split('\n');
  assert.ok(
    lines.includes(
      `loose record at 0x${record!.toString(16)} (${record}): record 33072, written 2019-02-09T17:05:24.6727578Z, 2088 bytes: read -> loose-records.jsonl`,
    ),
    run.stderr,
  );
  assert.match(
    run.stderr,
    new RegExp(
      `^chunk at 0x${c1!.toString(16)} \\(${c1}\\): 40 records \\(ids 1783-1822\\), header CRC valid, data CRC valid, .* -> ${log} slot 1$`,
      'm',
    ),
  );

  const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'));
  const chunks = manifest.chunks.map((c: Record<string, unknown>) => [
    c['offset'],
    c['records'],
    c['slot'],
    c['dataCrcValid'],
  ]);
  assert.deepEqual(chunks, [
    [c0, 41, 0, true],
    [c1, 40, 1, true],
    [c2, 22, 2, false],
  ]);
  assert.deepEqual(
    manifest.looseRecords.map((r: Record<string, unknown>) => [
      r['offset'],
      r['recordId'],
      r['read'],
    ]),
    [[record, '33072', true]],
  );

  const dump = await runEvtxhunt('dump', join(out, log));
  const ids = dump.stdout
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line).recordId);
  assert.equal(ids.length, 41 + 40 + 22);
  assert.deepEqual([ids[0], ids.at(-1)], ['1742', '1844']);
  const rows = accountRows(run.stderr);
  assert.deepEqual(
    rows.map((row) => [row.state, row.read, row.recovered, row.failed, row.missing]),
    [
      ['lost', 103, 0, 1, 16],
      ['complete', 0, 1, 0, 0],
      ['1 of 2 not complete', 103, 1, 1, 16],
    ],
  );
  // The manifest's missing is the account's: none between the chunks, 16 that the cut chunk's
  // header names (ids 1823-1861, 22 read and 1 failed).
  assert.deepEqual(
    manifest.outputs.map((o: Record<string, unknown>) => [
      o['file'],
      o['missing'],
      o['missingBetweenChunks'],
      o['missingWithinChunks'],
      o['missingNote'],
    ]),
    [[log, 16, 0, 16, undefined]],
  );
});

test('carve --format jsonl writes the records dump writes from the rebuilt log', async (t) => {
  const dir = await tempDir(t);
  const { path } = await image(dir);
  await runEvtxhunt('carve', path, '--out', join(dir, 'evtx'));
  const run = await runEvtxhunt('carve', path, '--out', join(dir, 'jsonl'), '--format', 'jsonl');
  const name = '1-Microsoft-Windows-Sysmon_Operational-DESKTOP-2KGM189';

  const dump = await runEvtxhunt('dump', join(dir, 'evtx', `${name}.evtx`));
  const withoutFile = (text: string) =>
    text
      .trimEnd()
      .split('\n')
      .map((line) => ({ ...JSON.parse(line), file: undefined }));
  const jsonl = await readFile(join(dir, 'jsonl', `${name}.jsonl`), 'utf8');
  assert.equal(run.status, 1);
  assert.deepEqual(withoutFile(jsonl), withoutFile(dump.stdout));
  assert.equal(JSON.parse(jsonl.split('\n')[0]!).file, path);
});

test('carve refuses a folder that is not empty, and an image that cannot be opened', async (t) => {
  const dir = await tempDir(t);
  const { path } = await image(dir);

  const busy = await runEvtxhunt('carve', path, '--out', dir);
  const missing = await runEvtxhunt('carve', join(dir, 'none.img'), '--out', join(dir, 'o'));
  const noOut = await runEvtxhunt('carve', path);

  assert.equal(busy.status, 2);
  assert.match(busy.stderr, /refusing --out .*: it is not empty/);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /none\.img: error: cannot open: ENOENT/);
  assert.equal(accountRows(missing.stderr)[0]?.state, 'unreadable');
  assert.equal(noOut.status, 2);
  assert.match(noOut.stderr, /carve needs '--out DIR'/);
});

test('carve refuses a folder as its image before making --out', async (t) => {
  const dir = await tempDir(t);
  const out = join(dir, 'out');

  const run = await runEvtxhunt('carve', dir, '--out', out);

  assert.equal(run.status, 2);
  assert.equal(
    withoutAccount(run.stderr),
    `${dir}: error: cannot open: it is a folder; carve reads one file or disk\n`,
  );
  assert.equal(accountRows(run.stderr)[0]?.state, 'unreadable');
  assert.deepEqual(await readdir(dir), [], '--out was not made');
});

test('carve finds nothing in random bytes: exit 1, an empty manifest, no log', async (t) => {
  const dir = await tempDir(t);
  const path = join(dir, 'noise.img');
  await writeFile(path, noise(300_000, 7));

  const run = await runEvtxhunt('carve', path, '--out', join(dir, 'out'));
  const manifest = JSON.parse(await readFile(join(dir, 'out', 'manifest.json'), 'utf8'));

  assert.equal(run.status, 1);
  assert.deepEqual([manifest.chunks, manifest.looseRecords, manifest.outputs], [[], [], []]);
  assert.match(run.stderr, /carved 0 chunks .* into 0 logs/);
});
