/**
 * Records as Timesketch JSON lines (`dump --format timesketch`). Timesketch's importer needs
 * three fields on every line: `message` (a short human line), `datetime` (ISO-8601) and
 * `timestamp_desc` (what the time means); `timestamp` (microseconds since 1970) is optional and
 * given too. Every other field is flattened beside them: the System fields by their names here,
 * then the event's data fields by their own names; a data field whose name is already taken
 * (a System field, or `message`) is written as `data_NAME` (`data_data_NAME` when that is taken
 * too), so nothing is overwritten and the reader of @evtxhunt/formats gets the names back. Used by
 * `evtxhunt dump --format timesketch` and the web app's export alike.
 */
import type { FieldValue } from '../record.js';
import type { ExportRecord } from './export-record.js';
import { exportJsonText } from './export-json.js';

/** What the time of every line is. */
export const TIMESTAMP_DESC = 'Event Recorded';

/** Data fields shown in the message when the event has them, in this order. */
const MESSAGE_FIELDS = [
  'Image',
  'NewProcessName',
  'CommandLine',
  'DestinationIp',
  'DestinationPort',
  'DestinationHostname',
  'QueryName',
  'TargetFilename',
  'TargetObject',
  'TargetUserName',
  'IpAddress',
  'ServiceName',
  'ShareName',
];

/** At most this many fields in a message, each value cut to MESSAGE_VALUE_LIMIT characters. */
const MESSAGE_FIELD_LIMIT = 4;
const MESSAGE_VALUE_LIMIT = 120;

/** The Timesketch line for one record of `file`. */
export function timesketchLine(record: ExportRecord, file: string): string {
  const datetime = record.timeCreated ?? record.writtenTime ?? '';
  const head: [string, unknown][] = [
    ['message', timesketchMessage(record)],
    ['datetime', datetime],
    ['timestamp', epochMicroseconds(datetime)],
    ['timestamp_desc', TIMESTAMP_DESC],
    ['file', file],
    ...systemEntries(record),
  ];
  const taken = new Set(head.map(([name]) => name));
  const data = Object.entries(record.data).map(([name, value]): [string, FieldValue] => {
    let key = name;
    while (taken.has(key)) key = `data_${key}`;
    taken.add(key);
    return [key, value];
  });
  // fromEntries defines each key, so a field named __proto__ stays a plain field.
  return exportJsonText(Object.fromEntries([...head, ...data]));
}

/** `[3] Microsoft-Windows-Sysmon: Image=... DestinationIp=...`: id, provider, key fields. */
export function timesketchMessage(record: ExportRecord): string {
  // Fields with a value only: an empty DestinationHostname says nothing.
  const filled = (name: string): boolean => shortValue(record.data[name] ?? '') !== '';
  const names = MESSAGE_FIELDS.some(filled) ? MESSAGE_FIELDS : Object.keys(record.data);
  const shown = names.filter(filled).slice(0, MESSAGE_FIELD_LIMIT);
  const fields = shown.map((name) => `${name}=${shortValue(record.data[name] ?? '')}`);
  const head = `[${record.eventId}] ${record.provider}`;
  return fields.length === 0 ? head : `${head}: ${fields.join(' ')}`;
}

function shortValue(value: FieldValue): string {
  const text = typeof value === 'string' ? value : value.join(', ');
  return text.length > MESSAGE_VALUE_LIMIT ? `${text.slice(0, MESSAGE_VALUE_LIMIT)}...` : text;
}

/** Microseconds since 1970 for an ISO UTC time; the 100-ns digit is dropped (truncated). */
export function epochMicroseconds(iso: string): number | undefined {
  const match = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?Z$/.exec(iso);
  if (match === null) return undefined;

  const seconds = Date.parse(`${match[1] ?? ''}Z`);
  if (Number.isNaN(seconds)) return undefined;
  const micros = Number((match[2] ?? '').slice(0, 6).padEnd(6, '0'));
  return seconds * 1000 + micros;
}

/**
 * The System fields an export names, in the parser's order. The record header's id and time
 * are left out (only an EVTX file has them, and Timesketch's time is `datetime`), and so are
 * the record's decoding issues, which the reader reports where it reads.
 */
const SYSTEM_FIELDS = [
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
] as const;

/** The System fields the record has, in the parser's order, under their structured names. */
function systemEntries(record: ExportRecord): [string, unknown][] {
  const entries: [string, unknown][] = [];
  for (const name of SYSTEM_FIELDS) {
    if (record[name] !== undefined) entries.push([name, record[name]]);
  }
  return entries;
}
