/**
 * Replays every regression fixture `npm run fuzz` saved in test/fixtures/fuzz/: each input
 * must pass the oracle against its seed file: no exception, within the time and memory budgets,
 * undamaged chunks unchanged and damage reported; one saved as `pool-differs` must also read
 * the same through a ChunkPool of two threads. The .json side file names the seed file and says
 * how the mutant was made.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fixturePath } from '../support/fixture.js';
import { judge, parseFully, type ParseOutcome } from './oracle.js';
import { PooledCheck } from './pooled.js';

interface SideFile {
  seedFile: string;
  campaignSeed: number;
  mutantIndex: number;
  mutation: string;
  crafted: boolean;
  failure: string;
}

const DIR = fixturePath('fuzz/');
const SEEDS = [fixturePath(''), new URL('../../../../../samples/', import.meta.url).pathname];
const fixtures = existsSync(DIR) ? readdirSync(DIR).filter((n) => n.endsWith('.evtx')) : [];

for (const name of fixtures) {
  test(`fuzz fixture ${name} passes the oracle`, { timeout: 30_000 }, async () => {
    const bytes = new Uint8Array(readFileSync(DIR + name));
    const side = JSON.parse(readFileSync(DIR + name.replace(/\.evtx$/, '.json'), 'utf8'));
    const { seedFile, mutation, crafted, failure: savedAs } = side as SideFile;

    // A seed from outside the repository is saved beside the fixture as `<name>.seed`.
    const candidates = [DIR + name.replace(/\.evtx$/, '.seed'), ...SEEDS.map((d) => d + seedFile)];
    const seedPath = candidates.find((path) => existsSync(path));
    assert.ok(seedPath, `seed file ${seedFile} of ${name} not found`);
    const clean = new Uint8Array(readFileSync(seedPath));
    const cleanOutcome = await parseFully(clean, 'mutant.evtx');
    let parsed: ParseOutcome | undefined;
    const mutant = { bytes, description: mutation, crafted };
    const failure = await judge(clean, cleanOutcome, mutant, (outcome) => (parsed = outcome));
    assert.equal(failure, undefined, failure && `${failure.kind}: ${failure.detail}`);
    if (savedAs === 'pool-differs' && parsed !== undefined) await comparePooled(bytes, parsed);
  });
}

async function comparePooled(bytes: Uint8Array, parsed: ParseOutcome): Promise<void> {
  const check = await PooledCheck.open(2);
  try {
    const failure = await check.compare(bytes, parsed);
    assert.equal(failure, undefined, failure && `${failure.kind}: ${failure.detail}`);
  } finally {
    await check.close();
  }
}
