/** The column names of a CSV text's first line, read without the row reader. */
import { evtxecmdColumns } from './evtxecmd.js';

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
