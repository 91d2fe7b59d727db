/**
 * Rows of CSV text fed in pieces (RFC 4180: fields in double quotes may hold commas, quotes
 * doubled, and line breaks), each with where it starts in the input.
 */
import { TextPosition, type TextEncodingName } from '../text.js';
import type { CsvSeparator } from './csv-header.js';

/** One row's fields and where the row starts. */
export interface CsvRow {
  readonly fields: string[];
  readonly offset: number;
  readonly line: number;
}

/** Longest row accepted, in characters; a longer one ends the reading with an error. */
export const MAX_ROW_CHARS = 16 * 1024 * 1024;

/** Every row of the text, fields split at `separator`, in order; blank lines are left out. */
export async function* csvRows(
  pieces: AsyncIterable<string>,
  encoding: { name: TextEncodingName; bom: number },
  separator: CsvSeparator = ',',
): AsyncGenerator<CsvRow> {
  const split = separator.charCodeAt(0);
  const position = new TextPosition(encoding.name, encoding.bom);
  let buffer = '';
  for await (const piece of pieces) {
    buffer += piece;
    const { rows, used } = completeRows(buffer, position, false, split);
    yield* rows;
    buffer = buffer.slice(used);
    if (buffer.length > MAX_ROW_CHARS) {
      throw new RangeError(
        `CSV row at byte ${position.byte} is longer than ${MAX_ROW_CHARS} characters`,
      );
    }
  }
  yield* completeRows(buffer, position, true, split).rows;
}

/** The rows that end inside `text` (all of them when `final`), and how much text they used. */
function completeRows(
  text: string,
  position: TextPosition,
  final: boolean,
  split: number,
): { rows: CsvRow[]; used: number } {
  const rows: CsvRow[] = [];
  let at = 0;
  for (;;) {
    const row = readRow(text, at, final, split);
    if (row === undefined) break;
    const start = position.at();
    position.advance(text, at, row.end);
    at = row.end;
    if (!(row.fields.length === 1 && row.fields[0] === ''))
      rows.push({ fields: row.fields, ...start });
    if (at >= text.length) break;
  }
  return { rows, used: at };
}

/** One row from `at`, or undefined when it may go on past the end of `text`. */
function readRow(
  text: string,
  at: number,
  final: boolean,
  split: number,
): { fields: string[]; end: number } | undefined {
  const fields: string[] = [];
  let i = at;
  for (;;) {
    const field = readField(text, i, final, split);
    if (field === undefined) return undefined;
    fields.push(field.value);
    i = field.end;
    const code = text.charCodeAt(i);
    if (code === split) {
      i++;
      continue;
    }
    if (code === 0x0d && text.charCodeAt(i + 1) === 0x0a) return { fields, end: i + 2 };
    if (code === 0x0a || code === 0x0d) return { fields, end: i + 1 };
    if (i >= text.length) return final ? { fields, end: i } : undefined;
  }
}

function readField(
  text: string,
  at: number,
  final: boolean,
  split: number,
): { value: string; end: number } | undefined {
  if (text.charCodeAt(at) !== 0x22) return plainField(text, at, final, split);
  let value = '';
  let i = at + 1;
  for (;;) {
    const quote = text.indexOf('"', i);
    if (quote < 0) return final ? { value: value + text.slice(i), end: text.length } : undefined;
    value += text.slice(i, quote);
    if (text.charCodeAt(quote + 1) === 0x22) {
      value += '"';
      i = quote + 2;
      continue;
    }
    if (quote + 1 >= text.length && !final) return undefined;
    // A quote that does not end the field is kept, as spreadsheet programs do.
    return afterQuote(text, quote + 1, value, split);
  }
}

function afterQuote(
  text: string,
  at: number,
  value: string,
  split: number,
): { value: string; end: number } {
  const rest = plainField(text, at, true, split) as { value: string; end: number };
  return { value: value + rest.value, end: rest.end };
}

function plainField(
  text: string,
  at: number,
  final: boolean,
  split: number,
): { value: string; end: number } | undefined {
  let i = at;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === split || code === 0x0a || code === 0x0d)
      return { value: text.slice(at, i), end: i };
    i++;
  }
  return final ? { value: text.slice(at, i), end: i } : undefined;
}
