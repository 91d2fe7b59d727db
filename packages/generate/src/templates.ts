/**
 * Sysmon's templates as Windows writes them: one System template per computer (the computer's
 * name is literal text in it, so each computer has its own template GUID) whose last value is
 * the EventData fragment, and one EventData template per event ID and schema version.
 */
import {
  element,
  normal,
  optional,
  text,
  type Template,
  type ValueTypeName,
} from '@evtxhunt/evtx/writer';

export const SYSMON_PROVIDER = 'Microsoft-Windows-Sysmon';
export const SYSMON_PROVIDER_GUID = '{5770385f-c22a-43e0-bf4c-06f5698ffbd9}';
export const SYSMON_CHANNEL = 'Microsoft-Windows-Sysmon/Operational';

/** Index of each System value, in the order Windows numbers them. */
export const SystemValue = {
  Level: 0,
  Opcode: 1,
  Task: 2,
  EventId: 3,
  Qualifiers: 4,
  Keywords: 5,
  TimeCreated: 6,
  ActivityId: 7,
  ProcessId: 8,
  ThreadId: 9,
  EventRecordId: 10,
  Version: 11,
  UserId: 12,
  RelatedActivityId: 13,
  ProviderName: 14,
  ProviderGuid: 15,
  Channel: 16,
  EventData: 17,
} as const;

/** The System template of one computer. */
export function systemTemplate(computer: string): Template {
  const v = SystemValue;
  const system = element(
    'System',
    {},
    element('Provider', {
      Name: optional(v.ProviderName, 'string'),
      Guid: optional(v.ProviderGuid, 'guid'),
    }),
    element(
      'EventID',
      { Qualifiers: optional(v.Qualifiers, 'uint16') },
      optional(v.EventId, 'uint16'),
    ),
    element('Version', {}, optional(v.Version, 'uint8')),
    element('Level', {}, optional(v.Level, 'uint8')),
    element('Task', {}, optional(v.Task, 'uint16')),
    element('Opcode', {}, optional(v.Opcode, 'uint8')),
    element('Keywords', {}, optional(v.Keywords, 'hexint64')),
    element('TimeCreated', { SystemTime: optional(v.TimeCreated, 'filetime') }),
    element('EventRecordID', {}, optional(v.EventRecordId, 'uint64')),
    element('Correlation', {
      ActivityID: optional(v.ActivityId, 'guid'),
      RelatedActivityID: optional(v.RelatedActivityId, 'guid'),
    }),
    element('Execution', {
      ProcessID: optional(v.ProcessId, 'uint32'),
      ThreadID: optional(v.ThreadId, 'uint32'),
    }),
    element('Channel', {}, optional(v.Channel, 'string')),
    element('Computer', {}, text(computer)),
    element('Security', { UserID: optional(v.UserId, 'sid') }),
  );
  const xmlns = text('http://schemas.microsoft.com/win/2004/08/events/event');
  const root = element('Event', { xmlns }, system, optional(v.EventData, 'binxml'));
  return { guid: guidFromName(`system:${computer}`), root };
}

/** One Sysmon event's EventData layout: its schema version and its fields in order. */
export interface EventSchema {
  readonly eventId: number;
  readonly version: number;
  readonly fields: readonly (readonly [string, ValueTypeName])[];
  readonly template: Template;
}

const S = 'string';

const FIELDS: Readonly<Record<number, readonly [number, string]>> = {
  1: [
    5,
    'RuleName UtcTime ProcessGuid:guid ProcessId:uint32 Image FileVersion Description Product ' +
      'Company OriginalFileName CommandLine CurrentDirectory User LogonGuid:guid ' +
      'LogonId:hexint64 TerminalSessionId:uint32 IntegrityLevel Hashes ParentProcessGuid:guid ' +
      'ParentProcessId:uint32 ParentImage ParentCommandLine ParentUser',
  ],
  3: [
    5,
    'RuleName UtcTime ProcessGuid:guid ProcessId:uint32 Image User Protocol Initiated:bool ' +
      'SourceIsIpv6:bool SourceIp SourceHostname SourcePort:uint16 SourcePortName ' +
      'DestinationIsIpv6:bool DestinationIp DestinationHostname DestinationPort:uint16 ' +
      'DestinationPortName',
  ],
  5: [3, 'RuleName UtcTime ProcessGuid:guid ProcessId:uint32 Image User'],
  7: [
    3,
    'RuleName UtcTime ProcessGuid:guid ProcessId:uint32 Image ImageLoaded FileVersion ' +
      'Description Product Company OriginalFileName Hashes Signed Signature SignatureStatus User',
  ],
  10: [
    3,
    'RuleName UtcTime SourceProcessGUID:guid SourceProcessId:uint32 SourceThreadId:uint32 ' +
      'SourceImage TargetProcessGUID:guid TargetProcessId:uint32 TargetImage ' +
      'GrantedAccess:hexint32 CallTrace SourceUser TargetUser',
  ],
  11: [
    2,
    'RuleName UtcTime ProcessGuid:guid ProcessId:uint32 Image TargetFilename CreationUtcTime User',
  ],
  13: [
    2,
    'RuleName EventType UtcTime ProcessGuid:guid ProcessId:uint32 Image TargetObject Details User',
  ],
  22: [
    5,
    'RuleName UtcTime ProcessGuid:guid ProcessId:uint32 QueryName QueryStatus QueryResults ' +
      'Image User',
  ],
};

/** The schemas of every event ID the generator writes, by event ID. */
export function sysmonSchemas(): ReadonlyMap<number, EventSchema> {
  const schemas = new Map<number, EventSchema>();
  for (const [id, [version, list]] of Object.entries(FIELDS)) {
    const fields = list.split(' ').map((spec) => {
      const [name = '', type = S] = spec.split(':');
      return [name, type as ValueTypeName] as const;
    });
    const eventId = Number(id);
    schemas.set(eventId, { eventId, version, fields, template: dataTemplate(eventId, fields) });
  }
  return schemas;
}

function dataTemplate(eventId: number, fields: EventSchema['fields']): Template {
  const data = fields.map(([name, type], i) =>
    element('Data', { Name: text(name) }, normal(i, type)),
  );
  return { guid: guidFromName(`sysmon:${eventId}`), root: element('EventData', {}, ...data) };
}

/** A stable GUID for a name (FNV-1a over four seeds); no meaning beyond being distinct. */
export function guidFromName(name: string): string {
  const words = [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b].map((seed) => {
    let h = seed;
    for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619) >>> 0;
    return h.toString(16).padStart(8, '0');
  });
  const hex = words.join('');
  return `{${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}}`;
}
