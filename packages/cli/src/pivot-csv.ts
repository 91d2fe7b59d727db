/**
 * The pivot as CSV for a spreadsheet (`pivot --csv`). Every cell is event data an attacker
 * wrote: control characters, escape sequences and bidi overrides are shown as escapes (`\x1b`,
 * `\t`, `\u202e`) as in the text output, since the CSV may well go to a terminal, and then every
 * cell goes through the hunt engine's formula neutralisation. The file's first line says both.
 */
import {
  describeFormulaNeutralisation,
  neutraliseFormula,
  quoteCsvField,
  type PivotResult,
  type PivotRow,
} from '@evtxhunt/hunt';

import { escapeText } from './escape.js';

/** What the note adds to the hunt engine's sentence on formulas. */
export const CSV_CONTROLS_NOTE =
  'Control characters, escape sequences and bidi overrides are shown as escapes such as \\x1b.';

/**
 * The CSV lines, CRLF-ended as RFC 4180 says: the note, the header, one line per group; a
 * `recovered` column after `count` when any group holds events from recovered records.
 */
export function pivotCsv(result: PivotResult): string {
  const flagged = result.rows.some((row) => row.recovered !== undefined);
  const header = [
    'count',
    ...(flagged ? ['recovered'] : []),
    ...result.by.map(escapeText),
    'ports',
    'hostnames',
    'firstSeen (UTC)',
    'lastSeen (UTC)',
  ];
  const rows = result.rows.map((row) => {
    const [count = '', ...rest] = rowCells(row);
    return flagged ? [count, String(row.recovered ?? 0), ...rest] : [count, ...rest];
  });
  const changed = [header, ...rows].flat().filter((cell) => neutraliseFormula(cell) !== cell);

  const note = `# ${describeFormulaNeutralisation(changed.length)} ${CSV_CONTROLS_NOTE}`;
  return [[note], header, ...rows].map(csvLine).join('');
}

function rowCells(row: PivotRow): string[] {
  return [
    String(row.count),
    ...row.key.map(escapeText),
    listText(row.ports, row.morePorts === true),
    listText(row.hostnames, row.moreHostnames === true),
    row.firstSeen ?? '',
    row.lastSeen ?? '',
  ];
}

/** Several values in one cell, one per line; `...` last when the engine dropped some. */
function listText(values: readonly string[], more: boolean): string {
  return [...values.map(escapeText), ...(more ? ['...'] : [])].join('\n');
}

function csvLine(cells: readonly string[]): string {
  return `${cells.map((cell) => quoteCsvField(neutraliseFormula(cell))).join(',')}\r\n`;
}
