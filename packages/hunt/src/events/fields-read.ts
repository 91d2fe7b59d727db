/**
 * The data fields the engine reads of each kind of event, for records that read their fields
 * only by name (FieldSourceRecord): the Sysmon and Security normalisation here (sysmon.ts,
 * security.ts) and the inferred coverage (sysmon-config/coverage.ts) read nothing else. A test
 * (test/events/fields-read.test.ts) records every name the engine asks a record for, over the
 * corpus and a generated log, and checks it is listed here.
 */
import type { FieldNames, RecordFacts } from '../record.js';
import { isSecurityProcessCreate } from './security.js';
import { isSysmonRecord } from './sysmon.js';

/** Read of every Sysmon event: the coverage counts RuleName, the time comes from UtcTime. */
const SYSMON_COMMON = ['RuleName', 'UtcTime'] as const;

/** The acting process of a routed Sysmon event (sysmon.ts, processRef with no prefix). */
const PROCESS = ['ProcessGuid', 'ProcessGUID', 'ProcessId', 'Image', 'User'] as const;

const PARENT = [
  'ParentProcessGuid',
  'ParentProcessGUID',
  'ParentProcessId',
  'ParentImage',
  'ParentUser',
] as const;

/** Sysmon event ID -> what sysmonActivity and the coverage read of it. */
const SYSMON_FIELDS: ReadonlyMap<number, FieldNames> = new Map<number, FieldNames>([
  [
    1,
    [
      ...SYSMON_COMMON,
      ...PROCESS,
      ...PARENT,
      'CommandLine',
      'CurrentDirectory',
      'ParentCommandLine',
      'IntegrityLevel',
      'Hashes',
      'LogonId',
      'OriginalFileName',
    ],
  ],
  [
    3,
    [
      ...SYSMON_COMMON,
      ...PROCESS,
      'Protocol',
      'Initiated',
      'SourceIp',
      'SourcePort',
      'SourceHostname',
      'DestinationIp',
      'DestinationPort',
      'DestinationHostname',
      'DestinationPortName',
    ],
  ],
  [4, [...SYSMON_COMMON, 'State', 'Version', 'SchemaVersion']],
  [7, [...SYSMON_COMMON, 'ImageLoaded']],
  [11, [...SYSMON_COMMON, ...PROCESS, 'TargetFilename', 'Hashes', 'Hash']],
  [16, [...SYSMON_COMMON, 'Configuration', 'ConfigurationFileHash']],
  [22, [...SYSMON_COMMON, ...PROCESS, 'QueryName', 'QueryResults', 'QueryStatus']],
  ...[12, 13, 14].map((eventId) => [eventId, [...SYSMON_COMMON, 'TargetObject']] as const),
  ...[15, 23, 26].map((eventId) => [eventId, [...SYSMON_COMMON, 'TargetFilename']] as const),
  ...[17, 18].map((eventId) => [eventId, [...SYSMON_COMMON, 'PipeName']] as const),
]);

/** Any other Sysmon event: its time and rule name only. */
const SYSMON_OTHER: FieldNames = SYSMON_COMMON;

/** Security 4688 (security.ts). */
const SECURITY_PROCESS_CREATE: FieldNames = [
  'NewProcessId',
  'NewProcessName',
  'TargetUserName',
  'TargetDomainName',
  'SubjectUserName',
  'SubjectDomainName',
  'ProcessId',
  'ParentProcessName',
  'CommandLine',
  'MandatoryLabel',
  'TargetLogonId',
  'SubjectLogonId',
];

const NONE: FieldNames = [];

/**
 * The names the engine may read of a record with these System facts; always the same array
 * for the same kind of event, so a source can prepare its reader once per list.
 */
export function fieldsRead(facts: RecordFacts): FieldNames {
  if (isSysmonRecord(facts)) return SYSMON_FIELDS.get(facts.eventId) ?? SYSMON_OTHER;
  return isSecurityProcessCreate(facts) ? SECURITY_PROCESS_CREATE : NONE;
}
