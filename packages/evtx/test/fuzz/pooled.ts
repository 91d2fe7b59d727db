/**
 * The fuzzer's pooled check: a mutant read through a ChunkPool of worker threads must give the
 * records and the summary a sequential EvtxFile parse gives, within the same CPU time budget.
 * Workers open the file by path, so the mutant is written to a scratch folder first, under a
 * new name each time: a worker keeps the last file it read open, with the templates compiled
 * from it, for as long as the next read names the same path (parallel/task-runner.ts), so a
 * file rewritten in place between two reads would be read with the first one's templates.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { FileSummary } from '../../src/index.js';
import { ChunkPool, EvtxFile, openFileSource } from '../../src/node.js';
import { timeBudget, type Failure, type ParseOutcome } from './oracle.js';
import { POOL_JOB } from './pool-job.js';

/** The name both parses give the mutant's records. */
const NAME = 'mutant.evtx';

/** A pool of `threads` workers and a scratch folder; `close()` ends both. */
export class PooledCheck {
  /** Mutants compared so far, which names the next one's file. */
  private compared = 0;

  private constructor(
    private readonly pool: ChunkPool<string>,
    private readonly dir: string,
  ) {}

  static async open(threads = 2): Promise<PooledCheck> {
    const dir = await mkdtemp(join(tmpdir(), 'evtxhunt-fuzz-pool-'));
    const job = { module: POOL_JOB, options: { name: NAME } };
    return new PooledCheck(new ChunkPool<string>({ threads, job, slotsPerTask: 1 }), dir);
  }

  /** Reads `bytes` through the pool; a failure when it differs from `sequential`. */
  async compare(bytes: Uint8Array, sequential: ParseOutcome): Promise<Failure | undefined> {
    const path = join(this.dir, `mutant-${this.compared++}.evtx`);
    await writeFile(path, bytes);
    const started = process.cpuUsage();
    let pooled: { slots: Map<number, string[]>; summary: FileSummary };
    try {
      pooled = await this.read(path);
    } catch (error) {
      const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
      return { kind: 'exception', detail: `through the pool: ${text}` };
    } finally {
      await rm(path, { force: true });
    }
    // Process CPU time, the workers' threads included.
    const used = process.cpuUsage(started);
    const cpuMs = (used.user + used.system) / 1000;
    const budget = timeBudget(bytes.length);
    if (cpuMs > budget) {
      const detail = `${cpuMs.toFixed(0)} ms of CPU through the pool for ${bytes.length} bytes, budget ${budget} ms`;
      return { kind: 'time', detail };
    }
    return difference(sequential, pooled);
  }

  async close(): Promise<void> {
    await this.pool.close();
    await rm(this.dir, { recursive: true, force: true });
  }

  private async read(
    path: string,
  ): Promise<{ slots: Map<number, string[]>; summary: FileSummary }> {
    const source = await openFileSource(path);
    try {
      const evtx = await EvtxFile.open(source);
      const slots = new Map<number, string[]>();
      for await (const { info, output } of this.pool.read(evtx, path)) {
        // A slot's recovered records come in a second output at the end of the pass: they
        // follow its live records, as the sequential parse gives them.
        const keys = output === undefined ? [] : (JSON.parse(output) as string[]);
        if (keys.length > 0) slots.set(info.index, [...(slots.get(info.index) ?? []), ...keys]);
      }
      return { slots, summary: evtx.summary };
    } finally {
      await source.close();
    }
  }
}

/** What differs between the sequential and the pooled read, as a failure; undefined if nothing. */
function difference(
  sequential: ParseOutcome,
  pooled: { slots: Map<number, string[]>; summary: FileSummary },
): Failure | undefined {
  const indexes = new Set([...sequential.slots.keys(), ...pooled.slots.keys()]);
  for (const index of [...indexes].sort((a, b) => a - b)) {
    const before = sequential.slots.get(index) ?? [];
    const after = pooled.slots.get(index) ?? [];
    if (isDeepStrictEqual(before, after)) continue;
    const detail = `slot ${index}: ${before.length} records read sequentially, ${after.length} through the pool, not the same`;
    return { kind: 'pool-differs', detail };
  }
  const named = (summary: FileSummary) => ({ ...summary, file: NAME });
  if (isDeepStrictEqual(named(sequential.summary), named(pooled.summary))) return undefined;
  const detail = `summaries differ: sequential ${JSON.stringify(named(sequential.summary))}, through the pool ${JSON.stringify(named(pooled.summary))}`;
  return { kind: 'pool-differs', detail };
}
