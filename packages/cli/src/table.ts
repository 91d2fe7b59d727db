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
  const cells = rows.map((row) => columns.map((_column, i) => escapeText(row[i] ?? '')));
  const widths = columns.map((column, i) =>
    Math.max(width(column.heading), ...cells.map((row) => width(row[i] ?? ''))),
  );

  const line = (row: readonly string[]): string =>
    columns
      .map((column, i) => pad(row[i] ?? '', widths[i] ?? 0, column.align ?? 'left'))
      .join('  ')
      .trimEnd();

  return [line(columns.map((column) => column.heading)), ...cells.map(line)];
}

function width(text: string): number {
  return [...text].length;
}

function pad(text: string, size: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, size - width(text)));
  return align === 'right' ? fill + text : text + fill;
}
