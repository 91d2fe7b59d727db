/**
 * One pass of a compiled query over the store, a slice at a time. Each kept row is counted
 * in every facet as it is found, so the counts always follow the filter at no second pass.
 * Rows appended while files load are picked up where the pass stopped: the store only grows.
 */
import type { RowPredicate } from '@evtxhunt/hunt';

import type { EventStore } from '../store/event-store.js';
import { GrowableArray } from '../store/growable.js';
import type { FacetCounter } from './facets.js';
import type { TimeSpan } from './histogram.js';
import { StoreRow } from './store-row.js';
import type { MsBounds } from './time-bounds.js';

/** Rows tested between two looks at the clock. */
export const SLICE_ROWS = 2048;

/** A filter pass over a store. */
export class FilterScan {
  #next = 0;
  readonly #kept = new GrowableArray(Uint32Array);
  readonly #cursor: StoreRow;
  #firstMs = Infinity;
  #lastMs = -Infinity;
  #timed = 0;

  constructor(
    private readonly store: EventStore,
    private readonly predicate: RowPredicate,
    /** The facets counted over the kept rows. */
    readonly counters: readonly FacetCounter[],
    /** Times outside these are dropped before the predicate runs (see time-bounds.ts). */
    private readonly bounds?: MsBounds,
  ) {
    this.#cursor = new StoreRow(store);
  }

  /** The first and last time of the kept rows, or undefined when none has a time. */
  timeSpan(): TimeSpan | undefined {
    if (this.#timed === 0) return undefined;
    return { firstMs: this.#firstMs, lastMs: this.#lastMs, total: this.#timed };
  }

  /** Rows tested so far. */
  get scanned(): number {
    return this.#next;
  }

  /** True once every row the store holds now has been tested. */
  get done(): boolean {
    return this.#next >= this.store.rowCount;
  }

  /** The rows kept so far, in row order; later work does not change the array returned. */
  kept(): Uint32Array {
    return this.#kept.view();
  }

  /**
   * Tests rows until all are tested or `stop()` (asked every SLICE_ROWS rows) says to pause;
   * returns `done`.
   */
  run(stop: () => boolean): boolean {
    while (!this.done) {
      const end = Math.min(this.store.rowCount, this.#next + SLICE_ROWS);
      this.testRows(this.#next, end);
      this.#next = end;
      if (stop()) break;
    }
    return this.done;
  }

  private testRows(start: number, end: number): void {
    const { store, bounds } = this;
    const cursor = this.#cursor;
    for (let row = start; row < end; row++) {
      const ms = store.timeMs(row);
      // A row without a time (NaN) is left to the predicate.
      if (bounds !== undefined && (ms < bounds.fromMs || ms > bounds.toMs)) continue;
      cursor.row = row;
      if (!this.predicate(cursor)) continue;

      this.#kept.push(row);
      for (const counter of this.counters) counter.add(row);
      if (!Number.isNaN(ms)) this.spanTime(ms);
    }
  }

  private spanTime(ms: number): void {
    this.#timed++;
    if (ms < this.#firstMs) this.#firstMs = ms;
    if (ms > this.#lastMs) this.#lastMs = ms;
  }
}
