/**
 * Sysmon events as activities. Field names are Sysmon's own, per event ID, from the Sysmon
 * schema (`sysmon -s`); where Sysmon spells a field two ways (`SourceProcessGUID` in Event ID
 * 10) both are read.
 */
import type { EventRecord, RecordFacts } from '../record.js';
import type {
  Activity,
  DnsQuery,
  FileActivity,
  NetworkConnect,
  ProcessRef,
  ProcessStart,
  SourceRef,
} from './activity.js';
import { FieldReader, defined } from './fields.js';
import { parseIsoTime, parseSysmonUtc, type EventTime } from './time.js';

/** The provider name Sysmon writes into System/Provider/@Name. */
export const SYSMON_PROVIDER_NAME = 'Microsoft-Windows-Sysmon';

/** The channel Sysmon writes to. */
export const SYSMON_CHANNEL = 'Microsoft-Windows-Sysmon/Operational';

type Base = Omit<ProcessStart, 'kind' | 'origin' | 'parent'>;

/** An activity being built: its properties set one by one. */
type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** True when the record was written by Sysmon (by provider, or by channel for exports). */
export function isSysmonRecord(record: RecordFacts): boolean {
  return record.provider === SYSMON_PROVIDER_NAME || record.channel === SYSMON_CHANNEL;
}

/** The activity a Sysmon record describes, or undefined for event IDs the engine does not use. */
export function sysmonActivity(record: EventRecord): Activity | undefined {
  const fields = new FieldReader(record);
  const time = eventTime(record, fields);
  if (time === undefined) return undefined;

  const base = baseOf(record, fields, time);
  switch (record.eventId) {
    case 1:
      return processStart(base, fields);
    case 3:
      return networkConnect(base, fields);
    case 5:
      return { ...base, kind: 'process-end' };
    case 22:
      return dnsQuery(base, fields);
    default:
      return otherActivity(record.eventId, base, fields);
  }
}

/**
 * The field each Sysmon event ID needs to become an activity (empty: none), for the event IDs
 * sysmonActivity turns into one; the rest give no activity.
 */
const REQUIRED_FIELD: ReadonlyMap<number, string> = new Map([
  ...[1, 3, 5, 8, 10, 25].map((eventId) => [eventId, ''] as const),
  [7, 'ImageLoaded'],
  ...[11, 15, 23, 26].map((eventId) => [eventId, 'TargetFilename'] as const),
  ...[12, 13, 14].map((eventId) => [eventId, 'TargetObject'] as const),
  [17, 'PipeName'],
  [18, 'PipeName'],
  [22, 'QueryName'],
]);

/**
 * The time of the activity sysmonActivity(record) gives, without building it (and undefined
 * when it gives none): for a reader that only counts an event, such as the hunt engine with an
 * image load or a registry write.
 */
export function sysmonActivityTime(record: EventRecord): EventTime | undefined {
  const required = REQUIRED_FIELD.get(record.eventId);
  if (required === undefined) return undefined;

  const fields = new FieldReader(record);
  if (required !== '' && fields.text(required) === undefined) return undefined;
  return eventTime(record, fields);
}

function eventTime(record: EventRecord, fields: FieldReader): EventTime | undefined {
  return parseSysmonUtc(fields.text('UtcTime')) ?? parseIsoTime(record.timeCreated);
}

// The activities most events become are built property by property below rather than through
// defined(): absent fields must stay absent, and a generic copy per event was a tenth of a hunt.
// They are also built on the base object itself rather than spread from it (`{ ...base }`): the
// bases come in several shapes (RuleName, file present or not), and copying them cost more than
// the rest of the activity (toActivity over the generated 100 MB log: 1.0-1.3 s spread, 0.4 s
// on the base). The properties come out in the same order either way.

function baseOf(record: EventRecord, fields: FieldReader, time: EventTime): Base {
  const { recordId, eventId, provider, file } = record;
  const source: Writable<SourceRef> = { recordId, eventId, provider };
  if (file !== undefined) source.file = file;
  if (record.recovered === true) source.recovered = true;

  const process = processRef(fields, '');
  const base: Writable<Base> = { computer: record.computer, time, process, source };
  const ruleName = fields.text('RuleName');
  if (ruleName !== undefined) base.ruleName = ruleName;
  return base;
}

/** The process named by fields with `prefix` (`''`, `Parent`, `Source`, `Target`). */
function processRef(fields: FieldReader, prefix: ProcessPrefix): ProcessRef {
  const names = PROCESS_FIELDS[prefix];
  const ref: Writable<ProcessRef> = {};
  const guid = fields.textOf(names.guid, names.guidUpper);
  if (guid !== undefined) ref.guid = guid;
  const pid = fields.integer(names.pid);
  if (pid !== undefined) ref.pid = pid;
  const image = fields.text(names.image);
  if (image !== undefined) ref.image = image;
  const user = fields.text(names.user);
  if (user !== undefined) ref.user = user;
  return ref;
}

type ProcessPrefix = '' | 'Parent' | 'Source' | 'Target';

/** The field names of a process per prefix, made once rather than joined for every event. */
const PROCESS_FIELDS = Object.fromEntries(
  (['', 'Parent', 'Source', 'Target'] as const).map((prefix) => [
    prefix,
    {
      guid: `${prefix}ProcessGuid`,
      guidUpper: `${prefix}ProcessGUID`,
      pid: `${prefix}ProcessId`,
      image: `${prefix}Image`,
      user: prefix === '' ? 'User' : `${prefix}User`,
    },
  ]),
) as Record<ProcessPrefix, Record<'guid' | 'guidUpper' | 'pid' | 'image' | 'user', string>>;

function processStart(base: Base, fields: FieldReader): ProcessStart {
  const start = base as Writable<ProcessStart>;
  start.kind = 'process-start';
  start.origin = 'sysmon';
  start.parent = processRef(fields, 'Parent');
  for (const [property, field] of START_TEXTS) {
    const value = fields.text(field);
    if (value !== undefined) start[property] = value;
  }
  return start;
}

/** The text properties of a process start and the Sysmon fields they come from, in order. */
const START_TEXTS = [
  ['commandLine', 'CommandLine'],
  ['currentDirectory', 'CurrentDirectory'],
  ['parentCommandLine', 'ParentCommandLine'],
  ['integrityLevel', 'IntegrityLevel'],
  ['hashes', 'Hashes'],
  ['logonId', 'LogonId'],
  ['originalFileName', 'OriginalFileName'],
] as const;

function networkConnect(base: Base, fields: FieldReader): NetworkConnect {
  const connection = base as Writable<NetworkConnect>;
  connection.kind = 'network';
  const protocol = fields.text('Protocol');
  if (protocol !== undefined) connection.protocol = protocol;
  const initiated = fields.boolean('Initiated');
  if (initiated !== undefined) connection.initiated = initiated;
  const sourceIp = fields.text('SourceIp');
  if (sourceIp !== undefined) connection.sourceIp = sourceIp;
  const sourcePort = fields.integer('SourcePort');
  if (sourcePort !== undefined) connection.sourcePort = sourcePort;
  const sourceHostname = fields.text('SourceHostname');
  if (sourceHostname !== undefined) connection.sourceHostname = sourceHostname;
  return destinationOf(connection, fields);
}

function destinationOf(connection: Writable<NetworkConnect>, fields: FieldReader): NetworkConnect {
  const ip = fields.text('DestinationIp');
  if (ip !== undefined) connection.destinationIp = ip;
  const port = fields.integer('DestinationPort');
  if (port !== undefined) connection.destinationPort = port;
  const hostname = fields.text('DestinationHostname');
  if (hostname !== undefined) connection.destinationHostname = hostname;
  const portName = fields.text('DestinationPortName');
  if (portName !== undefined) connection.destinationPortName = portName;
  return connection;
}

function dnsQuery(base: Base, fields: FieldReader): DnsQuery | undefined {
  const queryName = fields.text('QueryName');
  if (queryName === undefined) return undefined;

  const queryResults = fields.text('QueryResults');
  const resolved = resolvedAddresses(queryResults);
  const query = base as Writable<DnsQuery>;
  query.kind = 'dns';
  query.queryName = queryName;
  query.resolvedAddresses = resolved;
  const queryStatus = fields.text('QueryStatus');
  if (queryStatus !== undefined) query.queryStatus = queryStatus;
  if (queryResults !== undefined) query.queryResults = queryResults;
  return query;
}

/**
 * The addresses in a QueryResults value. Sysmon joins answers with `;`; an address is written
 * bare (`::ffff:93.184.216.34`) and other record types as `type:  N data`, which are skipped.
 */
export function resolvedAddresses(queryResults: string | undefined): readonly string[] {
  if (queryResults === undefined) return [];

  return queryResults
    .split(';')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '' && !entry.startsWith('type:') && /^[0-9a-f.:]+$/i.test(entry));
}

function otherActivity(eventId: number, base: Base, fields: FieldReader): Activity | undefined {
  switch (eventId) {
    case 7:
      return imageLoad(base, fields);
    case 8:
    case 10:
      return processToProcess(eventId, base, fields);
    case 11:
    case 15:
    case 23:
    case 26:
      return fileActivity(eventId, base, fields);
    case 12:
    case 13:
    case 14:
      return registryActivity(base, fields);
    case 17:
    case 18:
      return pipeActivity(base, fields);
    case 25:
      return {
        ...base,
        kind: 'process-tampering',
        ...defined({ tamperType: fields.text('Type') }),
      };
    default:
      return undefined;
  }
}

function imageLoad(base: Base, fields: FieldReader): Activity | undefined {
  const imageLoaded = fields.text('ImageLoaded');
  if (imageLoaded === undefined) return undefined;

  return {
    ...base,
    kind: 'image-load',
    imageLoaded,
    ...defined({ signed: fields.text('Signed'), signatureStatus: fields.text('SignatureStatus') }),
  };
}

function processToProcess(eventId: number, base: Base, fields: FieldReader): Activity {
  return {
    ...base,
    kind: eventId === 8 ? 'remote-thread' : 'process-access',
    process: processRef(fields, 'Source'),
    target: processRef(fields, 'Target'),
    ...defined({
      grantedAccess: fields.text('GrantedAccess'),
      startModule: fields.text('StartModule'),
    }),
  };
}

function fileActivity(eventId: number, base: Base, fields: FieldReader): Activity | undefined {
  const targetFilename = fields.text('TargetFilename');
  if (targetFilename === undefined) return undefined;

  const file = base as Writable<FileActivity>;
  file.kind = eventId === 11 ? 'file-create' : eventId === 15 ? 'file-stream' : 'file-delete';
  file.targetFilename = targetFilename;
  const hashes = fields.textOf('Hashes', 'Hash');
  if (hashes !== undefined) file.hashes = hashes;
  return file;
}

function registryActivity(base: Base, fields: FieldReader): Activity | undefined {
  const targetObject = fields.text('TargetObject');
  if (targetObject === undefined) return undefined;

  return {
    ...base,
    kind: 'registry',
    targetObject,
    ...defined({
      eventType: fields.text('EventType'),
      details: fields.text('Details'),
      newName: fields.text('NewName'),
    }),
  };
}

function pipeActivity(base: Base, fields: FieldReader): Activity | undefined {
  const pipeName = fields.text('PipeName');
  return pipeName === undefined ? undefined : { ...base, kind: 'pipe', pipeName };
}
