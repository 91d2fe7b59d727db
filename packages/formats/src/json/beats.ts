/**
 * Winlogbeat documents: 7.x and later nest the event under `winlog` (ECS, with some Sysmon
 * fields moved out of `winlog.event_data` into ECS fields); 6.x keeps it at the top level
 * (`log_name`, `event_id`, `event_data`). Both keep the rendered `message`, from which a
 * Sysmon event's fields are read back in their own order.
 */
import {
  emptyRecord,
  FieldCollector,
  setEventId,
  setNumber,
  setRecordId,
  setText,
  setTime,
} from '../record.js';
import type { ImportedRecord, RenderedNames } from '../types.js';
import type { JsonObject } from './json-parse.js';
import { addValue, messageFields, objectAt, scalarText, textAt, valueAt } from './json-values.js';

/** Where each System field sits in one Winlogbeat layout. */
interface BeatLayout {
  readonly eventData: string;
  readonly channel: string;
  readonly eventId: string;
  readonly recordId: string;
  readonly computer: string;
  readonly provider: string;
  readonly providerGuid: string;
  readonly processId: string;
  readonly threadId: string;
  readonly version: string;
  readonly userId: string;
  readonly activityId: string;
  readonly relatedActivityId: string;
  /** Where the rendered names of Level, Task, Opcode and Keywords are. */
  readonly rendered: { readonly [K in keyof RenderedNames]-?: string };
}

const ECS: BeatLayout = {
  eventData: 'winlog.event_data',
  channel: 'winlog.channel',
  eventId: 'winlog.event_id',
  recordId: 'winlog.record_id',
  computer: 'winlog.computer_name',
  provider: 'winlog.provider_name',
  providerGuid: 'winlog.provider_guid',
  processId: 'winlog.process.pid',
  threadId: 'winlog.process.thread.id',
  version: 'winlog.version',
  userId: 'winlog.user.identifier',
  activityId: 'winlog.activity_id',
  relatedActivityId: 'winlog.related_activity_id',
  // Winlogbeat 7 and later write the level lower-cased (`information`), as ECS log.level.
  rendered: {
    level: 'log.level',
    task: 'winlog.task',
    opcode: 'winlog.opcode',
    keywords: 'winlog.keywords',
  },
};

const BEATS_6: BeatLayout = {
  eventData: 'event_data',
  channel: 'log_name',
  eventId: 'event_id',
  recordId: 'record_number',
  computer: 'computer_name',
  provider: 'source_name',
  providerGuid: 'provider_guid',
  processId: 'process_id',
  threadId: 'thread_id',
  version: 'version',
  userId: 'user.identifier',
  activityId: 'activity_id',
  relatedActivityId: 'related_activity_id',
  rendered: { level: 'level', task: 'task', opcode: 'opcode', keywords: 'keywords' },
};

/** The Winlogbeat layout of `object`, or undefined when it is none. */
export function beatLayout(object: JsonObject): BeatLayout | undefined {
  if (objectAt(object, 'winlog') !== undefined && textAt(object, ECS.channel) !== undefined)
    return ECS;
  if (textAt(object, 'log_name') !== undefined && textAt(object, 'event_id') !== undefined)
    return BEATS_6;
  return undefined;
}

/** The record for one Winlogbeat document. */
export function beatRecord(
  object: JsonObject,
  layout: BeatLayout,
  file: string | undefined,
  position: number,
): ImportedRecord {
  const record = emptyRecord(file, position);
  const text = (path: string) => textAt(object, path);
  record.channel = text(layout.channel) ?? '';
  record.computer = text(layout.computer) ?? '';
  record.provider = text(layout.provider) ?? '';
  setEventId(record, text(layout.eventId));
  setRecordId(record, text(layout.recordId));
  // Winlogbeat sets @timestamp from System/TimeCreated (to the millisecond).
  setTime(record, text('@timestamp'));
  setText(record, 'providerGuid', text(layout.providerGuid));
  setNumber(record, 'processId', text(layout.processId));
  setNumber(record, 'threadId', text(layout.threadId));
  setNumber(record, 'version', text(layout.version));
  setText(record, 'userId', text(layout.userId));
  setText(record, 'activityId', text(layout.activityId));
  setText(record, 'relatedActivityId', text(layout.relatedActivityId));
  // Winlogbeat keeps Level, Task, Opcode and Keywords as display names only ("Information",
  // "Audit Success"), which do not map back to numbers (the same name stands for Level 0 and
  // 4; Task names are the provider's): they are kept as the record's rendered names.
  addRendered(record, object, layout);
  record.data = beatData(object, layout, record.provider).fields;
  if (hasTag(object, RECOVERED_TAG)) record.recovered = true;
  return record;
}

/** The tag `dump --format ecs` gives a recovered record's document. */
const RECOVERED_TAG = 'evtxhunt-recovered';

function hasTag(object: JsonObject, tag: string): boolean {
  const tags = valueAt(object, 'tags');
  return Array.isArray(tags) && tags.includes(tag);
}

function addRendered(record: ImportedRecord, object: JsonObject, layout: BeatLayout): void {
  const rendered: RenderedNames = {};
  for (const key of ['level', 'task', 'opcode'] as const) {
    const name = textAt(object, layout.rendered[key]);
    if (name !== undefined && name !== '') rendered[key] = name;
  }
  const keywords = valueAt(object, layout.rendered.keywords);
  const names = Array.isArray(keywords) ? keywords.map((item) => scalarText(item)) : [];
  const audit = auditKeywords(textAt(object, 'event.outcome'));
  if (names.length > 0) rendered.keywords = names.filter((name) => name !== undefined);
  else if (audit !== undefined) rendered.keywords = audit;
  if (Object.keys(rendered).length > 0) record.rendered = rendered;
}

/**
 * The audit keyword an ECS event.outcome stands for, when the document keeps no keywords
 * (`dump --format ecs` writes none): Winlogbeat sets the outcome from exactly these names.
 */
function auditKeywords(outcome: string | undefined): string[] | undefined {
  if (outcome === 'success') return ['Audit Success'];
  return outcome === 'failure' ? ['Audit Failure'] : undefined;
}

function beatData(object: JsonObject, layout: BeatLayout, provider: string): FieldCollector {
  const fields = new FieldCollector();
  const eventData = objectAt(object, layout.eventData) ?? {};
  const message = textAt(object, 'message');
  const fromMessage = provider === SYSMON && message !== undefined ? messageFields(message) : [];

  // The message gives every field in order; event_data's own values win where both have one.
  for (const [name, value] of fromMessage) {
    const own = eventData[name];
    if (own === undefined) fields.add(name, value);
    else addValue(fields, name, own);
  }
  for (const [name, value] of Object.entries(eventData)) {
    if (!fields.has(name)) addValue(fields, name, value);
  }
  return fields;
}

/** The provider whose rendered messages list every field as `Name: value`. */
export const SYSMON = 'Microsoft-Windows-Sysmon';
