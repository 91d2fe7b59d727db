/**
 * The EventData field names Sysmon writes, per Event ID, in the order it writes them, with the
 * schema version that added each one. Facts from the schema manifests in Sysinternals/
 * SysmonCommon `manifest.xml` (schemas 3.3 to 4.81), checked against the real logs of the
 * shared corpus (test/docs/fixtures/corpus-fields.json). Event IDs 27-29 are not in that file:
 * Event 27's fields come from a real log, 28's and 29's from public parsers of those events.
 * TODO: the schema versions given for 27, 28 and 29 (4.82, 4.83, 4.90, from the Sysmon 14.0,
 * 14.1 and 15.0 releases) are not checked against a manifest; a log of an older 4.8x schema
 * that carries them would be reported as too old for them. Other code uses this to warn about misspelt
 * field names, so the names are exact, case included (Event 10 says SourceProcessGUID).
 *
 * Schema versions are compared as decimals: "4.2" and "4.20" are the same version, before 4.21.
 * TODO: schemas before 3.30 are not modelled. Schema 3.2 wrote the registry EventType after
 * Image and SignatureStatus before Signature, 3.10 had no Events 11-21, and 2.0 started every
 * event with SequenceNumber; logs that old are described as if they were 3.30.
 */

/** One field and the schema version that first wrote it (absent: the event's own version). */
export interface SysmonField {
  readonly name: string;
  readonly since?: string;
}

/** The fields of one Sysmon Event ID. */
export interface SysmonEventFields {
  readonly eventId: number;
  /** The schema version that introduced the event. */
  readonly since: string;
  readonly fields: readonly SysmonField[];
}

/** The oldest schema version described here. */
export const OLDEST_SYSMON_SCHEMA = '3.30';

/** The newest schema version described here (Sysmon 15). */
export const NEWEST_SYSMON_SCHEMA = '4.90';

const RULE_NAME = { name: 'RuleName', since: '4.10' };
const USER_480 = { name: 'User', since: '4.80' };
const PE_VERSION_INFO = ['FileVersion', 'Description', 'Product', 'Company'].map((name) => ({
  name,
  since: '4.00',
}));
const ORIGINAL_FILE_NAME = { name: 'OriginalFileName', since: '4.21' };
const PROCESS = names('UtcTime', 'ProcessGuid', 'ProcessId');
const REGISTRY = [RULE_NAME, ...names('EventType', ...PROCESS.map((f) => f.name), 'Image')];
const PIPE = [
  RULE_NAME,
  { name: 'EventType', since: '4.21' },
  ...PROCESS,
  ...names('PipeName', 'Image'),
  USER_480,
];
const FILE_BLOCK = names('RuleName', ...PROCESS.map((f) => f.name), 'User', 'Image');

/** Every Sysmon Event ID (1-29 and 255) with its field names. */
export const SYSMON_EVENT_FIELDS: ReadonlyMap<number, SysmonEventFields> = new Map(
  [
    event(1, OLDEST_SYSMON_SCHEMA, [
      RULE_NAME,
      ...PROCESS,
      ...names('Image'),
      ...PE_VERSION_INFO,
      ORIGINAL_FILE_NAME,
      ...names('CommandLine', 'CurrentDirectory', 'User', 'LogonGuid', 'LogonId'),
      ...names('TerminalSessionId', 'IntegrityLevel', 'Hashes', 'ParentProcessGuid'),
      ...names('ParentProcessId', 'ParentImage', 'ParentCommandLine'),
      { name: 'ParentUser', since: '4.80' },
    ]),
    event(2, OLDEST_SYSMON_SCHEMA, [
      RULE_NAME,
      ...PROCESS,
      ...names('Image', 'TargetFilename', 'CreationUtcTime', 'PreviousCreationUtcTime'),
      USER_480,
    ]),
    event(3, OLDEST_SYSMON_SCHEMA, [
      RULE_NAME,
      ...PROCESS,
      ...names('Image', 'User', 'Protocol', 'Initiated', 'SourceIsIpv6', 'SourceIp'),
      ...names('SourceHostname', 'SourcePort', 'SourcePortName', 'DestinationIsIpv6'),
      ...names('DestinationIp', 'DestinationHostname', 'DestinationPort', 'DestinationPortName'),
    ]),
    event(4, OLDEST_SYSMON_SCHEMA, names('UtcTime', 'State', 'Version', 'SchemaVersion')),
    event(5, OLDEST_SYSMON_SCHEMA, [RULE_NAME, ...PROCESS, ...names('Image'), USER_480]),
    event(6, OLDEST_SYSMON_SCHEMA, [
      RULE_NAME,
      ...names('UtcTime', 'ImageLoaded', 'Hashes', 'Signed', 'Signature', 'SignatureStatus'),
    ]),
    event(7, OLDEST_SYSMON_SCHEMA, [
      RULE_NAME,
      ...PROCESS,
      ...names('Image', 'ImageLoaded'),
      ...PE_VERSION_INFO,
      ORIGINAL_FILE_NAME,
      ...names('Hashes', 'Signed', 'Signature', 'SignatureStatus'),
      USER_480,
    ]),
    event(8, OLDEST_SYSMON_SCHEMA, [
      RULE_NAME,
      ...names('UtcTime', 'SourceProcessGuid', 'SourceProcessId', 'SourceImage'),
      ...names('TargetProcessGuid', 'TargetProcessId', 'TargetImage', 'NewThreadId'),
      ...names('StartAddress', 'StartModule', 'StartFunction'),
      { name: 'SourceUser', since: '4.80' },
      { name: 'TargetUser', since: '4.80' },
    ]),
    event(9, OLDEST_SYSMON_SCHEMA, [RULE_NAME, ...PROCESS, ...names('Image', 'Device'), USER_480]),
    event(10, OLDEST_SYSMON_SCHEMA, [
      RULE_NAME,
      ...names('UtcTime', 'SourceProcessGUID', 'SourceProcessId', 'SourceThreadId'),
      ...names('SourceImage', 'TargetProcessGUID', 'TargetProcessId', 'TargetImage'),
      ...names('GrantedAccess', 'CallTrace'),
      { name: 'SourceUser', since: '4.80' },
      { name: 'TargetUser', since: '4.80' },
    ]),
    event(11, OLDEST_SYSMON_SCHEMA, [
      RULE_NAME,
      ...PROCESS,
      ...names('Image', 'TargetFilename', 'CreationUtcTime'),
      USER_480,
    ]),
    event(12, OLDEST_SYSMON_SCHEMA, [...REGISTRY, ...names('TargetObject'), USER_480]),
    event(13, OLDEST_SYSMON_SCHEMA, [...REGISTRY, ...names('TargetObject', 'Details'), USER_480]),
    event(14, OLDEST_SYSMON_SCHEMA, [...REGISTRY, ...names('TargetObject', 'NewName'), USER_480]),
    event(15, OLDEST_SYSMON_SCHEMA, [
      RULE_NAME,
      ...PROCESS,
      ...names('Image', 'TargetFilename', 'CreationUtcTime', 'Hash'),
      { name: 'Contents', since: '4.31' },
      USER_480,
    ]),
    event(16, OLDEST_SYSMON_SCHEMA, names('UtcTime', 'Configuration', 'ConfigurationFileHash')),
    event(17, OLDEST_SYSMON_SCHEMA, PIPE),
    event(18, OLDEST_SYSMON_SCHEMA, PIPE),
    event(19, '3.40', [RULE_NAME, ...wmi('EventNamespace', 'Name', 'Query')]),
    event(20, '3.40', [RULE_NAME, ...wmi('Name', 'Type', 'Destination')]),
    event(21, '3.40', [RULE_NAME, ...wmi('Consumer', 'Filter')]),
    event(22, '4.21', [
      ...names('RuleName', ...PROCESS.map((f) => f.name), 'QueryName', 'QueryStatus'),
      ...names('QueryResults', 'Image'),
      USER_480,
    ]),
    event(23, '4.30', [
      ...FILE_BLOCK,
      ...names('TargetFilename', 'Hashes', 'IsExecutable', 'Archived'),
    ]),
    event(24, '4.40', [
      ...names('RuleName', ...PROCESS.map((f) => f.name), 'Image', 'Session', 'ClientInfo'),
      ...names('Hashes', 'Archived'),
      USER_480,
    ]),
    event(25, '4.50', [
      ...names('RuleName', ...PROCESS.map((f) => f.name), 'Image', 'Type'),
      USER_480,
    ]),
    event(26, '4.60', [...FILE_BLOCK, ...names('TargetFilename', 'Hashes', 'IsExecutable')]),
    event(27, '4.82', [...FILE_BLOCK, ...names('TargetFilename', 'Hashes')]),
    event(28, '4.83', [...FILE_BLOCK, ...names('TargetFilename', 'Hashes', 'IsExecutable')]),
    event(29, '4.90', [...FILE_BLOCK, ...names('TargetFilename', 'Hashes')]),
    event(255, OLDEST_SYSMON_SCHEMA, names('UtcTime', 'ID', 'Description')),
  ].map((entry) => [entry.eventId, entry]),
);

/**
 * The field names a Sysmon event carries, in order. With a schema version (Event 4's
 * SchemaVersion, such as "4.90"), only the fields that version wrote; without one, every field
 * any version wrote. Undefined for an Event ID Sysmon does not have, or a schema version older
 * than the event, or one that is not a version number.
 */
export function sysmonFieldNames(
  eventId: number,
  schemaVersion?: string,
): readonly string[] | undefined {
  const entry = SYSMON_EVENT_FIELDS.get(eventId);
  if (entry === undefined) return undefined;
  if (schemaVersion === undefined) return entry.fields.map((field) => field.name);

  const version = schemaNumber(schemaVersion);
  if (version === undefined || compareSchemaVersions(schemaVersion, entry.since) < 0) {
    return undefined;
  }
  return entry.fields
    .filter(
      (field) =>
        field.since === undefined || compareSchemaVersions(field.since, schemaVersion) <= 0,
    )
    .map((field) => field.name);
}

/** True when some Sysmon schema writes `name` (exact case) in events with this ID. */
export function isSysmonFieldName(eventId: number, name: string): boolean {
  const entry = SYSMON_EVENT_FIELDS.get(eventId);
  return entry !== undefined && entry.fields.some((field) => field.name === name);
}

/**
 * Orders schema versions as decimals ("4.2" equals "4.20", both before "4.21"). Text that is not
 * a version sorts after every version, and equal to other such text.
 */
export function compareSchemaVersions(a: string, b: string): number {
  const left = schemaNumber(a);
  const right = schemaNumber(b);
  if (left === undefined || right === undefined) {
    return (left === undefined ? 1 : 0) - (right === undefined ? 1 : 0);
  }
  return left - right;
}

function schemaNumber(version: string): number | undefined {
  return /^\d{1,2}\.\d{1,2}$/.test(version.trim()) ? Number(version.trim()) : undefined;
}

function event(eventId: number, since: string, fields: readonly SysmonField[]): SysmonEventFields {
  return { eventId, since, fields };
}

function names(...fieldNames: readonly string[]): SysmonField[] {
  return fieldNames.map((name) => ({ name }));
}

/** The WMI events' shared head (EventType, UtcTime, Operation, User) and their own fields. */
function wmi(...own: readonly string[]): SysmonField[] {
  return names('EventType', 'UtcTime', 'Operation', 'User', ...own);
}
