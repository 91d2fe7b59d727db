/**
 * Field access by name over the record contract: the System fields the engine exposes, then
 * EventData/UserData fields. One place decides what a field name means, for filters and pivots.
 */
import type { EventRecord } from './record.js';

/** System fields addressable by name, next to the event's own data fields. */
export const SYSTEM_FIELDS = [
  'eventId',
  'provider',
  'channel',
  'computer',
  'recordId',
  'timeCreated',
  'file',
] as const;

/** The name of one addressable System field. */
export type SystemField = (typeof SYSTEM_FIELDS)[number];

const NO_VALUES: readonly string[] = [];

/** True when `name` names a System field rather than an event data field. */
export function isSystemField(name: string): name is SystemField {
  return (SYSTEM_FIELDS as readonly string[]).includes(name);
}

/**
 * Every value of a field, in document order: one for a System field or a single data field,
 * several when a data name repeats, none when the record lacks it.
 */
export function fieldValues(record: EventRecord, name: string): readonly string[] {
  if (isSystemField(name)) {
    const value = systemFieldText(record, name);
    return value === undefined ? NO_VALUES : [value];
  }

  const value = Object.hasOwn(record.data, name) ? record.data[name] : undefined;
  if (value === undefined) return NO_VALUES;
  return typeof value === 'string' ? [value] : value;
}

/** The first value of any field (System or data), or undefined when the record has none. */
export function firstFieldValue(record: EventRecord, name: string): string | undefined {
  return fieldValues(record, name)[0];
}

function systemFieldText(record: EventRecord, name: SystemField): string | undefined {
  switch (name) {
    case 'eventId':
      return String(record.eventId);
    case 'provider':
      return record.provider;
    case 'channel':
      return record.channel;
    case 'computer':
      return record.computer;
    case 'recordId':
      return record.recordId;
    case 'timeCreated':
      return record.timeCreated;
    case 'file':
      return record.file;
  }
}
