/**
 * A fuzzing campaign: mutants of seed files made in turn and judged by the oracle, until a
 * count or a deadline. Mutant `i` of seed file `i mod files` comes from (campaign seed, i)
 * alone, so `replay` makes any one again.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { mutate, type Mutant } from './mutators.js';
import type { PooledCheck } from './pooled.js';
import {
  heapBound,
  judge,
  parseFully,
  timeBudget,
  type Failure,
  type ParseOutcome,
} from './oracle.js';

/** A real EVTX file mutants are made from. */
export interface SeedFile {
  name: string;
  /** Where it was read from; empty for bytes made in memory. */
  path: string;
  bytes: Uint8Array;
}

export interface CampaignOptions {
  seed: number;
  files: readonly SeedFile[];
  /** The first mutant's index; default 0. */
  first?: number;
  /** Stop after this many mutants... */
  mutants?: number;
  /** ...or at this `Date.now()`, whichever comes first. */
  deadline?: number;
  /** Called before each mutant is judged, so a watchdog can tell which one hung. */
  onStart?: (index: number) => void;
  /** Called for each failing mutant, e.g. to save it. */
  onFailure?: (found: FoundFailure) => void;
  /**
   * Also read every `every`-th mutant (by index) that passed the oracle through a ChunkPool,
   * which must give the same records and summary.
   */
  pooled?: { check: PooledCheck; every: number };
}

/** A failing mutant with all that is needed to make it again. */
export interface FoundFailure extends Failure {
  seed: number;
  index: number;
  file: string;
  mutant: Mutant;
}

export interface CampaignResult {
  mutants: number;
  failures: FoundFailure[];
  /** Mutants per mutator name. */
  byMutator: Map<string, number>;
  /** Mutants also read through the pool. */
  pooled: number;
  /** The largest share of its time budget and of its heap bound a parsed mutant used. */
  worst: { time: number; heap: number };
}

/** Runs a campaign; the clean parse of every seed file is made once. */
export async function runCampaign(options: CampaignOptions): Promise<CampaignResult> {
  const { seed, files } = options;
  const cleans = new Map<number, ParseOutcome>();
  const worst = { time: 0, heap: 0 };
  const result: CampaignResult = {
    mutants: 0,
    failures: [],
    byMutator: new Map(),
    pooled: 0,
    worst,
  };
  const first = options.first ?? 0;
  const end = first + (options.mutants ?? Infinity);

  for (let index = first; index < end; index++) {
    if (options.deadline !== undefined && Date.now() >= options.deadline) break;
    const file = files[index % files.length]!;
    const clean = cleans.get(index % files.length) ?? (await parseFully(file.bytes, 'mutant.evtx'));
    cleans.set(index % files.length, clean);

    const mutant = mutate(file.bytes, seed, index);
    const name = mutant.description.slice(0, mutant.description.indexOf(':'));
    result.byMutator.set(name, (result.byMutator.get(name) ?? 0) + 1);
    result.mutants++;

    options.onStart?.(index);
    let parsed: ParseOutcome | undefined;
    const judged = await judge(file.bytes, clean, mutant, (outcome) => {
      const size = mutant.bytes.length;
      worst.time = Math.max(worst.time, outcome.cpuMs / timeBudget(size));
      worst.heap = Math.max(worst.heap, outcome.heapGrowth / heapBound(size));
      parsed = outcome;
    });
    const failure = judged ?? (await poolFailure(options, index, mutant, parsed, result));
    if (failure === undefined) continue;
    const found = { ...failure, seed, index, file: file.name, mutant };
    result.failures.push(found);
    options.onFailure?.(found);
  }
  return result;
}

/** The pooled check of mutant `index` when it is one of those sampled; undefined if it passes. */
async function poolFailure(
  options: CampaignOptions,
  index: number,
  mutant: Mutant,
  parsed: ParseOutcome | undefined,
  result: CampaignResult,
): Promise<Failure | undefined> {
  const pooled = options.pooled;
  if (pooled === undefined || parsed === undefined || index % pooled.every !== 0) return undefined;
  result.pooled++;
  return pooled.check.compare(mutant.bytes, parsed);
}

/** Makes mutant `index` of campaign `seed` again, from the same seed files in the same order. */
export function replay(files: readonly SeedFile[], seed: number, index: number): Mutant {
  return mutate(files[index % files.length]!.bytes, seed, index);
}

/**
 * Seed files: every `.evtx` in `dirs` (searched recursively) of at most `maxBytes`, sorted by
 * path so a campaign seed means the same mutants on every machine with the same files. Folders
 * that do not exist are skipped (the caller says so), and so are the fuzzer's own fixtures.
 */
export function seedFiles(dirs: readonly string[], maxBytes: number): SeedFile[] {
  const paths = dirs.flatMap((dir) => evtxPaths(dir)).sort();
  return paths
    .filter((path) => statSync(path).size <= maxBytes && statSync(path).size > 4096)
    .map((path) => ({ name: basename(path), path, bytes: new Uint8Array(readFileSync(path)) }));
}

function evtxPaths(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true })
      .map(String)
      .filter((name) => name.toLowerCase().endsWith('.evtx') && !name.startsWith('fuzz/'))
      .map((name) => join(dir, name));
  } catch {
    return [];
  }
}
