/** The column names of a CSV text's first line, read without the row reader. */
import { evtxecmdColumns } from './evtxecmd.js';
import { ownCsvColumns } from './own-csv.js';

/** The separators a CSV export comes with: a comma, or what a spreadsheet re-saved it with. */
export const CSV_SEPARATORS = [',', ';', '\t'] as const;

/** One of CSV_SEPARATORS. */
export type CsvSeparator = (typeof CSV_SEPARATORS)[number];

/** The names in the first line of `text`; undefined when the line is not complete in it. */
export function csvHeaderNames(text: string, separator: CsvSeparator = ','): string[] | undefined {
  const end = text.search(/\r?\n/);
  if (end < 0) return undefined;
  return text
    .slice(0, end)
    .split(separator)
    .map((name) => name.trim().replace(/^"(.*)"$/, '$1'));
}

/** The separator with which the first line of `text` is an EvtxECmd header, if one is. */
export function evtxecmdSeparator(text: string): CsvSeparator | undefined {
  return CSV_SEPARATORS.find((separator) => {
    const names = csvHeaderNames(text, separator);
    return names !== undefined && evtxecmdColumns(names) !== undefined;
  });
}

/**
 * The CSV exports read: EvtxECmd's, and evtxhunt's own `dump --format csv` (own-csv.ts), with
 * the separator of its header.
 */
export interface CsvLayout {
  readonly kind: 'evtxecmd' | 'own';
  readonly separator: CsvSeparator;
}

/** The layout of a CSV export that starts with `text`, or undefined when it is none read. */
export function csvLayout(text: string): CsvLayout | undefined {
  const evtxecmd = evtxecmdSeparator(text);
  if (evtxecmd !== undefined) return { kind: 'evtxecmd', separator: evtxecmd };
  const own = ownCsvSeparator(text);
  return own === undefined ? undefined : { kind: 'own', separator: own };
}

/** The separator of evtxhunt's header, which follows its note line (a cell `# ...`). */
function ownCsvSeparator(text: string): CsvSeparator | undefined {
  if (!/^"?# /.test(text)) return undefined;
  const lineEnd = /\r?\n/.exec(text);
  if (lineEnd === null) return undefined;
  const header = text.slice(lineEnd.index + lineEnd[0].length);
  return CSV_SEPARATORS.find((separator) => {
    const names = csvHeaderNames(header, separator);
    return names !== undefined && ownCsvColumns(names) !== undefined;
  });
}
