/** Plain-text tables: left-aligned columns separated by two spaces, cells escaped. */
import { escapeText } from './escape.js';

/** A column: its heading, and whether numbers in it align right. */
export interface Column {
  readonly heading: string;
  readonly align?: 'left' | 'right';
}

/**
 * The table as lines, heading first. Widths count code points, so wide (CJK) characters make
 * a row look longer than its neighbours; the text itself is intact.
 */
export function renderTable(columns: readonly Column[], rows: readonly string[][]): string[] {
  return [...tableLines(columns, rows)];
}

/**
 * renderTable() one line at a time: the rows are read twice (widths, then lines), and each
 * cell is escaped on each read, so no copy of the table is held, however long it is.
 */
export function* tableLines(
  columns: readonly Column[],
  rows: Iterable<readonly string[]>,
): IterableIterator<string> {
  const widths = headingWidths(columns);
  for (const row of rows) widen(widths, row);

  yield tableLine(columns, widths, headings(columns));
  for (const row of rows) yield tableLine(columns, widths, row);
}

/** The widths of the headings alone: where widen() starts. */
export function headingWidths(columns: readonly Column[]): number[] {
  return columns.map((column) => width(column.heading));
}

/** The headings as a row of cells, for tableLine(). */
export function headings(columns: readonly Column[]): string[] {
  return columns.map((column) => column.heading);
}

/** Widens `widths` to hold the row's cells, as escaped. */
export function widen(widths: number[], row: readonly string[]): void {
  for (const [i, cell] of row.entries()) {
    if (i < widths.length) widths[i] = Math.max(widths[i] ?? 0, width(escapeText(cell)));
  }
}

/** One row (raw cells, escaped here) padded to the widths. */
export function tableLine(
  columns: readonly Column[],
  widths: readonly number[],
  row: readonly string[],
): string {
  return columns
    .map((column, i) => pad(escapeText(row[i] ?? ''), widths[i] ?? 0, column.align ?? 'left'))
    .join('  ')
    .trimEnd();
}

function width(text: string): number {
  return [...text].length;
}

function pad(text: string, size: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, size - width(text)));
  return align === 'right' ? fill + text : text + fill;
}
