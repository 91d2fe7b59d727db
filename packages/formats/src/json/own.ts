/**
 * evtxhunt's own `dump` lines (the structured record as JSON), read back: the round trip
 * gives the record that was written.
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
import type { ImportedRecord } from '../types.js';
import type { JsonObject } from './json-parse.js';
import { addValue, objectAt, textAt } from './json-values.js';

/** True for a line `evtxhunt dump` wrote. */
export function isOwnDump(object: JsonObject): boolean {
  return ['recordId', 'eventId', 'channel'].every((key) => textAt(object, key) !== undefined);
}

const NUMBERS = [
  'qualifiers',
  'version',
  'level',
  'task',
  'opcode',
  'processId',
  'threadId',
] as const;
const TEXTS = [
  'providerGuid',
  'eventSourceName',
  'userId',
  'activityId',
  'relatedActivityId',
] as const;

/** The record of one dump line. */
export function ownDumpRecord(
  object: JsonObject,
  file: string | undefined,
  position: number,
): ImportedRecord {
  const record = emptyRecord(file, position);
  const text = (key: string) => textAt(object, key);
  setRecordId(record, text('recordId'));
  setEventId(record, text('eventId'));
  setTime(record, text('timeCreated'));
  record.provider = text('provider') ?? '';
  record.channel = text('channel') ?? '';
  record.computer = text('computer') ?? '';
  for (const key of NUMBERS) setNumber(record, key, text(key));
  for (const key of TEXTS) setText(record, key, text(key));
  const keywords = text('keywords');
  if (keywords !== undefined) record.keywords = keywords;

  const fields = new FieldCollector();
  for (const [name, value] of Object.entries(objectAt(object, 'data') ?? {}))
    addValue(fields, name, value);
  record.data = fields.fields;
  return record;
}
