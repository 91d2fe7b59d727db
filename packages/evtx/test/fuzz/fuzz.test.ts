/**
 * The short fuzzing run of `npm test`: a fixed campaign over the repository's small real files,
 * and checks that the oracle does reject what it must. `npm run fuzz -- --minutes N` runs longer.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { crc32 } from '../../src/crc32.js';
import { fixturePath } from '../support/fixture.js';
import { replay, runCampaign, seedFiles, type SeedFile } from './campaign.js';
import { chunkOffsets, mutate, recordOffsets } from './mutators.js';
import { judge, parseFully } from './oracle.js';
import { PooledCheck } from './pooled.js';

const SEED = 20261204;
const MUTANTS = 300;

function repositoryFiles(): SeedFile[] {
  const dir = fixturePath('');
  return seedFiles([dir], 80 * 1024);
}

test(
  'runCampaign: 300 mutants of the fixtures pass the oracle, every 10th through a pool too',
  { timeout: 120_000 },
  async () => {
    const files = repositoryFiles();
    assert.equal(files.length, 5);

    const check = await PooledCheck.open(2);
    let result;
    try {
      result = await runCampaign({
        seed: SEED,
        files,
        mutants: MUTANTS,
        pooled: { check, every: 10 },
      });
    } finally {
      await check.close();
    }

    assert.equal(result.mutants, MUTANTS);
    assert.equal(result.pooled, MUTANTS / 10);
    assert.deepEqual(
      result.failures.map((f) => `${f.kind} #${f.index} ${f.mutant.description}: ${f.detail}`),
      [],
    );
    assert.equal(result.byMutator.size, 11, 'every mutator ran');
  },
);

test('PooledCheck: a pooled read equal to the sequential one passes; other records or summary fail', async () => {
  const [file] = repositoryFiles().filter((f) => f.name === 'Security_1_record.evtx');
  const bytes = file!.bytes;
  const outcome = await parseFully(bytes, 'mutant.evtx');
  const check = await PooledCheck.open(2);
  try {
    assert.equal(await check.compare(bytes, outcome), undefined);

    const [key] = outcome.slots.get(0)!;
    const changed = { ...outcome, slots: new Map([[0, [`${key}x`]]]) };
    const records = await check.compare(bytes, changed);
    assert.deepEqual(records, {
      kind: 'pool-differs',
      detail: 'slot 0: 1 records read sequentially, 1 through the pool, not the same',
    });

    const summary = { ...outcome.summary, records: { ...outcome.summary.records, failed: 1 } };
    const counted = await check.compare(bytes, { ...outcome, summary });
    assert.equal(counted?.kind, 'pool-differs');
    assert.match(
      counted.detail,
      /^summaries differ: sequential .*"failed":1.*, through the pool .*"failed":0/,
    );
  } finally {
    await check.close();
  }
});

test('mutate: the same seed and index make the same mutant', () => {
  const files = repositoryFiles();
  const a = replay(files, SEED, 17);
  const b = replay(files, SEED, 17);
  assert.equal(a.description, b.description);
  assert.deepEqual(a.bytes, b.bytes);
  assert.notEqual(replay(files, SEED + 1, 17).description, a.description);
});

test('judge: a changed value with valid CRCs, not marked crafted, is unreported damage', async () => {
  const [file] = repositoryFiles().filter((f) => f.name === 'Security_1_record.evtx');
  const clean = file!.bytes;
  const bytes = clean.slice();
  const [chunk] = chunkOffsets(bytes);
  const [record] = recordOffsets(bytes, chunk!);
  // The first letter of the computer name in the record's values, as UTF-16LE.
  const at = indexOf(bytes, utf16('COMPUTER'), record!);
  assert.ok(at > record!);
  bytes[at] = 'B'.charCodeAt(0);
  rewriteCrcs(bytes, chunk!);

  const failure = await judge(clean, await parseFully(clean, 'mutant.evtx'), {
    bytes,
    description: 'hand-made',
    crafted: false,
  });

  assert.equal(failure?.kind, 'damage-not-reported');
  assert.match(failure.detail, /^slot 0: 1 records before, 1 after \(1 gone, 1 new or changed\)$/);
});

test('judge: records of an untouched slot that differ from the clean parse fail', async () => {
  const [file] = repositoryFiles().filter((f) => f.name === 'Security_1_record.evtx');
  const clean = file!.bytes;
  const outcome = await parseFully(clean, 'mutant.evtx');
  const [key] = outcome.slots.get(0)!;
  outcome.slots.set(0, [`${key}x`]);

  const failure = await judge(clean, outcome, {
    bytes: clean,
    description: 'none',
    crafted: false,
  });

  assert.equal(failure?.kind, 'undamaged-chunk-changed');
});

test('mutate: a truncation is described with its offset and shortens the file', () => {
  const files = repositoryFiles();
  for (let index = 0; index < 400; index++) {
    const mutant = mutate(files[index % files.length]!.bytes, SEED, index);
    if (!mutant.description.startsWith('truncate: cut at 0x')) continue;
    const at = Number(mutant.description.slice('truncate: cut at '.length));
    assert.equal(mutant.bytes.length, at);
    return;
  }
  assert.fail('no truncation among 400 mutants');
});

function utf16(text: string): number[] {
  return [...text].flatMap((c) => [c.charCodeAt(0), 0]);
}

function indexOf(bytes: Uint8Array, pattern: number[], from: number): number {
  for (let i = from; i + pattern.length <= bytes.length; i++) {
    if (pattern.every((byte, j) => bytes[i + j] === byte)) return i;
  }
  return -1;
}

function rewriteCrcs(bytes: Uint8Array, chunk: number): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const free = view.getUint32(chunk + 48, true);
  view.setUint32(chunk + 52, crc32(bytes, chunk + 512, chunk + free), true);
  view.setUint32(
    chunk + 124,
    crc32(bytes, chunk + 128, chunk + 512, crc32(bytes, chunk, chunk + 120)),
    true,
  );
}
