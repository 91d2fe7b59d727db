/**
 * Flat documents, one key per field: NXLog's im_msvistalog records as Logstash stored them
 * (the public attack data sets), and Microsoft Sentinel's WindowsEvent rows, whose EventData
 * is a JSON text inside the JSON.
 */
import {
  addIssue,
  emptyRecord,
  FieldCollector,
  keywordsText,
  setEventId,
  setNumber,
  setRecordId,
  setText,
  setTime,
} from '../record.js';
import { zoneFromPair } from '../time.js';
import type { ImportedRecord } from '../types.js';
import { SYSMON } from './beats.js';
import { isObject, parseJson, type JsonObject } from './json-parse.js';
import { addValue, messageFields, textAt } from './json-values.js';

/**
 * Keys NXLog and Logstash add around the event's own fields. `ProcessID` is NXLog's (the
 * process that logged the event) only in records that lack `ExecutionProcessID`.
 */
const NXLOG_KEYS = new Set([
  '@timestamp',
  '@version',
  'AccountName',
  'AccountType',
  'ActivityID',
  'Category',
  'Channel',
  'Domain',
  'ERROR_EVT_UNRESOLVED',
  'EventID',
  'EventReceivedTime',
  'EventTime',
  'EventTypeOrignal',
  'ExecutionProcessID',
  'Hostname',
  'Keywords',
  'Message',
  'Opcode',
  'OpcodeValue',
  'ProviderGuid',
  'RecordNumber',
  'RelatedActivityID',
  'Severity',
  'SeverityValue',
  'SourceModuleName',
  'SourceModuleType',
  'SourceName',
  'Task',
  'ThreadID',
  'UserID',
  'Version',
  'host',
  'port',
  'tags',
  'type',
]);

/** NXLog's own EventType values; any other EventType is the event's field (Sysmon's). */
const NXLOG_EVENT_TYPES = new Set([
  'AUDIT_FAILURE',
  'AUDIT_SUCCESS',
  'CRITICAL',
  'ERROR',
  'INFO',
  'VERBOSE',
  'WARNING',
]);

/** True for an NXLog record: the module type, or the fields only NXLog writes. */
export function isNxlog(object: JsonObject): boolean {
  if (textAt(object, 'SourceModuleType') !== undefined) return true;
  return textAt(object, 'EventID') !== undefined && textAt(object, 'Channel') !== undefined;
}

/** The record for one NXLog document. */
export function nxlogRecord(
  object: JsonObject,
  file: string | undefined,
  position: number,
): ImportedRecord {
  const record = emptyRecord(file, position);
  const text = (key: string) => textAt(object, key);
  record.channel = text('Channel') ?? '';
  record.computer = text('Hostname') ?? '';
  record.provider = text('SourceName') ?? '';
  setEventId(record, text('EventID'));
  setRecordId(record, text('RecordNumber'));
  nxlogTime(object, record);
  setText(record, 'providerGuid', text('ProviderGuid'));
  setText(record, 'userId', text('UserID'));
  setText(record, 'activityId', text('ActivityID'));
  setText(record, 'relatedActivityId', text('RelatedActivityID'));
  for (const [key, name] of NXLOG_NUMBERS) setNumber(record, key, text(name));
  setNumber(record, 'processId', text('ExecutionProcessID') ?? text('ProcessID'));
  const keywords = text('Keywords');
  if (keywords !== undefined) record.keywords = keywordsText(keywords) ?? keywords;
  record.data = nxlogData(object, record.provider).fields;
  return record;
}

const NXLOG_NUMBERS = [
  ['version', 'Version'],
  ['task', 'Task'],
  ['opcode', 'OpcodeValue'],
  ['threadId', 'ThreadID'],
] as const;

/**
 * EventTime is local time with no zone. The zone is worked out from EventReceivedTime (the
 * same clock) beside Logstash's UTC @timestamp; without them the time is taken as UTC, and
 * the record says so.
 */
function nxlogTime(object: JsonObject, record: ImportedRecord): void {
  const eventTime = textAt(object, 'EventTime');
  if (eventTime === undefined) return;
  const received = textAt(object, 'EventReceivedTime');
  const utc = textAt(object, '@timestamp');
  const zone =
    received !== undefined && utc !== undefined ? zoneFromPair(received, utc) : undefined;
  if (zone === undefined) addIssue(record, 'EventTime has no time zone; taken as UTC');
  setTime(record, eventTime, zone ?? 0);
}

function nxlogData(object: JsonObject, provider: string): FieldCollector {
  const fields = new FieldCollector();
  const own = (key: string) => isEventField(object, key);
  const message = textAt(object, 'Message');

  // A Sysmon message lists every field in order, including those NXLog dropped or renamed.
  if (provider === SYSMON && message !== undefined) {
    for (const [name, value] of messageFields(message)) {
      const ownValue = own(name) ? object[name] : undefined;
      if (ownValue === undefined) fields.add(name, value);
      else addValue(fields, name, ownValue);
    }
  }
  for (const [key, value] of Object.entries(object)) {
    if (own(key) && !fields.has(key)) addValue(fields, key, value);
  }
  return fields;
}

function isEventField(object: JsonObject, key: string): boolean {
  if (key === 'EventType') return !NXLOG_EVENT_TYPES.has(textAt(object, key) ?? '');
  if (key === 'ProcessID') return object['ExecutionProcessID'] !== undefined;
  return !NXLOG_KEYS.has(key);
}

/** True for a Sentinel / Log Analytics WindowsEvent row. */
export function isSentinel(object: JsonObject): boolean {
  if (textAt(object, 'Type') === 'WindowsEvent') return true;
  return typeof object['EventData'] === 'string' && textAt(object, 'TimeGenerated') !== undefined;
}

/** The record for one Sentinel WindowsEvent row. */
export function sentinelRecord(
  object: JsonObject,
  file: string | undefined,
  position: number,
): ImportedRecord {
  const record = emptyRecord(file, position);
  const text = (key: string) => textAt(object, key);
  record.channel = text('Channel') ?? '';
  record.computer = text('Computer') ?? '';
  record.provider = text('Provider') ?? '';
  setEventId(record, text('EventID'));
  setRecordId(record, text('EventRecordId'));
  // TODO: TimeGenerated may be when Azure Monitor took the event, not TimeCreated; the
  // WindowsEvent table keeps no other time for an event.
  setTime(record, text('TimeGenerated'));
  setNumber(record, 'task', text('Task'));
  setNumber(record, 'level', text('EventLevel'));
  record.data = sentinelData(record, text('EventData')).fields;
  return record;
}

function sentinelData(record: ImportedRecord, eventData: string | undefined): FieldCollector {
  const fields = new FieldCollector();
  if (eventData === undefined || eventData === '') return fields;

  let parsed;
  try {
    parsed = parseJson(eventData);
  } catch (error) {
    addIssue(record, `EventData is not JSON: ${(error as Error).message}`);
    return fields;
  }
  if (!isObject(parsed)) return fields;
  for (const [name, value] of Object.entries(parsed)) {
    const text = typeof value === 'string' ? sysmonTime(name, value) : value;
    addValue(fields, name, text);
  }
  return fields;
}

/** Sentinel rewrites Sysmon's `2022-05-13 08:54:05.123` as ISO with seven digits; undone. */
function sysmonTime(name: string, value: string): string {
  if (!name.endsWith('UtcTime')) return value;
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2}\.\d{3})0000Z$/.exec(value);
  return match ? `${match[1]} ${match[2]}` : value;
}
