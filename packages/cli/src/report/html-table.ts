/**
 * Tables in the HTML report. Each sits in a box that scrolls both ways and is never taller than
 * most of the window, so a table wider than the page keeps its horizontal scroll bar in view;
 * the heading row stays put while the rows scroll under it. Cells are classed by what they hold
 * so long paths and names may wrap anywhere while times and numbers stay on one line.
 */
import { el, join, leaf, text, type Html } from './html-build.js';

/**
 * What a column holds: `text` wraps at spaces; `token` (paths, host names, addresses, rules)
 * may also wrap after each `\`, `/`, `.` and `:`, since it has few spaces; `time` never wraps.
 * Number cells are found by their type and align right.
 */
export type CellKind = 'text' | 'token' | 'time';

/** A cell: text, a number, or lines shown one under the other (first and last seen). */
export type HtmlCell = string | number | readonly string[];

/** One column: its heading and what its cells hold (`text` when absent). */
export interface HtmlColumn {
  readonly heading: string;
  readonly kind?: CellKind;
}

/** A table of `rows` under `columns`, in its scrolling box. */
export function htmlTable(
  columns: readonly HtmlColumn[],
  rows: readonly (readonly HtmlCell[])[],
): Html {
  const head = el(
    'tr',
    {},
    columns.map((column) => el('th', { scope: 'col' }, text(column.heading))),
  );
  const body = rows.map((row) =>
    el(
      'tr',
      {},
      row.map((cell, i) => tableCell(cell, columns[i])),
    ),
  );

  const grid = el('table', {}, el('thead', {}, head), el('tbody', {}, body));
  return el('div', { class: 'table-scroll' }, grid);
}

/**
 * Where a token may wrap: after path separators and dots, and after the colons of IPv6
 * addresses (not the one of a drive, `C:\`, which stays with its separator).
 */
const TOKEN_BREAK_AFTER = /(?<=[\\/.])|(?<=:)(?![\\/])/;

function tableCell(cell: HtmlCell, column: HtmlColumn | undefined): Html {
  const kind = typeof cell === 'number' ? 'number' : (column?.kind ?? 'text');
  const show = kind === 'token' ? tokenText : text;
  const lines = typeof cell === 'object' ? cell.map(show) : [show(cell)];
  return el('td', { class: kind === 'text' ? undefined : kind }, join(lines.flatMap(withBreak)));
}

/** Text with a `<wbr>` (a place to wrap that copies as nothing) after each separator. */
function tokenText(value: string | number): Html {
  const pieces = String(value).split(TOKEN_BREAK_AFTER);
  return join(
    pieces.flatMap((piece, i) => (i === 0 ? [text(piece)] : [leaf('wbr', {}), text(piece)])),
  );
}

/** A line, with a `<br>` before it unless it is the first. */
function withBreak(line: Html, index: number): Html[] {
  return index === 0 ? [line] : [leaf('br', {}), line];
}
