/** Turns a rendered event tree into a structured record: System fields and data by name. */
import type { FieldValue, StructuredRecord } from '../types.js';
import { nodeText, type XmlElement, type XmlNode } from './tree.js';

/** Record-header facts the tree does not carry. */
export interface RecordHeaderFacts {
  file: string;
  recordId: string;
  writtenTime: string;
}

/** A record with the header's facts and every System field at its default. */
export function emptyRecord(header: RecordHeaderFacts): StructuredRecord {
  return {
    file: header.file,
    recordId: header.recordId,
    headerRecordId: header.recordId,
    timeCreated: undefined,
    writtenTime: header.writtenTime,
    eventId: 0,
    provider: '',
    channel: '',
    computer: '',
    data: {},
  };
}

/** Reads an element tree into a structured record; problems are added to `issues`. */
export function toStructured(
  nodes: readonly XmlNode[],
  header: RecordHeaderFacts,
  issues: string[],
): StructuredRecord {
  const event = nodes.find(isElement);
  const record = emptyRecord(header);
  if (!event) {
    issues.push('record has no root element');
    return record;
  }

  const data = new FieldCollector();
  for (const section of event.children.filter(isElement))
    readSection(section, record, data, issues);
  record.data = data.fields;
  return record;
}

/** One child of `Event`: System fields into the record, other sections into `data`. */
export function readSection(
  section: XmlElement,
  record: StructuredRecord,
  data: FieldCollector,
  issues: string[],
): void {
  if (section.name === 'System') readSystem(section, record, issues);
  else if (section.name === 'EventData') readEventData(section, data);
  else data.addLeaves(section);
}

export function isElement(node: XmlNode): node is XmlElement {
  return node.kind === 'element';
}

function attribute(element: XmlElement, name: string): string | undefined {
  return element.attributes.find(([key]) => key === name)?.[1];
}

function text(element: XmlElement): string {
  return element.children.map(nodeText).join('');
}

function readSystem(system: XmlElement, record: StructuredRecord, issues: string[]): void {
  for (const field of system.children.filter(isElement)) {
    const attributes = { get: (name: string) => attribute(field, name) };
    readSystemField(field.name, text(field), attributes, record, issues);
  }
}

/** An element's attributes by name: the first one kept, or undefined. */
export interface AttributeLookup {
  get(name: string): string | undefined;
}

/**
 * Reads one System child, given its name, its text and its attributes, into `record`. Both
 * the tree path and the planned path come through here, so they cannot disagree.
 */
export function readSystemField(
  name: string,
  value: string,
  attributes: AttributeLookup,
  record: StructuredRecord,
  issues: string[],
): void {
  systemFieldReader(name)(value, attributes, record, issues);
}

/** Reads one System child's text and attributes into a record; problems go to `issues`. */
export type SystemFieldReader = (
  value: string,
  attributes: AttributeLookup,
  record: StructuredRecord,
  issues: string[],
) => void;

/** `readSystemField` for the System children named `name`, found once per name (by a plan). */
export function systemFieldReader(name: string): SystemFieldReader {
  return SYSTEM_READERS.get(name) ?? ignoreField;
}

const SYSTEM_READERS: ReadonlyMap<string, SystemFieldReader> = new Map<string, SystemFieldReader>([
  ['Provider', (_value, attributes, record) => readProvider(attributes, record)],
  ['EventID', readEventId],
  ['EventRecordID', (value, _attributes, record) => readEventRecordId(value, record)],
  [
    'TimeCreated',
    (_value, attributes, record) => void (record.timeCreated = attributes.get('SystemTime')),
  ],
  ['Correlation', (_value, attributes, record) => readCorrelation(attributes, record)],
  ['Execution', (_value, attributes, record) => readExecution(attributes, record)],
  ['Security', (_value, attributes, record) => setText(record, 'userId', attributes.get('UserID'))],
  ['Version', (value, _attributes, record) => setNumber(record, 'version', value)],
  ['Level', (value, _attributes, record) => setNumber(record, 'level', value)],
  ['Task', (value, _attributes, record) => setNumber(record, 'task', value)],
  ['Opcode', (value, _attributes, record) => setNumber(record, 'opcode', value)],
  ['Keywords', (value, _attributes, record) => void (record.keywords = value)],
  ['Channel', (value, _attributes, record) => void (record.channel = value)],
  ['Computer', (value, _attributes, record) => void (record.computer = value)],
]);

/** System children the record has no place for. */
function ignoreField(): void {}

function readEventId(
  value: string,
  attributes: AttributeLookup,
  record: StructuredRecord,
  issues: string[],
): void {
  record.eventId = toNumber(value, 'EventID', issues) ?? 0;
  setNumber(record, 'qualifiers', attributes.get('Qualifiers'));
}

function readEventRecordId(value: string, record: StructuredRecord): void {
  if (isDecimal(value)) record.recordId = value;
}

function readCorrelation(attributes: AttributeLookup, record: StructuredRecord): void {
  setText(record, 'activityId', attributes.get('ActivityID'));
  setText(record, 'relatedActivityId', attributes.get('RelatedActivityID'));
}

function readExecution(attributes: AttributeLookup, record: StructuredRecord): void {
  setNumber(record, 'processId', attributes.get('ProcessID'));
  setNumber(record, 'threadId', attributes.get('ThreadID'));
}

/** Where `readSystemField` puts a System child it reads as a number. */
export type SystemNumberKey = 'eventId' | NumberKey;

/** The System children whose text `readSystemField` reads as a number, and where it goes. */
export const SYSTEM_NUMBERS: ReadonlyMap<string, SystemNumberKey> = new Map<
  string,
  SystemNumberKey
>([
  ['EventID', 'eventId'],
  ['Version', 'version'],
  ['Level', 'level'],
  ['Task', 'task'],
  ['Opcode', 'opcode'],
]);

/**
 * `readSystemField` for a System child of SYSTEM_NUMBERS (its `key` there) whose text is the
 * decimal `value`, an unsigned integer below 2^32: the number, without its text.
 */
export function readSystemNumber(
  key: SystemNumberKey,
  value: number,
  attributes: AttributeLookup,
  record: StructuredRecord,
): void {
  record[key] = value;
  if (key === 'eventId') setNumber(record, 'qualifiers', attributes.get('Qualifiers'));
}

function readProvider(attributes: AttributeLookup, record: StructuredRecord): void {
  record.provider = attributes.get('Name') ?? '';
  setText(record, 'providerGuid', attributes.get('Guid'));
  setText(record, 'eventSourceName', attributes.get('EventSourceName'));
}

type NumberKey = 'qualifiers' | 'version' | 'level' | 'task' | 'opcode' | 'processId' | 'threadId';
type TextKey = 'activityId' | 'relatedActivityId' | 'userId' | 'providerGuid' | 'eventSourceName';

function setNumber(record: StructuredRecord, key: NumberKey, value: string | undefined): void {
  if (value === undefined || value === '') return;
  const number = toNumberValue(value);
  if (Number.isSafeInteger(number)) record[key] = number;
}

function setText(record: StructuredRecord, key: TextKey, value: string | undefined): void {
  if (value !== undefined) record[key] = value;
}

function toNumber(value: string, field: string, issues: string[]): number | undefined {
  const number = toNumberValue(value);
  if (value !== '' && Number.isSafeInteger(number)) return number;
  issues.push(`${field} ${JSON.stringify(value)} is not a number`);
  return undefined;
}

/** True for one or more ASCII digits and nothing else (what /^\d+$/ matches). */
function isDecimal(value: string): boolean {
  if (value.length === 0) return false;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x30 || code > 0x39) return false;
  }
  return true;
}

/** `Number(value)`, with short runs of digits (the usual case) converted without it. */
function toNumberValue(value: string): number {
  if (value.length > 15 || !isDecimal(value)) return Number(value);
  let number = 0;
  for (let i = 0; i < value.length; i++) number = number * 10 + value.charCodeAt(i) - 0x30;
  return number;
}

function readEventData(eventData: XmlElement, data: FieldCollector): void {
  for (const field of eventData.children.filter(isElement)) {
    const name = field.name === 'Data' ? (attribute(field, 'Name') ?? 'Data') : field.name;
    data.add(name, text(field));
  }
}

/** Gathers fields in document order; a repeated name keeps every value. */
export class FieldCollector {
  /** Made on first use, so a collector filled from a shape makes no empty object first. */
  private values: Record<string, FieldValue> | undefined;
  /** Writes so far: 0 while no field has been added. */
  private added = 0;

  get fields(): Record<string, FieldValue> {
    this.values ??= {};
    return this.values;
  }

  /** Empties the collector for another record; the fields given out before are left alone. */
  reset(): void {
    this.values = undefined;
    this.added = 0;
  }

  /** True while no field has been added. */
  get empty(): boolean {
    return this.added === 0;
  }

  /**
   * For an empty collector: the fields `names` (distinct, none `__proto__`) with `texts`, on a
   * copy of `shape`, an object with the same keys in the same order.
   */
  fill(shape: Readonly<Record<string, string>>, names: readonly string[], texts: string[]): void {
    const fields: Record<string, FieldValue> = { ...shape };
    for (let i = 0; i < names.length; i++) fields[names[i]!] = texts[i]!;
    this.values = fields;
    this.added = names.length;
  }

  /**
   * Field names are attacker-controlled: `__proto__`, `constructor` or `toString` must be plain
   * own fields, so they are read with Object.hasOwn, and `__proto__` is written with
   * defineProperty (plain assignment to it would set the prototype instead).
   */
  add(name: string, value: string): void {
    const existing = Object.hasOwn(this.fields, name) ? this.fields[name] : undefined;
    if (existing === undefined) this.set(name, value);
    else if (typeof existing === 'string') this.set(name, [existing, value]);
    else (existing as string[]).push(value);
  }

  private set(name: string, value: FieldValue): void {
    this.added++;
    if (name !== '__proto__') {
      this.fields[name] = value;
      return;
    }
    Object.defineProperty(this.fields, name, {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  }

  /** UserData and other sections: every leaf element by its name. */
  addLeaves(element: XmlElement): void {
    const children = element.children.filter(isElement);
    if (children.length === 0) {
      this.add(element.name, text(element));
      return;
    }
    for (const child of children) this.addLeaves(child);
  }
}
