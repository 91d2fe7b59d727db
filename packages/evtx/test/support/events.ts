/**
 * Realistic Windows events for tests. Like Windows, every event is the shared System template
 * (Provider ... Security) whose last substitution (17) is a nested BinXml fragment holding an
 * EventData or UserData template of its own.
 */
import {
  el,
  optSub,
  sub,
  template,
  templateGuid,
  type ElementNode,
  type Fragment,
} from './binxml.js';
import { ChunkBuilder, type RecordSpec } from './chunk.js';
import { evtxFile } from './file.js';
import { value, ValueType, type TypedValue } from './values.js';

export const EVENT_NS = 'http://schemas.microsoft.com/win/2004/08/events/event';

/** The System element's values. `null` writes a NULL value, which drops that attribute/element. */
export interface SystemFields {
  recordId: bigint | number;
  eventId: number;
  provider?: string;
  /** A GUID value; `null` for none. Pass a `TypedValue` to store it as another type. */
  providerGuid?: string | null | TypedValue;
  qualifiers?: number | null;
  version?: number;
  level?: number;
  task?: number;
  opcode?: number;
  keywords?: bigint;
  /** System/TimeCreated; ISO-8601 or any value (e.g. a SYSTEMTIME). */
  timeCreated?: string | TypedValue;
  /** Record header time; defaults to `timeCreated` when that is a string. */
  writtenTime?: string;
  /** System/EventRecordID when it should differ from the record header's id. */
  eventRecordId?: bigint;
  activityId?: string | null;
  relatedActivityId?: string | null;
  processId?: number;
  threadId?: number;
  channel?: string;
  computer?: string;
  userId?: string | null;
}

const DEFAULT_TIME = '2024-03-05T10:20:30.1234567Z';

/**
 * The Event/System template Windows uses, with `computer` as literal text like Windows does;
 * `withData` adds substitution 17 for the nested EventData/UserData fragment.
 */
export function systemTemplate(computer: string, withData = true): ElementNode {
  const { String: Str, UInt8, UInt16, UInt32, UInt64, Guid, HexInt64, FileTime, Sid } = ValueType;
  const dep = (element: ElementNode, dependencyId: number) => ({ ...element, dependencyId });
  const system = el(
    'System',
    {},
    el('Provider', { Name: optSub(14, Str), Guid: optSub(15, Guid) }),
    dep(el('EventID', { Qualifiers: optSub(4, UInt16) }, optSub(3, UInt16)), 3),
    dep(el('Version', {}, optSub(11, UInt8)), 11),
    dep(el('Level', {}, optSub(0, UInt8)), 0),
    dep(el('Task', {}, optSub(2, UInt16)), 2),
    dep(el('Opcode', {}, optSub(1, UInt8)), 1),
    dep(el('Keywords', {}, optSub(5, HexInt64)), 5),
    el('TimeCreated', { SystemTime: optSub(6, FileTime) }),
    dep(el('EventRecordID', {}, optSub(10, UInt64)), 10),
    el('Correlation', { ActivityID: optSub(7, Guid), RelatedActivityID: optSub(13, Guid) }),
    el('Execution', { ProcessID: optSub(8, UInt32), ThreadID: optSub(9, UInt32) }),
    dep(el('Channel', {}, optSub(16, Str)), 16),
    el('Computer', {}, computer),
    el('Security', { UserID: optSub(12, Sid) }),
  );
  // Windows makes Event depend on the EventData substitution; events without data use a
  // template that has no such substitution.
  if (!withData) return el('Event', { xmlns: EVENT_NS }, system);
  const event = el('Event', { xmlns: EVENT_NS }, system, optSub(17, ValueType.BinXml));
  return { ...event, dependencyId: 17 };
}

const orNull = <T>(v: T | null | undefined, make: (x: T) => TypedValue): TypedValue =>
  v === null || v === undefined ? value.null() : make(v);

/** The System template values in substitution order; `data` (if any) becomes value 17. */
export function systemValues(f: SystemFields, data?: TypedValue): TypedValue[] {
  const time = f.timeCreated ?? DEFAULT_TIME;
  const guid = f.providerGuid;
  return [
    value.uint8(f.level ?? 4),
    value.uint8(f.opcode ?? 0),
    value.uint16(f.task ?? 0),
    value.uint16(f.eventId),
    orNull(f.qualifiers, value.uint16),
    value.hexInt64(f.keywords ?? 0x8000000000000000n),
    typeof time === 'string' ? value.filetime(time) : time,
    orNull(f.activityId, value.guid),
    value.uint32(f.processId ?? 4),
    value.uint32(f.threadId ?? 8),
    value.uint64(f.eventRecordId ?? BigInt(f.recordId)),
    value.uint8(f.version ?? 0),
    orNull(f.userId, value.sid),
    orNull(f.relatedActivityId, value.guid),
    value.string(f.provider ?? 'Test-Provider'),
    typeof guid === 'object' && guid !== null ? guid : orNull(guid, value.guid),
    value.string(f.channel ?? 'Application'),
    ...(data ? [data] : []),
  ];
}

/** One record: the System template around `data` (an EventData/UserData fragment, or none). */
export function eventRecord(system: SystemFields, data: Fragment | null): RecordSpec {
  const computer = system.computer ?? 'WKS01.corp.example';
  const root = systemTemplate(computer, data !== null);
  const values = systemValues(system, data ? value.binxml(data) : undefined);
  const time = system.timeCreated;
  const writtenTime = system.writtenTime ?? (typeof time === 'string' ? time : DEFAULT_TIME);
  const guid = templateGuid(`system:${computer}:${data !== null}`);
  return { recordId: system.recordId, writtenTime, body: template(guid, root, values) };
}

/** A field value: a string, or any typed value. */
export type FieldInput = string | TypedValue;

const asValue = (v: FieldInput): TypedValue => (typeof v === 'string' ? value.string(v) : v);
const typeOf = (v: TypedValue): number => (v.type === ValueType.Null ? ValueType.String : v.type);

/** `<EventData><Data Name='k'>v</Data>...</EventData>` as its own template. */
export function eventData(fields: Record<string, FieldInput>): Fragment {
  const values = Object.values(fields).map(asValue);
  const names = Object.keys(fields);
  const data = names.map((name, i) => el('Data', { Name: name }, sub(i, typeOf(values[i]!))));
  const seed = `eventdata:${names.join(',')}:${values.map(typeOf).join(',')}`;
  return template(templateGuid(seed), el('EventData', {}, ...data), values);
}

/** `<EventData><Data>v</Data>...</EventData>`: classic events' unnamed strings. */
export function unnamedEventData(items: FieldInput[]): Fragment {
  const values = items.map(asValue);
  const data = values.map((v, i) => el('Data', {}, sub(i, typeOf(v))));
  const seed = `unnamed:${values.map(typeOf).join(',')}`;
  return template(templateGuid(seed), el('EventData', {}, ...data), values);
}

/** `<UserData>root</UserData>` where `root` uses substitutions 0.. of `values`. */
export function userData(root: ElementNode, values: TypedValue[]): Fragment {
  const tree = el('UserData', {}, root);
  return template(templateGuid(`userdata:${JSON.stringify(tree)}`), tree, values);
}

/** One record per spec, `recordId` as given, all in one chunk of one file. */
export function fileWith(...records: RecordSpec[]): Uint8Array {
  const chunk = new ChunkBuilder();
  for (const record of records) chunk.add(record);
  return evtxFile([chunk.build()]);
}

/** A file holding one event (id 1, EventID 1) whose EventData has exactly `fields`. */
export function dataFile(fields: Record<string, FieldInput>): Uint8Array {
  return fileWith(eventRecord({ recordId: 1, eventId: 1 }, eventData(fields)));
}
