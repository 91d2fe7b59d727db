/**
 * The record ids of one log and the time of each, kept as runs of consecutive ids: a log's ids
 * count up one by one, so a run is its first id, its first owner and one Float64Array of times
 * (8 bytes a record), and once another owner gives an id in it, one Uint16Array of owners (2
 * more; a Uint32Array once an owner passes 65,535), rather than one map entry per record, up to
 * RUN_SLOTS ids a run. Small gaps are kept inside a run as empty slots.
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
  /** The owner of every id in the run while `owners` is undefined. */
  readonly owner: number;
  /** Each slot's owner, once an id of another owner joined the run. */
  owners: Owners | undefined;
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
      if (!Number.isNaN(seen)) return ownerAt(run, slot) === owner ? seen : CLAIMED;
      run.times[slot] = timeMs;
      setOwner(run, slot, owner);
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
    const run: IdRun = { first: id, length: 1, times, owner, owners: undefined };
    run.times[0] = timeMs;
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
    run.times = times;
    if (run.owners !== undefined) run.owners = copied(run.owners, capacity);
  }
  run.times[id - run.first] = timeMs;
  setOwner(run, id - run.first, owner);
  run.length = length;
}

/** The owner of the id at `slot`. */
function ownerAt(run: IdRun, slot: number): number | undefined {
  return run.owners === undefined ? run.owner : run.owners[slot];
}

/** Files `owner` at `slot`, making or widening the run's owner storage when needed. */
function setOwner(run: IdRun, slot: number, owner: number): void {
  if (run.owners === undefined) {
    if (owner === run.owner) return;
    const wide = owner > 0xffff || run.owner > 0xffff;
    run.owners = wide ? new Uint32Array(run.times.length) : new Uint16Array(run.times.length);
    run.owners.fill(run.owner);
  } else if (owner > 0xffff && run.owners instanceof Uint16Array) {
    const wide = new Uint32Array(run.owners.length);
    wide.set(run.owners);
    run.owners = wide;
  }
  run.owners[slot] = owner;
}

/** A copy of `owners` with room for `capacity`, as wide. */
function copied(owners: Owners, capacity: number): Owners {
  const into =
    owners instanceof Uint32Array ? new Uint32Array(capacity) : new Uint16Array(capacity);
  into.set(owners);
  return into;
}
