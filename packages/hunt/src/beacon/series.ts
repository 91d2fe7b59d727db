/**
 * Connection times grouped by series key, kept compact: one growable Float64Array per key rather
 * than one object per connection, so millions of connections cost about 8-16 bytes each.
 */
import { scoreBeaconSeries, type BeaconOptions, type BeaconScore } from './score.js';

/** One series: its key and its connection times (epoch ms, in the order they were added). */
export interface BeaconSeries {
  readonly key: string;
  /** A view of the accumulator's storage: read it, copy it to keep it, do not write to it. */
  readonly timesMs: Float64Array;
}

/** A scored series. */
export interface BeaconFinding extends BeaconScore {
  readonly key: string;
}

interface Column {
  times: Float64Array;
  length: number;
}

const FIRST_CAPACITY = 8;

/** Times in a series past which its storage grows by a quarter instead of doubling. */
const LARGE_SERIES = 4096;

/**
 * Incremental grouping of connection times: call add() for every connection, then series().
 * Each series keeps its times in one Float64Array, 8 bytes a time, with spare room of at most as
 * much again while under LARGE_SERIES times and at most a quarter more after; plus, per series,
 * one small object, a Map entry and the key string.
 */
export class BeaconSeriesAccumulator {
  readonly #columns = new Map<string, Column>();
  #connections = 0;

  /** Number of connections added so far. */
  get connections(): number {
    return this.#connections;
  }

  /** Number of distinct keys so far. */
  get size(): number {
    return this.#columns.size;
  }

  /** Appends one connection time (epoch ms) to the key's series. */
  add(key: string, timeMs: number): void {
    if (!Number.isFinite(timeMs)) {
      throw new RangeError(`Beacon series ${JSON.stringify(key)}: time is not finite: ${timeMs}`);
    }
    const column = this.#columnFor(key);
    if (column.length === column.times.length) column.times = grown(column.times);

    column.times[column.length++] = timeMs;
    this.#connections++;
  }

  /** Every series so far, in the order their keys were first added. */
  *series(): IterableIterator<BeaconSeries> {
    for (const [key, column] of this.#columns) {
      yield { key, timesMs: column.times.subarray(0, column.length) };
    }
  }

  #columnFor(key: string): Column {
    let column = this.#columns.get(key);
    if (column === undefined) {
      column = { times: new Float64Array(FIRST_CAPACITY), length: 0 };
      this.#columns.set(key, column);
    }
    return column;
  }
}

/**
 * Scores every series and returns the beacons among them, highest score first (then by key).
 */
export function findBeacons(
  series: Iterable<BeaconSeries>,
  options: BeaconOptions = {},
): BeaconFinding[] {
  const findings: BeaconFinding[] = [];
  for (const { key, timesMs } of series) {
    const score = scoreBeaconSeries(timesMs, options);
    if (score.isBeacon) findings.push({ key, ...score });
  }
  return findings.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function grown(times: Float64Array): Float64Array {
  const extra = times.length < LARGE_SERIES ? times.length : Math.ceil(times.length / 4);
  const larger = new Float64Array(times.length + extra);
  larger.set(times);
  return larger;
}
