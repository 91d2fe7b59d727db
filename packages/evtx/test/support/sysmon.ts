/** Sysmon events as Sysmon writes them, with Sysmon's own value type for each field. */
import { eventData, eventRecord, type FieldInput, type SystemFields } from './events.js';
import type { RecordSpec } from './chunk.js';
import { value, ValueType, type TypedValue } from './values.js';

export const SYSMON_PROVIDER = 'Microsoft-Windows-Sysmon';
export const SYSMON_GUID = '{5770385f-c22a-43e0-bf4c-06f5698ffbd9}';
export const SYSMON_CHANNEL = 'Microsoft-Windows-Sysmon/Operational';

/** Value types of Sysmon fields that are not strings (as seen in real Sysmon logs). */
const SYSMON_FIELD_TYPES: Record<string, number> = {
  ProcessGuid: ValueType.Guid,
  ParentProcessGuid: ValueType.Guid,
  LogonGuid: ValueType.Guid,
  SourceProcessGuid: ValueType.Guid,
  TargetProcessGuid: ValueType.Guid,
  ProcessId: ValueType.UInt32,
  ParentProcessId: ValueType.UInt32,
  TerminalSessionId: ValueType.UInt32,
  SourceProcessId: ValueType.UInt32,
  TargetProcessId: ValueType.UInt32,
  SourceThreadId: ValueType.UInt32,
  LogonId: ValueType.HexInt64,
  Initiated: ValueType.Bool,
  SourceIsIpv6: ValueType.Bool,
  DestinationIsIpv6: ValueType.Bool,
  SourcePort: ValueType.UInt16,
  DestinationPort: ValueType.UInt16,
};

/** Sysmon's event versions, where they are not 5. */
const SYSMON_VERSIONS: Record<number, number> = { 3: 5, 1: 5, 7: 3, 11: 2 };

/** A Sysmon field from plain text, converted to the type Sysmon uses for that name. */
export function sysmonValue(name: string, input: FieldInput | number | boolean): TypedValue {
  if (typeof input === 'object') return input;
  const text = String(input);
  switch (SYSMON_FIELD_TYPES[name]) {
    case ValueType.Guid:
      return value.guid(text);
    case ValueType.UInt32:
      return value.uint32(Number(text));
    case ValueType.UInt16:
      return value.uint16(Number(text));
    case ValueType.HexInt64:
      return value.hexInt64(BigInt(text));
    case ValueType.Bool:
      return value.bool(text === 'true');
    default:
      return value.string(text);
  }
}

export interface SysmonEventSpec extends Partial<SystemFields> {
  eventId: number;
  fields: Record<string, FieldInput | number | boolean>;
}

/** A Sysmon Operational record, e.g. `sysmonEvent({ eventId: 3, fields: { Image: ... } })`. */
export function sysmonEvent(spec: SysmonEventSpec): RecordSpec {
  const { fields, ...system } = spec;
  const typed = Object.fromEntries(
    Object.entries(fields).map(([name, v]) => [name, sysmonValue(name, v)]),
  );
  return eventRecord(
    {
      recordId: 1,
      provider: SYSMON_PROVIDER,
      providerGuid: SYSMON_GUID,
      version: SYSMON_VERSIONS[spec.eventId] ?? 5,
      task: spec.eventId,
      channel: SYSMON_CHANNEL,
      userId: 'S-1-5-18',
      processId: 3016,
      threadId: 3880,
      ...system,
    },
    eventData(typed),
  );
}

/** A Security log record (4688, 4624, ...) with named EventData fields. */
export function securityEvent(
  spec: Partial<SystemFields> & { eventId: number; fields: Record<string, FieldInput> },
): RecordSpec {
  const { fields, ...system } = spec;
  return eventRecord(
    {
      recordId: 1,
      provider: 'Microsoft-Windows-Security-Auditing',
      providerGuid: '{54849625-5478-4994-a5ba-3e3b0328c30d}',
      task: 13312,
      keywords: 0x8020000000000000n,
      channel: 'Security',
      processId: 4,
      threadId: 1234,
      ...system,
    },
    eventData(fields),
  );
}
