/**
 * Sysmon events as activities. Field names are Sysmon's own, per event ID, from the Sysmon
 * schema (`sysmon -s`); where Sysmon spells a field two ways (`SourceProcessGUID` in Event ID
 * 10) both are read.
 */
import type { EventRecord } from '../record.js';
import type { Activity, DnsQuery, NetworkConnect, ProcessRef, ProcessStart } from './activity.js';
import { FieldReader, defined } from './fields.js';
import { parseIsoTime, parseSysmonUtc, type EventTime } from './time.js';

/** The provider name Sysmon writes into System/Provider/@Name. */
export const SYSMON_PROVIDER_NAME = 'Microsoft-Windows-Sysmon';

/** The channel Sysmon writes to. */
export const SYSMON_CHANNEL = 'Microsoft-Windows-Sysmon/Operational';

type Base = Omit<ProcessStart, 'kind' | 'origin' | 'parent'>;

/** True when the record was written by Sysmon (by provider, or by channel for exports). */
export function isSysmonRecord(record: EventRecord): boolean {
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

function eventTime(record: EventRecord, fields: FieldReader): EventTime | undefined {
  return parseSysmonUtc(fields.text('UtcTime')) ?? parseIsoTime(record.timeCreated);
}

function baseOf(record: EventRecord, fields: FieldReader, time: EventTime): Base {
  const { recordId, eventId, provider } = record;
  return {
    computer: record.computer,
    time,
    process: processRef(fields, ''),
    source: { recordId, eventId, provider, ...defined({ file: record.file }) },
    ...defined({ ruleName: fields.text('RuleName') }),
  };
}

/** The process named by fields with `prefix` (`''`, `Parent`, `Source`, `Target`). */
function processRef(fields: FieldReader, prefix: string): ProcessRef {
  return defined({
    guid: fields.textOf(`${prefix}ProcessGuid`, `${prefix}ProcessGUID`),
    pid: fields.integer(`${prefix}ProcessId`),
    image: fields.text(`${prefix}Image`),
    user: fields.text(prefix === '' ? 'User' : `${prefix}User`),
  });
}

function processStart(base: Base, fields: FieldReader): ProcessStart {
  return {
    ...base,
    kind: 'process-start',
    origin: 'sysmon',
    parent: processRef(fields, 'Parent'),
    ...defined({
      commandLine: fields.text('CommandLine'),
      currentDirectory: fields.text('CurrentDirectory'),
      parentCommandLine: fields.text('ParentCommandLine'),
      integrityLevel: fields.text('IntegrityLevel'),
      hashes: fields.text('Hashes'),
      logonId: fields.text('LogonId'),
      originalFileName: fields.text('OriginalFileName'),
    }),
  };
}

function networkConnect(base: Base, fields: FieldReader): NetworkConnect {
  return {
    ...base,
    kind: 'network',
    ...defined({
      protocol: fields.text('Protocol'),
      initiated: fields.boolean('Initiated'),
      sourceIp: fields.text('SourceIp'),
      sourcePort: fields.integer('SourcePort'),
      sourceHostname: fields.text('SourceHostname'),
      destinationIp: fields.text('DestinationIp'),
      destinationPort: fields.integer('DestinationPort'),
      destinationHostname: fields.text('DestinationHostname'),
      destinationPortName: fields.text('DestinationPortName'),
    }),
  };
}

function dnsQuery(base: Base, fields: FieldReader): DnsQuery | undefined {
  const queryName = fields.text('QueryName');
  if (queryName === undefined) return undefined;

  const queryResults = fields.text('QueryResults');
  return {
    ...base,
    kind: 'dns',
    queryName,
    resolvedAddresses: resolvedAddresses(queryResults),
    ...defined({ queryStatus: fields.text('QueryStatus'), queryResults }),
  };
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

  const kind = eventId === 11 ? 'file-create' : eventId === 15 ? 'file-stream' : 'file-delete';
  return { ...base, kind, targetFilename, ...defined({ hashes: fields.textOf('Hashes', 'Hash') }) };
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
