/**
 * Building one record the way the EVTX parser builds it: System fields with the same types and
 * defaults, data fields in document order with repeated names kept as arrays. Every reader of
 * this package goes through here, so their records cannot disagree on the shape.
 */
import type { FieldValue, ImportedRecord } from './types.js';
import { utcTime } from './time.js';

/** A record with every System field at its default, numbered by its place in the input. */
export function emptyRecord(file: string | undefined, position: number): ImportedRecord {
  const id = String(position);
  const record: ImportedRecord = {
    recordId: id,
    headerRecordId: id,
    timeCreated: undefined,
    writtenTime: '',
    eventId: 0,
    provider: '',
    channel: '',
    computer: '',
    data: {},
  };
  if (file !== undefined) record.file = file;
  return record;
}

/** Adds a problem to the record's issues. */
export function addIssue(record: ImportedRecord, issue: string): void {
  (record.issues ??= []).push(issue);
}

/** Sets EventRecordID when `value` is decimal digits (as the parser does). */
export function setRecordId(record: ImportedRecord, value: string | undefined): void {
  if (value === undefined || !/^\d{1,20}$/.test(value)) return;
  const id = value.replace(/^0+(?=\d)/, '');
  record.recordId = id;
  record.headerRecordId = id;
}

/** Sets the Event ID; a value that is not a whole number is an issue and leaves 0. */
export function setEventId(record: ImportedRecord, value: string | undefined): void {
  if (value === undefined) return;
  const number = Number(value);
  if (value.trim() !== '' && Number.isSafeInteger(number) && number >= 0) record.eventId = number;
  else addIssue(record, `EventID ${JSON.stringify(value)} is not a number`);
}

/** Sets TimeCreated from any time `utcTime` reads; anything else is an issue. */
export function setTime(record: ImportedRecord, value: string | undefined, zoneMinutes = 0): void {
  if (value === undefined || value === '') return;
  const time = utcTime(value, zoneMinutes);
  if (time === undefined) {
    addIssue(record, `TimeCreated ${JSON.stringify(value)} is not a time`);
    return;
  }
  record.timeCreated = time;
  record.writtenTime = time;
}

type NumberKey = 'qualifiers' | 'version' | 'level' | 'task' | 'opcode' | 'processId' | 'threadId';
type TextKey = 'activityId' | 'relatedActivityId' | 'userId' | 'providerGuid' | 'eventSourceName';

/** Sets a numeric System field when `value` is a whole number (decimal or 0x hex). */
export function setNumber(record: ImportedRecord, key: NumberKey, value: string | undefined): void {
  if (value === undefined || value.trim() === '') return;
  const number = Number(value);
  if (Number.isSafeInteger(number)) record[key] = number;
}

/** Sets a text System field when there is a value. */
export function setText(record: ImportedRecord, key: TextKey, value: string | undefined): void {
  if (value !== undefined) record[key] = value;
}

/**
 * A GUID value as evtx_dump and Chainsaw write it (upper case, no braces), as Windows renders
 * it: braced, lower case. Text that only looks like a GUID is mostly lower case and unbraced
 * (WER's ReportId), and is left alone.
 */
export function bracedGuid(value: string): string {
  // TODO: a text field holding an upper-case unbraced GUID is taken for a GUID value too.
  return /^[0-9A-F]{8}(?:-[0-9A-F]{4}){3}-[0-9A-F]{12}$/.test(value)
    ? `{${value.toLowerCase()}}`
    : value;
}

/**
 * System/Keywords as Windows renders it (`0x8000000000000000`). Exports that wrote the 64-bit
 * mask as a signed or unsigned decimal number get it back in hex, exactly.
 */
export function keywordsText(value: string): string | undefined {
  if (/^0x[0-9a-f]{1,16}$/i.test(value)) return value.toLowerCase();
  if (!/^-?\d{1,20}$/.test(value)) return undefined;
  return `0x${BigInt.asUintN(64, BigInt(value)).toString(16)}`;
}

/** Gathers data fields in document order; a repeated name keeps every value. */
export class FieldCollector {
  readonly fields: Record<string, FieldValue> = {};

  /**
   * Field names are attacker-controlled: `__proto__` is written with defineProperty (plain
   * assignment would set the prototype) and names are looked up as own fields only.
   */
  add(name: string, value: string): void {
    const existing = Object.hasOwn(this.fields, name) ? this.fields[name] : undefined;
    if (existing === undefined) this.set(name, value);
    else if (typeof existing === 'string') this.set(name, [existing, value]);
    else (existing as string[]).push(value);
  }

  /** True when a field of that name was added. */
  has(name: string): boolean {
    return Object.hasOwn(this.fields, name);
  }

  private set(name: string, value: FieldValue): void {
    Object.defineProperty(this.fields, name, {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  }
}

/** Shorter substrings are copies already: V8 makes a view only of 13 characters or more. */
const VIEW_MIN_LENGTH = 13;

/**
 * Every text of the record made its own copy. V8 keeps a substring as a view of the text it
 * was cut from, so one field value kept by a consumer (the hunt engine keeps many) would keep
 * the whole 1 MiB piece of input it came from alive: a 1 GB JSONL hunt grew to 2.3 GB.
 */
export function detachStrings(record: ImportedRecord): ImportedRecord {
  const fields = record as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === 'string') fields[key] = ownCopy(value);
  }
  for (const [name, value] of Object.entries(record.data)) {
    record.data[name] = typeof value === 'string' ? ownCopy(value) : value.map(ownCopy);
  }
  return record;
}

/** `text` as a string of its own, not a view into a larger one. */
function ownCopy(text: string): string {
  // Slicing a concatenation makes V8 flatten it into a new string first: one copy.
  return text.length < VIEW_MIN_LENGTH ? text : (' ' + text).slice(1);
}
