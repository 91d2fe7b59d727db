/**
 * The System fields of our own exports (dump's JSON lines, its Timesketch lines, its CSV), read
 * back by the structured record's names from wherever the export keeps them.
 */
import { setEventId, setNumber, setRecordId, setText, setTime } from './record.js';
import { utcTime } from './time.js';
import type { ImportedRecord } from './types.js';

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

/** The names an export gives the record's two times (the CSV's headers say their zone). */
export interface OwnTimeNames {
  readonly created: string;
  readonly written: string;
}

/** Sets every System field `text` gives (empty or absent ones are left as they are). */
export function readOwnSystemFields(
  record: ImportedRecord,
  text: (name: string) => string | undefined,
  times: OwnTimeNames,
): void {
  setRecordId(record, text('recordId'));
  setEventId(record, text('eventId'));
  setTime(record, text(times.created));
  record.provider = text('provider') ?? '';
  record.channel = text('channel') ?? '';
  record.computer = text('computer') ?? '';
  for (const key of NUMBERS) setNumber(record, key, text(key));
  for (const key of TEXTS) setText(record, key, text(key));
  const keywords = text('keywords');
  if (keywords !== undefined) record.keywords = keywords;
  readHeaderFields(record, text('headerRecordId'), text(times.written));
}

/** The record header's id and time, when the export has them (one of an EVTX log does). */
function readHeaderFields(
  record: ImportedRecord,
  headerId: string | undefined,
  written: string | undefined,
): void {
  if (headerId !== undefined && /^\d{1,20}$/.test(headerId)) record.headerRecordId = headerId;
  const time = written === undefined ? undefined : utcTime(written, 0);
  if (time !== undefined) record.writtenTime = time;
}
