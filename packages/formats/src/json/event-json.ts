/**
 * JSON that mirrors the event's XML: `{"Event":{"System":{...},"EventData":{...}}}` as
 * evtx_dump and Chainsaw write it (attributes under `#attributes`, or beside the element as
 * `<Name>_attributes` with --separate-json-attributes), and Velociraptor's parse_evtx rows
 * (`System` at the top, attributes as plain keys, `EventID.Value`, epoch SystemTime).
 */
import {
  bracedGuid,
  emptyRecord,
  FieldCollector,
  keywordsText,
  setEventId,
  setNumber,
  setRecordId,
  setText,
  setTime,
} from '../record.js';
import type { ImportedRecord } from '../types.js';
import { isObject, type JsonObject, type JsonValue } from './json-parse.js';
import { addLeaves, addValue, isAttributeKey, scalarText } from './json-values.js';

/** The object holding `System`, when `object` is of this shape. */
export function eventRoot(object: JsonObject): JsonObject | undefined {
  const event = object['Event'];
  if (isObject(event) && isObject(event['System'])) return event;
  return isObject(object['System']) ? object : undefined;
}

/** The record for an event whose `System` sits in `event`. */
export function eventJsonRecord(
  outer: JsonObject,
  event: JsonObject,
  file: string | undefined,
  position: number,
): ImportedRecord {
  const record = emptyRecord(file, position);
  const system = event['System'] as JsonObject;
  readSystem(new SystemFields(system), record);

  const fields = new FieldCollector();
  // Under `Event` every other child is part of the event; beside a top-level `System`
  // (Velociraptor) the tool's own columns (Message, _Match, _Rule) are not.
  const wrapped = event !== outer;
  for (const [key, value] of Object.entries(event)) {
    if (key === 'System' || isAttributeKey(key)) continue;
    if (!wrapped && !EVENT_SECTIONS.has(key)) continue;
    if (key === 'EventData') readEventData(fields, value);
    else if (isObject(value)) addLeaves(fields, key, value);
    else if (value !== null) fields.add(key, scalarText(value) ?? '');
  }
  record.data = fields.fields;
  return record;
}

/** The sections of an event besides System. */
const EVENT_SECTIONS = new Set(['EventData', 'UserData', 'ProcessingErrorData', 'DebugData']);

/** System's children and their attributes, in any of the three layouts. */
class SystemFields {
  constructor(private readonly system: JsonObject) {}

  /** The element's text: a scalar, or `#text` / `Value` of an object. */
  text(name: string): string | undefined {
    const value = this.system[name];
    if (!isObject(value)) return scalarText(value);
    return scalarText(value['#text']) ?? scalarText(value['Value']);
  }

  /** One attribute of a child element. */
  attribute(name: string, attribute: string): string | undefined {
    const holders: (JsonValue | undefined)[] = [
      this.system[`${name}_attributes`],
      isObject(this.system[name]) ? (this.system[name] as JsonObject)['#attributes'] : undefined,
      this.system[name],
    ];
    for (const holder of holders) {
      if (isObject(holder) && holder[attribute] !== undefined) return scalarText(holder[attribute]);
    }
    return undefined;
  }
}

function readSystem(system: SystemFields, record: ImportedRecord): void {
  record.provider = system.attribute('Provider', 'Name') ?? '';
  setText(record, 'providerGuid', guid(system.attribute('Provider', 'Guid')));
  setText(record, 'eventSourceName', system.attribute('Provider', 'EventSourceName'));
  setEventId(record, system.text('EventID'));
  setNumber(record, 'qualifiers', system.attribute('EventID', 'Qualifiers'));
  for (const key of ['version', 'level', 'task', 'opcode'] as const) {
    setNumber(record, key, system.text(key[0]?.toUpperCase() + key.slice(1)));
  }
  const keywords = system.text('Keywords');
  if (keywords !== undefined) record.keywords = keywordsText(keywords) ?? keywords;
  setTime(record, system.attribute('TimeCreated', 'SystemTime'));
  setRecordId(record, system.text('EventRecordID'));
  setText(record, 'activityId', guid(system.attribute('Correlation', 'ActivityID')));
  setText(record, 'relatedActivityId', guid(system.attribute('Correlation', 'RelatedActivityID')));
  setNumber(record, 'processId', system.attribute('Execution', 'ProcessID'));
  setNumber(record, 'threadId', system.attribute('Execution', 'ThreadID'));
  record.channel = system.text('Channel') ?? '';
  record.computer = system.text('Computer') ?? '';
  setText(record, 'userId', system.attribute('Security', 'UserID'));
}

function guid(value: string | undefined): string | undefined {
  return value === undefined ? undefined : bracedGuid(value);
}

/**
 * EventData: named `Data` elements became keys; unnamed ones sit under `Data` (one value, an
 * array, or `{"#text": [...]}`). GUIDs evtx_dump wrote without braces get them back.
 */
function readEventData(fields: FieldCollector, eventData: JsonValue): void {
  if (!isObject(eventData)) return;
  const collect = new FieldCollector();
  for (const [key, value] of Object.entries(eventData)) {
    if (!isAttributeKey(key)) addValue(collect, key, value);
  }
  for (const [name, value] of Object.entries(collect.fields)) {
    const values = typeof value === 'string' ? [value] : value;
    for (const item of values) fields.add(name, bracedGuid(item));
  }
}
