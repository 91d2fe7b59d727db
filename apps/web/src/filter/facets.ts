/**
 * Facet counts: how many of the rows a filter keeps have each value of a column. Rows are
 * counted by value code (interned values), so counting reads one number per row and no text;
 * text is looked up only for the few values shown.
 */
import type { ValueCodes } from '../store/event-store.js';
import { NO_VALUE } from '../store/value-pool.js';

/** One value of a facet and how many kept rows have it. */
export interface FacetValue {
  readonly text: string;
  readonly count: number;
}

/** A facet as shown: its most frequent values, most first. */
export interface FacetSummary {
  readonly key: string;
  readonly label: string;
  readonly values: readonly FacetValue[];
  /** Distinct values among the kept rows (more than `values` may list). */
  readonly distinct: number;
  /** Kept rows that have a value here. */
  readonly rows: number;
}

const FIRST_CAPACITY = 64;

/** Counts of one column's value codes. */
export class FacetCounter {
  #counts = new Uint32Array(FIRST_CAPACITY);
  #rows = 0;

  constructor(
    readonly key: string,
    private readonly codes: ValueCodes,
  ) {}

  /** Counts row `row`'s value. */
  add(row: number): void {
    const code = this.codes.code(row);
    if (code === NO_VALUE) return;
    if (code >= this.#counts.length) this.grow(code);
    this.#counts[code] = (this.#counts[code] ?? 0) + 1;
    this.#rows++;
  }

  /** The `limit` most frequent values, most first; equal counts in order of first appearance. */
  summary(label: string, limit: number): FacetSummary {
    const { codes, distinct } = topCodes(this.#counts, limit);
    const values = codes.map((code) => ({
      text: this.codes.text(code) ?? '',
      count: this.#counts[code] ?? 0,
    }));
    return { key: this.key, label, values, distinct, rows: this.#rows };
  }

  private grow(code: number): void {
    const next = new Uint32Array(Math.max(code + 1, this.#counts.length * 2));
    next.set(this.#counts);
    this.#counts = next;
  }
}

/**
 * The codes with the highest counts, at most `limit`, and how many codes have a count. Keeps a
 * short list sorted by count and inserts only what beats its last entry, so a column with a
 * million distinct values costs one pass and a few insertions.
 */
export function topCodes(
  counts: Uint32Array,
  limit: number,
): { codes: readonly number[]; distinct: number } {
  const best: number[] = [];
  let distinct = 0;
  for (let code = 1; code < counts.length; code++) {
    const count = counts[code] ?? 0;
    if (count === 0) continue;
    distinct++;
    if (best.length === limit && count <= (counts[best[limit - 1] ?? 0] ?? 0)) continue;

    best.splice(insertionPoint(best, counts, count), 0, code);
    if (best.length > limit) best.pop();
  }
  return { codes: best, distinct };
}

/** Where a code with `count` goes in `best` (sorted by count, most first; ties stay in order). */
function insertionPoint(best: readonly number[], counts: Uint32Array, count: number): number {
  let low = 0;
  let high = best.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((counts[best[middle] ?? 0] ?? 0) >= count) low = middle + 1;
    else high = middle;
  }
  return low;
}
