/**
 * The small data-frame interface the table draws from. The table never learns where rows come
 * from: it asks for the row count, the columns and one cell at a time, and for an ordering key
 * when the user sorts.
 */
import type { ColumnInfo } from './columns.js';

/** A number per row to order by: NaN when the row has no value; ties broken by `tie`. */
export interface RowKey {
  value(row: number): number;
  tie?(row: number): number;
}

/** Rows of events, read by column key. */
export interface DataFrame {
  readonly rowCount: number;
  /** Every column present: the System columns, then data fields by name. */
  columns(): readonly ColumnInfo[];
  /** The cell's text, or undefined when the row has no such field. */
  cell(row: number, key: string): string | undefined;
  /**
   * True when the row's record was recovered (found by its signature, no chunk header vouching
   * for it) rather than live; the table marks such rows.
   */
  recovered(row: number): boolean;
  /** How to order rows by `key`; undefined for an unknown column. */
  orderKey(key: string): RowKey | undefined;
}
