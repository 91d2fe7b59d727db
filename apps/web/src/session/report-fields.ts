/**
 * The fields a report shows for each kind of event: the ones a hunter reads first. Data, not
 * code; a kind not listed shows its first event data fields.
 */
import { SYSMON_PROVIDER, type EventRecord } from '@evtxhunt/hunt';

/** A field by name, or an address joined from an ip and a port field (`ip:port`). */
export type ReportField =
  string | { readonly label: string; readonly ip: string; readonly port: string };

const SECURITY = 'Microsoft-Windows-Security-Auditing';
const DESTINATION = { label: 'Destination', ip: 'DestinationIp', port: 'DestinationPort' };
const SOURCE = { label: 'Source', ip: 'IpAddress', port: 'IpPort' };
const REGISTRY = ['Image', 'EventType', 'TargetObject', 'Details', 'User'];
const LOGON = ['TargetUserName', 'TargetDomainName', 'LogonType', SOURCE, 'WorkstationName'];

/** Fields by provider, then event id. */
const FIELDS: Readonly<Record<string, Readonly<Record<number, readonly ReportField[]>>>> = {
  [SYSMON_PROVIDER]: {
    1: ['Image', 'CommandLine', 'User', 'ParentImage', 'ParentCommandLine'],
    2: ['Image', 'TargetFilename', 'CreationUtcTime', 'PreviousCreationUtcTime'],
    3: ['Image', DESTINATION, 'DestinationHostname', 'Protocol', 'User'],
    5: ['Image', 'User'],
    6: ['ImageLoaded', 'Signature', 'SignatureStatus'],
    7: ['Image', 'ImageLoaded', 'Signed', 'Signature', 'User'],
    8: ['SourceImage', 'TargetImage', 'StartFunction', 'SourceUser'],
    10: ['SourceImage', 'TargetImage', 'GrantedAccess', 'SourceUser'],
    11: ['Image', 'TargetFilename', 'User'],
    12: REGISTRY,
    13: REGISTRY,
    14: REGISTRY,
    15: ['Image', 'TargetFilename', 'Hash'],
    16: ['Configuration', 'ConfigurationFileHash'],
    17: ['Image', 'PipeName'],
    18: ['Image', 'PipeName'],
    22: ['Image', 'QueryName', 'QueryResults', 'User'],
    23: ['Image', 'TargetFilename', 'User'],
    25: ['Image', 'Type', 'User'],
    26: ['Image', 'TargetFilename', 'User'],
  },
  [SECURITY]: {
    1102: ['SubjectUserName', 'SubjectDomainName'],
    4624: LOGON,
    4625: [...LOGON, 'Status', 'SubStatus'],
    4648: ['SubjectUserName', 'TargetUserName', 'TargetServerName', SOURCE, 'ProcessName'],
    4688: ['NewProcessName', 'CommandLine', 'ParentProcessName', 'SubjectUserName'],
    4697: ['ServiceName', 'ServiceFileName', 'SubjectUserName'],
    4720: ['TargetUserName', 'SubjectUserName'],
  },
  'Service Control Manager': { 7045: ['ServiceName', 'ImagePath', 'AccountName'] },
  'Microsoft-Windows-PowerShell': { 4104: ['ScriptBlockText', 'Path'] },
};

/** How many data fields an event of a kind not listed shows. */
export const OTHER_FIELDS_SHOWN = 8;

/** The label and value of each field that matters in `record` and is present there. */
export function reportFields(record: EventRecord): [label: string, value: string][] {
  const data = record.data;
  const text = (name: string): string | undefined => {
    const value = Object.hasOwn(data, name) ? data[name] : undefined;
    return value === undefined || typeof value === 'string' ? value : value.join('; ');
  };
  const listed = FIELDS[record.provider]?.[record.eventId];
  const names = listed ?? Object.keys(data).slice(0, OTHER_FIELDS_SHOWN);
  return names.flatMap((field): [string, string][] => {
    if (typeof field === 'string') {
      const value = text(field);
      return value === undefined ? [] : [[field, value]];
    }
    // Windows writes `-` (and port 0) where an event has no address, such as a local 4625.
    const ip = given(text(field.ip));
    if (ip === undefined) return [];
    const host = ip.includes(':') ? `[${ip}]` : ip;
    const port = given(text(field.port));
    return [[field.label, port === undefined || port === '0' ? host : `${host}:${port}`]];
  });
}

/** `value`, or undefined when it is missing, empty or Windows' `-` for none. */
function given(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' || trimmed === '-' ? undefined : value;
}
