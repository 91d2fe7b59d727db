/** Filtered views: the rows of a data frame that a predicate keeps, as an index. */
import type { DataFrame } from './frame.js';

/** A test of one row; the query language will compile to these. */
export type RowPredicate = (row: number) => boolean;

/** The rows of `frame` that `keep` accepts, in row order. */
export function filteredIndex(frame: DataFrame, keep: RowPredicate): Uint32Array {
  const kept = new Uint32Array(frame.rowCount);
  let count = 0;
  for (let row = 0; row < frame.rowCount; row++) {
    if (keep(row)) kept[count++] = row;
  }
  return kept.slice(0, count);
}
