/**
 * Security log events as activities. Event 4688 (a new process was created) becomes the same
 * process start as Sysmon Event ID 1: its process ids are hexadecimal (`0x1a2c`), it names the
 * parent by path only from Windows 10 on (ParentProcessName), and it has no ProcessGuid.
 */
import type { EventRecord, RecordFacts } from '../record.js';
import type { ProcessStart } from './activity.js';
import { FieldReader, defined } from './fields.js';
import { parseIsoTime } from './time.js';

/** The provider of the Security log's audit events. */
export const SECURITY_AUDITING_PROVIDER = 'Microsoft-Windows-Security-Auditing';

/** Security Event ID 4688: a new process has been created. */
export const SECURITY_PROCESS_CREATE = 4688;

/** True for a Security 4688 record. */
export function isSecurityProcessCreate(record: RecordFacts): boolean {
  const security = record.provider === SECURITY_AUDITING_PROVIDER || record.channel === 'Security';
  return security && record.eventId === SECURITY_PROCESS_CREATE;
}

/** The process start a Security 4688 record describes; undefined when it has no time. */
export function securityProcessStart(record: EventRecord): ProcessStart | undefined {
  const time = parseIsoTime(record.timeCreated);
  if (time === undefined) return undefined;

  const fields = new FieldReader(record);
  const { recordId, eventId, provider } = record;
  return {
    kind: 'process-start',
    origin: 'security',
    computer: record.computer,
    time,
    source: {
      recordId,
      eventId,
      provider,
      ...defined({ file: record.file, recovered: record.recovered === true || undefined }),
    },
    process: defined({
      pid: fields.integer('NewProcessId'),
      image: fields.text('NewProcessName'),
      user: accountName(fields, 'Target') ?? accountName(fields, 'Subject'),
    }),
    parent: defined({
      pid: fields.integer('ProcessId'),
      image: fields.text('ParentProcessName'),
      user: accountName(fields, 'Subject'),
    }),
    ...defined({
      commandLine: fields.text('CommandLine'),
      integrityLevel: integrityLevel(fields.text('MandatoryLabel')),
      logonId: fields.text('TargetLogonId') ?? fields.text('SubjectLogonId'),
    }),
  };
}

/**
 * `DOMAIN\user` from the `<prefix>DomainName` and `<prefix>UserName` fields. Windows writes
 * `-` and a null SID in the Target fields when the new process runs as its creator.
 */
function accountName(fields: FieldReader, prefix: 'Subject' | 'Target'): string | undefined {
  const user = fields.text(`${prefix}UserName`);
  if (user === undefined) return undefined;

  const domain = fields.text(`${prefix}DomainName`);
  return domain === undefined ? user : `${domain}\\${user}`;
}

/** Sysmon's words for the mandatory-label SIDs Security writes (S-1-16-*). */
const INTEGRITY_LEVELS: Readonly<Record<string, string>> = {
  'S-1-16-0': 'Untrusted',
  'S-1-16-4096': 'Low',
  'S-1-16-8192': 'Medium',
  'S-1-16-8448': 'MediumPlus',
  'S-1-16-12288': 'High',
  'S-1-16-16384': 'System',
  'S-1-16-20480': 'Protected',
};

function integrityLevel(label: string | undefined): string | undefined {
  return label === undefined ? undefined : (INTEGRITY_LEVELS[label.toUpperCase()] ?? label);
}
