/**
 * EvtxECmd's CSV: one row per event, columns found by header name (builds differ in which
 * they have), TimeCreated in UTC as `yyyy-MM-dd HH:mm:ss.fffffff`. The event's own fields are
 * only whole in `Payload`, EventData as Newtonsoft turns XML into JSON
 * (`{"EventData":{"Data":[{"@Name":"Image","#text":"C:\\x.exe"}]}}`); the PayloadDataN
 * columns are summaries of it and are not read.
 */
import { isObject, parseJson, type JsonObject, type JsonValue } from '../json/json-parse.js';
import { scalarText } from '../json/json-values.js';
import {
  addIssue,
  emptyRecord,
  FieldCollector,
  setEventId,
  setNumber,
  setRecordId,
  setText,
  setTime,
} from '../record.js';
import type { ImportedRecord } from '../types.js';

/** Columns that must be in the header for the CSV to be read as EvtxECmd's. */
export const EVTXECMD_COLUMNS = ['TimeCreated', 'EventId', 'Channel'] as const;

/** The column index of every header name; undefined when the header is not EvtxECmd's. */
export function evtxecmdColumns(header: readonly string[]): Map<string, number> | undefined {
  const columns = new Map<string, number>();
  header.forEach((name, index) => columns.set(name.trim(), index));
  return EVTXECMD_COLUMNS.every((name) => columns.has(name)) ? columns : undefined;
}

/** The record for one row. */
export function evtxecmdRecord(
  row: readonly string[],
  columns: Map<string, number>,
  file: string | undefined,
  position: number,
): ImportedRecord {
  const record = emptyRecord(file, position);
  const cell = (name: string) => {
    const index = columns.get(name);
    return index === undefined ? undefined : row[index];
  };
  setRecordId(record, cell('EventRecordId'));
  setTime(record, cell('TimeCreated'));
  setEventId(record, cell('EventId'));
  setNumber(record, 'level', cell('Level'));
  record.provider = cell('Provider') ?? '';
  record.channel = cell('Channel') ?? '';
  record.computer = cell('Computer') ?? '';
  setNumber(record, 'processId', cell('ProcessId'));
  setNumber(record, 'threadId', cell('ThreadId'));
  setText(record, 'userId', nonEmpty(cell('UserId')));
  const keywords = nonEmpty(cell('Keywords'));
  if (keywords !== undefined) record.keywords = keywords;
  record.data = payloadFields(record, cell('Payload') ?? '').fields;
  return record;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

function payloadFields(record: ImportedRecord, payload: string): FieldCollector {
  const fields = new FieldCollector();
  if (payload.trim() === '') return fields;

  let parsed: JsonValue;
  try {
    parsed = parseJson(payload);
  } catch (error) {
    addIssue(record, `Payload is not JSON: ${(error as Error).message}`);
    return fields;
  }
  if (!isObject(parsed)) return fields;
  for (const [section, body] of Object.entries(parsed)) {
    if (section === 'EventData' && isObject(body)) eventData(body, fields);
    else if (isObject(body)) leaves(section, body, fields);
  }
  return fields;
}

/** `Data` as one object or an array of them, each `{"@Name":…, "#text":…}`. */
function eventData(body: JsonObject, fields: FieldCollector): void {
  for (const [key, value] of Object.entries(body)) {
    if (key.startsWith('@')) continue;
    const items = Array.isArray(value) ? value : [value];
    for (const item of items) {
      const name = key === 'Data' && isObject(item) ? scalarText(item['@Name']) : undefined;
      fields.add(name ?? key, elementText(item));
    }
  }
}

/** An element turned into JSON by Newtonsoft: text, null, or an object with `#text`. */
function elementText(value: JsonValue): string {
  if (isObject(value)) return scalarText(value['#text']) ?? '';
  return scalarText(value) ?? '';
}

/** UserData and other sections: every leaf element by its name; attributes (`@x`) skipped. */
function leaves(name: string, body: JsonObject, fields: FieldCollector): void {
  const keys = Object.keys(body).filter((key) => !key.startsWith('@') && key !== '#text');
  if (keys.length === 0) {
    fields.add(name, scalarText(body['#text']) ?? '');
    return;
  }
  for (const key of keys) {
    const value = body[key] ?? null;
    const items = Array.isArray(value) ? value : [value];
    for (const item of items) {
      if (isObject(item)) leaves(key, item, fields);
      else fields.add(key, scalarText(item) ?? '');
    }
  }
}
