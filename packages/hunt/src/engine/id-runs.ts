/**
 * The record ids of one log and the time of each, kept as runs of consecutive ids: a log's ids
 * count up one by one, so a run is its first id and one Float64Array of times (8 bytes a record)
 * rather than one map entry per record. Small gaps are kept inside a run as empty slots.
 */

/** Ids missing between two records still kept in one run (their slots stay empty). */
export const ID_GAP_LIMIT = 64;

/** Slots in a run past which its storage grows by a quarter instead of doubling. */
const LARGE_RUN = 65_536;

/** An empty slot: NaN never equals a time, and no parsed time is NaN. */
const EMPTY = Number.NaN;

interface IdRun {
  readonly first: number;
  length: number;
  times: Float64Array;
}

/** Ids and their times, in runs sorted by first id that never overlap. */
export class IdRuns {
  readonly #runs: IdRun[] = [];
  /** The run last touched: the next id usually lands in it or just past its end. */
  #cursor = 0;

  /** Runs kept (for tests and figures). */
  get runCount(): number {
    return this.#runs.length;
  }

  /**
   * The time remembered for `id`, or undefined when the id is new; a new id is remembered with
   * `timeMs`. `id` must be a non-negative safe integer.
   */
  recall(id: number, timeMs: number): number | undefined {
    const at = this.#locate(id);
    const run = this.#runs[at];
    if (run !== undefined && id < run.first + run.length) {
      const seen = run.times[id - run.first] ?? EMPTY;
      if (!Number.isNaN(seen)) return seen;
      run.times[id - run.first] = timeMs;
      return undefined;
    }

    if (run !== undefined && this.#canExtend(at, id)) extend(run, id, timeMs);
    else this.#insert(at + 1, id, timeMs);
    return undefined;
  }

  /** The index of the last run whose first id is at most `id`, or -1. */
  #locate(id: number): number {
    const runs = this.#runs;
    const cursor = runs[this.#cursor];
    const next = runs[this.#cursor + 1];
    if (cursor !== undefined && cursor.first <= id && (next === undefined || next.first > id)) {
      return this.#cursor;
    }

    let low = 0;
    let high = runs.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      if ((runs[middle]?.first ?? 0) <= id) low = middle + 1;
      else high = middle - 1;
    }
    this.#cursor = Math.max(0, high);
    return high;
  }

  /** True when `id` is close enough past run `at`'s end and short of the next run. */
  #canExtend(at: number, id: number): boolean {
    const run = this.#runs[at];
    const next = this.#runs[at + 1];
    if (run === undefined || id - (run.first + run.length) >= ID_GAP_LIMIT) return false;
    return next === undefined || id < next.first;
  }

  #insert(at: number, id: number, timeMs: number): void {
    const run: IdRun = { first: id, length: 1, times: new Float64Array(8).fill(EMPTY) };
    run.times[0] = timeMs;
    this.#runs.splice(at, 0, run);
    this.#cursor = at;
  }
}

function extend(run: IdRun, id: number, timeMs: number): void {
  const length = id - run.first + 1;
  if (length > run.times.length) run.times = grown(run.times, length);
  run.times[id - run.first] = timeMs;
  run.length = length;
}

/** A larger copy with room for at least `needed` slots; new slots are empty. */
function grown(times: Float64Array, needed: number): Float64Array {
  const step = times.length < LARGE_RUN ? times.length : Math.ceil(times.length / 4);
  const copy = new Float64Array(Math.max(needed, times.length + step)).fill(EMPTY);
  copy.set(times);
  return copy;
}
