/**
 * Field names in queries ignore case. System fields take the spelling of SYSTEM_FIELDS, plus
 * `level` and the alias `time`; a data field takes the spelling of the loaded data when the caller
 * says which fields exist, and is kept as typed otherwise.
 *
 * TODO: a field whose name is not an XML-like name (a CSV header with a space, once other
 * formats are read) cannot be named in a query; it would need a quoted field syntax.
 */
import { SYSTEM_FIELDS } from '../fields.js';
import { SYSTEM_EXTRA_NAMES } from './parser-fields.js';

/**
 * System fields a query can name. `level` and the `System.*` fields are not in SYSTEM_FIELDS
 * because the record contract has none of them; the query's record adapter reads them when a
 * record carries them (the parser's do).
 */
export const QUERY_SYSTEM_FIELDS: readonly string[] = [
  ...SYSTEM_FIELDS,
  'level',
  ...SYSTEM_EXTRA_NAMES,
];

/** Other names accepted for System fields, lower case, with the field they stand for. */
export const FIELD_ALIASES: Readonly<Record<string, string>> = { time: 'timeCreated' };

/** Letters, digits, `_`, `.` and `-`, starting with a letter or `_`: the names XML allows. */
export const FIELD_NAME = /^[\p{L}_][\p{L}\p{N}_.-]*$/u;

/** Canonical spellings by lower-case name. */
export type FieldDictionary = ReadonlyMap<string, string>;

/** A dictionary of the System fields and aliases, then the given data fields. */
export function fieldDictionary(dataFields: readonly string[] = []): FieldDictionary {
  const names = new Map<string, string>();
  for (const name of dataFields) {
    if (!names.has(name.toLowerCase())) names.set(name.toLowerCase(), name);
  }

  // System fields win over data fields spelled the same way in another case.
  for (const name of QUERY_SYSTEM_FIELDS) names.set(name.toLowerCase(), name);
  for (const [alias, name] of Object.entries(FIELD_ALIASES)) names.set(alias, name);
  return names;
}

/** The canonical spelling of a typed name, or undefined when the dictionary lacks it. */
export function canonicalField(written: string, fields: FieldDictionary): string | undefined {
  return fields.get(written.toLowerCase());
}
