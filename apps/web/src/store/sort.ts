/** Sorted views: an index of row numbers ordered by one column of a data frame. */
import type { DataFrame, RowKey } from './frame.js';

/** Ascending or descending. */
export type SortDirection = 'asc' | 'desc';

/** Which column a view is sorted by. */
export interface SortOrder {
  readonly key: string;
  readonly direction: SortDirection;
}

/**
 * The rows of `frame` (or only `rows`, when given) ordered by column `order.key`. Rows without
 * a value come last in either direction; equal values keep row order, so the result is stable
 * and the same on every run. An unknown column leaves the order as it was.
 */
export function sortedIndex(frame: DataFrame, order: SortOrder, rows?: Uint32Array): Uint32Array {
  const index = rows === undefined ? identityIndex(frame.rowCount) : rows.slice();
  const key = frame.orderKey(order.key);
  if (key === undefined) return index;

  const values = keyValues(key, index, frame.rowCount);
  const present = index.filter((row) => !Number.isNaN(values[row] ?? Number.NaN));
  const missing = index.filter((row) => Number.isNaN(values[row] ?? Number.NaN));
  present.sort(comparator(key, values, order.direction));

  const sorted = new Uint32Array(index.length);
  sorted.set(present);
  sorted.set(missing, present.length);
  return sorted;
}

/** Row numbers 0..count-1. */
export function identityIndex(count: number): Uint32Array {
  const index = new Uint32Array(count);
  for (let i = 0; i < count; i++) index[i] = i;
  return index;
}

function keyValues(key: RowKey, index: Uint32Array, rowCount: number): Float64Array {
  const values = new Float64Array(rowCount).fill(Number.NaN);
  for (const row of index) values[row] = key.value(row);
  return values;
}

function comparator(key: RowKey, values: Float64Array, direction: SortDirection) {
  const sign = direction === 'asc' ? 1 : -1;
  const tie = key.tie;
  return (a: number, b: number): number => {
    const difference = (values[a] ?? 0) - (values[b] ?? 0);
    if (difference !== 0) return sign * difference;
    if (tie !== undefined) {
      const tieDifference = tie(a) - tie(b);
      if (tieDifference !== 0) return sign * tieDifference;
    }
    return a - b;
  };
}
