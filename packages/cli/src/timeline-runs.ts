/**
 * Timeline entries in time order without holding them all: entries are kept in memory up to
 * RUN_ENTRIES, then sorted and written to a temporary file as one JSON line each; sorted()
 * merges the files. Ties keep the order the entries were added (runs are sorted stably and the
 * merge takes the earlier run first), so the order is the in-memory sort's exactly.
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { compareRows, type TimelineEntry } from '@evtxhunt/hunt';

/** Entries held in memory before a run is written to disk. */
export const RUN_ENTRIES = 25_000;

/** Lines written to a run file per write. */
const LINES_PER_WRITE = 1000;

/** Entries sorted by compareRows, spilled to disk in runs; see the module comment. */
export class TimelineRuns {
  readonly #runEntries: number;
  #run: TimelineEntry[] = [];
  readonly #files: string[] = [];
  #dir: string | undefined;

  constructor(runEntries = RUN_ENTRIES) {
    this.#runEntries = runEntries;
  }

  /** Takes one entry; writes a run when RUN_ENTRIES are held. */
  async add(entry: TimelineEntry): Promise<void> {
    this.#run.push(entry);
    if (this.#run.length >= this.#runEntries) await this.#spill();
  }

  /** Every entry taken, in time order; may be read more than once. */
  async *sorted(): AsyncIterableIterator<TimelineEntry> {
    if (this.#files.length === 0) {
      yield* sortedRun(this.#run);
      return;
    }
    if (this.#run.length > 0) await this.#spill();
    yield* merged(this.#files.map((file) => readRun(file)));
  }

  /** Removes the runs written. */
  async close(): Promise<void> {
    if (this.#dir !== undefined) await rm(this.#dir, { recursive: true, force: true });
    this.#dir = undefined;
  }

  async #spill(): Promise<void> {
    this.#dir ??= await mkdtemp(join(tmpdir(), 'evtxhunt-timeline-'));
    const file = join(this.#dir, `run-${this.#files.length}.jsonl`);
    const entries = sortedRun(this.#run);
    this.#run = [];

    const handle = await open(file, 'w');
    try {
      for (let at = 0; at < entries.length; at += LINES_PER_WRITE) {
        const lines = entries.slice(at, at + LINES_PER_WRITE).map((entry) => toLine(entry));
        await handle.write(lines.join(''));
      }
    } finally {
      await handle.close();
    }
    this.#files.push(file);
  }
}

function sortedRun(run: readonly TimelineEntry[]): TimelineEntry[] {
  return [...run].sort((a, b) => compareRows(a.row, b.row));
}

/** An entry as a line of JSON: NaN, which JSON cannot hold, as null. */
function toLine(entry: TimelineEntry): string {
  const { row, ms, pid } = entry;
  return `${JSON.stringify([row, Number.isNaN(ms) ? null : ms, Number.isNaN(pid) ? null : pid])}\n`;
}

function fromJson(line: string, file: string): TimelineEntry {
  const parsed: unknown = JSON.parse(line);
  if (!Array.isArray(parsed) || parsed.length !== 3) {
    throw new Error(`Cannot read timeline run ${file}: a line is not [row, ms, pid]`);
  }
  const [row, ms, pid] = parsed as [TimelineEntry['row'], number | null, number | null];
  return { row, ms: ms ?? NaN, pid: pid ?? NaN };
}

async function* readRun(file: string): AsyncIterableIterator<TimelineEntry> {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const line of lines) yield fromJson(line, file);
}

/** The runs merged: the least head each time, the earliest run on a tie. */
async function* merged(
  runs: AsyncIterableIterator<TimelineEntry>[],
): AsyncIterableIterator<TimelineEntry> {
  const heads = await Promise.all(runs.map((run) => run.next()));
  for (;;) {
    let least = -1;
    for (const [i, head] of heads.entries()) {
      if (head.done === true) continue;
      const best = heads[least];
      if (
        best === undefined ||
        best.done === true ||
        compareRows(head.value.row, best.value.row) < 0
      ) {
        least = i;
      }
    }
    const head = heads[least];
    const run = runs[least];
    if (head === undefined || head.done === true || run === undefined) return;

    yield head.value;
    heads[least] = await run.next();
  }
}
