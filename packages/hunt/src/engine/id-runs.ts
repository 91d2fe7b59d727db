/**
 * The record ids of one log and the time of each, kept as runs of consecutive ids: a log's ids
 * count up one by one, so a run is its first id, one Float64Array of times and one Uint16Array
 * of owners (10 bytes a record; a Uint32Array once an owner passes 65,535) rather than one map
 * entry per record, up to RUN_SLOTS ids a run. Small gaps are kept inside a run as empty slots.
 * An owner is a small number the caller gives (DuplicateRecords numbers the computers of one
 * channel), so the ids of several computers interleaved in one log share runs.
 */

/** Ids missing between two records still kept in one run (their slots stay empty). */
export const ID_GAP_LIMIT = 64;

/**
 * Slots one run holds at most; the next id starts a run of its own. Storage doubles up to it,
 * so a long log's ids are runs of this size, each allocated in a few steps: one run growing a
 * quarter at a time left the copy it outgrew (up to 10 MB at a million records) dead until the
 * next full collection, and a fifth of its storage unused.
 */
export const RUN_SLOTS = 65_536;

/** An empty slot: NaN never equals a time, and no parsed time is NaN. */
const EMPTY = Number.NaN;

/** What recall() returns for an id already remembered for another owner. */
export const CLAIMED: unique symbol = Symbol('claimed by another owner');

type Owners = Uint16Array | Uint32Array;

interface IdRun {
  readonly first: number;
  length: number;
  times: Float64Array;
  owners: Owners;
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
   * `timeMs` for `owner`. CLAIMED when the id is remembered for another owner (nothing changes).
   * `id` must be a non-negative safe integer, `owner` an unsigned 32-bit integer.
   */
  recall(id: number, timeMs: number, owner = 0): number | undefined | typeof CLAIMED {
    const at = this.#locate(id);
    const run = this.#runs[at];
    if (run !== undefined && id < run.first + run.length) {
      const slot = id - run.first;
      const seen = run.times[slot] ?? EMPTY;
      if (!Number.isNaN(seen)) return run.owners[slot] === owner ? seen : CLAIMED;
      run.times[slot] = timeMs;
      ownersFor(run, owner)[slot] = owner;
      return undefined;
    }

    if (run !== undefined && this.#canExtend(at, id)) extend(run, id, timeMs, owner);
    else this.#insert(at + 1, id, timeMs, owner);
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

  /**
   * True when `id` is close enough past run `at`'s end, short of the next run, and within
   * RUN_SLOTS of the run's first id.
   */
  #canExtend(at: number, id: number): boolean {
    const run = this.#runs[at];
    const next = this.#runs[at + 1];
    if (run === undefined || id - (run.first + run.length) >= ID_GAP_LIMIT) return false;
    if (id - run.first >= RUN_SLOTS) return false;
    return next === undefined || id < next.first;
  }

  #insert(at: number, id: number, timeMs: number, owner: number): void {
    const times = new Float64Array(8).fill(EMPTY);
    const run: IdRun = { first: id, length: 1, times, owners: ownersOf(owner, 8) };
    run.times[0] = timeMs;
    run.owners[0] = owner;
    this.#runs.splice(at, 0, run);
    this.#cursor = at;
  }
}

function extend(run: IdRun, id: number, timeMs: number, owner: number): void {
  const length = id - run.first + 1;
  if (length > run.times.length) {
    const size = run.times.length;
    const capacity = Math.min(RUN_SLOTS, Math.max(length, size * 2));
    const times = new Float64Array(capacity).fill(EMPTY);
    times.set(run.times);
    const owners = ownersOf(owner, capacity, run.owners);
    owners.set(run.owners);
    run.times = times;
    run.owners = owners;
  }
  run.times[id - run.first] = timeMs;
  ownersFor(run, owner)[id - run.first] = owner;
  run.length = length;
}

/** New owner storage of `capacity` wide enough for `owner` and for what `now` holds. */
function ownersOf(owner: number, capacity: number, now?: Owners): Owners {
  const wide = owner > 0xffff || now instanceof Uint32Array;
  return wide ? new Uint32Array(capacity) : new Uint16Array(capacity);
}

/** The run's owner storage, widened first when `owner` does not fit it. */
function ownersFor(run: IdRun, owner: number): Owners {
  if (owner > 0xffff && run.owners instanceof Uint16Array) {
    const wide = new Uint32Array(run.owners.length);
    wide.set(run.owners);
    run.owners = wide;
  }
  return run.owners;
}
