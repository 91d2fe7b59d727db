/**
 * evtxhunt's own `dump --format csv`, read back: a note line (one cell, `# Formula
 * neutralisation: ...`), then a header of fixed columns, then one row per record with every
 * System field in a column of its own and the event's data as one JSON object in the last.
 *
 * The writer put an apostrophe before any cell a spreadsheet could take for a formula; it is
 * taken off again here. It also showed control characters as escapes (`\x1b`); the data column
 * is JSON, whose own escapes come back exactly, but in the System columns such an escape stays
 * as written.
 * TODO: a System value holding a control character (none Windows writes) comes back as its
 * escape text; and a value that itself began with an apostrophe and then a formula character
 * (`'=x`, which the writer left alone) loses its apostrophe.
 */
import { isObject, parseJson } from '../json/json-parse.js';
import { addValue } from '../json/json-values.js';
import { readOwnSystemFields } from '../own-fields.js';
import { addIssue, emptyRecord, FieldCollector } from '../record.js';
import type { ImportedRecord } from '../types.js';

/** The header's first columns, in the writer's order: enough to tell the export by. */
export const OWN_CSV_COLUMNS = ['file', 'recordId', 'TimeCreated (UTC)', 'eventId'] as const;

/** The column holding the event's data as JSON. */
const DATA_COLUMN = 'data (JSON)';

/** True when `cells`, a first row, is the writer's note line. */
export function isOwnCsvNote(cells: readonly string[]): boolean {
  return cells.length === 1 && (cells[0] ?? '').startsWith('# ');
}

/** The column index of every header name; undefined when the header is not the writer's. */
export function ownCsvColumns(header: readonly string[]): Map<string, number> | undefined {
  const own = OWN_CSV_COLUMNS.every((name, index) => header[index] === name);
  if (!own || !header.includes(DATA_COLUMN)) return undefined;
  return new Map(header.map((name, index) => [name, index]));
}

/** The record for one row. */
export function ownCsvRecord(
  row: readonly string[],
  columns: ReadonlyMap<string, number>,
  file: string | undefined,
  position: number,
): ImportedRecord {
  const record = emptyRecord(file, position);
  const cell = (name: string) => {
    const index = columns.get(name);
    const value = index === undefined ? undefined : row[index];
    return value === undefined || value === '' ? undefined : unguarded(value);
  };
  readOwnSystemFields(record, cell, { created: 'TimeCreated (UTC)', written: 'WrittenTime (UTC)' });
  const issues = cell('issues');
  if (issues !== undefined) record.issues = issues.split('; ');
  if (cell('recovered') === 'true') record.recovered = true;
  record.data = dataFields(record, cell(DATA_COLUMN) ?? '{}').fields;
  return record;
}

/** The data column's JSON object, field by field in its order. */
function dataFields(record: ImportedRecord, json: string): FieldCollector {
  const fields = new FieldCollector();
  let parsed;
  try {
    parsed = parseJson(json);
  } catch (error) {
    addIssue(record, `${DATA_COLUMN} is not JSON: ${(error as Error).message}`);
    return fields;
  }
  if (!isObject(parsed)) return fields;
  for (const [name, value] of Object.entries(parsed)) addValue(fields, name, value);
  return fields;
}

/**
 * Characters after which the writer put an apostrophe (hunt's export/formula.ts): = + - @,
 * tab, CR, LF and their full-width look-alikes, after any leading spaces.
 */
const GUARDED = /^'(\p{Zs}*[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20\u30FC])/u;

/** A signed number or a lone "-", which the writer left alone. */
const HARMLESS = /^(?:[+-]\d+(?:\.\d+)?|-)$/;

/** The cell as it was before the writer guarded it against spreadsheets. */
function unguarded(cell: string): string {
  if (!GUARDED.test(cell)) return cell;
  const text = cell.slice(1);
  return HARMLESS.test(text) ? cell : text;
}
