/**
 * evtxhunt's own `dump` lines (the structured record as JSON) and `dump --format timesketch`
 * lines, read back: the round trip gives the record that was written (a Timesketch line has
 * no record header's id and time; its data fields sit beside the System fields).
 */
import { readOwnSystemFields } from '../own-fields.js';
import { emptyRecord, FieldCollector } from '../record.js';
import type { ImportedRecord } from '../types.js';
import type { JsonObject, JsonValue } from './json-parse.js';
import { addValue, objectAt, scalarText, textAt } from './json-values.js';

/** True for a line `evtxhunt dump` wrote. */
export function isOwnDump(object: JsonObject): boolean {
  return ['recordId', 'eventId', 'channel'].every((key) => textAt(object, key) !== undefined);
}

/** The record of one dump line. */
export function ownDumpRecord(
  object: JsonObject,
  file: string | undefined,
  position: number,
): ImportedRecord {
  const record = systemRecord(object, file, position);
  const fields = new FieldCollector();
  for (const [name, value] of Object.entries(objectAt(object, 'data') ?? {}))
    addValue(fields, name, value);
  record.data = fields.fields;
  return record;
}

/** True for a line `evtxhunt dump --format timesketch` wrote. */
export function isOwnTimesketch(object: JsonObject): boolean {
  const keys = ['message', 'datetime', 'timestamp_desc', 'recordId', 'eventId'];
  return keys.every((key) => object[key] !== undefined);
}

/**
 * The keys a Timesketch line leads with, in the order the writer puts them (those the record
 * has): Timesketch's own, then the System fields. The event's data follows.
 */
const TIMESKETCH_HEAD = [
  'message',
  'datetime',
  'timestamp',
  'timestamp_desc',
  'file',
  'recordId',
  'timeCreated',
  'eventId',
  'qualifiers',
  'version',
  'level',
  'task',
  'opcode',
  'keywords',
  'provider',
  'providerGuid',
  'eventSourceName',
  'channel',
  'computer',
  'processId',
  'threadId',
  'userId',
  'activityId',
  'relatedActivityId',
  'recovered',
];

/**
 * The record of one Timesketch line: the System fields by their names, every key after them a
 * data field; one the writer renamed because its name was taken (`data_message`, or
 * `data_data_message` when that was taken too) gets its own name back.
 */
export function ownTimesketchRecord(
  object: JsonObject,
  file: string | undefined,
  position: number,
): ImportedRecord {
  const record = systemRecord(object, file, position);
  const keys = Object.keys(object);
  const taken = new Set<string>();
  let at = 0;
  for (let order = -1; at < keys.length; at++) {
    const next = TIMESKETCH_HEAD.indexOf(keys[at] ?? '');
    if (next <= order) break;
    order = next;
    taken.add(keys[at] ?? '');
  }
  const fields = new FieldCollector();
  for (const key of keys.slice(at)) {
    addValue(fields, originalName(key, taken, fields), object[key] as JsonValue);
    taken.add(key);
  }
  record.data = fields.fields;
  return record;
}

/**
 * The name the writer renamed to `key`: `data_` taken off while what is left was a key already
 * written, as far as a name no data field has yet (names of data fields are unique).
 */
function originalName(key: string, taken: ReadonlySet<string>, fields: FieldCollector): string {
  let name = key;
  let original = key;
  while (name.startsWith('data_') && taken.has(name.slice(5))) {
    name = name.slice(5);
    if (!fields.has(name)) original = name;
  }
  return original;
}

/** A record with the System fields of a dump or Timesketch line. */
function systemRecord(
  object: JsonObject,
  file: string | undefined,
  position: number,
): ImportedRecord {
  const record = emptyRecord(file, position);
  const text = (key: string) => textAt(object, key);
  readOwnSystemFields(record, text, { created: 'timeCreated', written: 'writtenTime' });
  const issues = textList(object['issues']);
  if (issues.length > 0) record.issues = issues;
  // Both formats write `"recovered":true` for a recovered record, and leave it out otherwise.
  if (object['recovered'] === true) record.recovered = true;
  return record;
}

function textList(value: JsonValue | undefined): string[] {
  if (!Array.isArray(value)) return [];
  return value.map((item) => scalarText(item)).filter((item) => item !== undefined);
}
