/**
 * How a Sigma field name reads in a source whose events name it differently. Sigma rules of
 * `process_creation` use Sysmon's names; Security 4688 writes the same facts under its own:
 *
 *   Image             <- NewProcessName
 *   ParentImage       <- ParentProcessName
 *   CommandLine       <- CommandLine (only with "include command line" auditing)
 *   ProcessId         <- NewProcessId, hexadecimal there, decimal here
 *   ParentProcessId   <- ProcessId, hexadecimal there, decimal here
 *   User              <- SubjectDomainName\SubjectUserName (the account that started it)
 *   LogonId           <- SubjectLogonId
 *   IntegrityLevel    <- MandatoryLabel, its SID named (S-1-16-12288 is High)
 *
 * Fields 4688 does not have (UNMAPPED_4688) read as absent there: a selection on them never
 * matches a 4688 event, and a filter on them never removes one.
 */
import type { FieldValue } from '@evtxhunt/hunt';

/** How one Sigma field reads: the event data names it needs, and the value made of them. */
export interface FieldReading {
  readonly names: readonly string[];
  read(data: Readonly<Record<string, FieldValue>>): FieldValue | undefined;
}

/** Sigma names that read differently in a source; `null` for names the source lacks. */
export type FieldMap = ReadonlyMap<string, FieldReading | null>;

/** Sysmon process_creation fields Security 4688 has no value for. */
export const UNMAPPED_4688 = [
  'OriginalFileName',
  'Hashes',
  'Company',
  'Description',
  'Product',
  'FileVersion',
  'CurrentDirectory',
  'ProcessGuid',
  'ParentProcessGuid',
  'ParentCommandLine',
  'ParentUser',
  'TerminalSessionId',
  'RuleName',
] as const;

/** Mandatory label SIDs and the integrity level names Sysmon writes. */
const INTEGRITY_LEVELS: ReadonlyMap<string, string> = new Map([
  ['S-1-16-0', 'Untrusted'],
  ['S-1-16-4096', 'Low'],
  ['S-1-16-8192', 'Medium'],
  ['S-1-16-8448', 'Medium'],
  ['S-1-16-12288', 'High'],
  ['S-1-16-16384', 'System'],
  ['S-1-16-20480', 'Protected'],
]);

/** The Security 4688 field map. */
export const SECURITY_4688_FIELDS: FieldMap = new Map<string, FieldReading | null>([
  ['Image', renamed('NewProcessName')],
  ['ParentImage', renamed('ParentProcessName')],
  ['ProcessId', decimal('NewProcessId')],
  ['ParentProcessId', decimal('ProcessId')],
  ['LogonId', renamed('SubjectLogonId')],
  ['User', account('SubjectDomainName', 'SubjectUserName')],
  ['IntegrityLevel', integrityLevel('MandatoryLabel')],
  ...UNMAPPED_4688.map((name) => [name, null] as const),
]);

function renamed(name: string): FieldReading {
  return { names: [name], read: (data) => own(data, name) };
}

/** A hexadecimal process id (`0x1a4`) as the decimal Sysmon writes. */
function decimal(name: string): FieldReading {
  return {
    names: [name],
    read(data) {
      const value = first(own(data, name));
      if (value === undefined || !/^0x[0-9a-f]{1,16}$/i.test(value)) return value;
      return BigInt(value).toString();
    },
  };
}

function account(domainName: string, userName: string): FieldReading {
  return {
    names: [domainName, userName],
    read(data) {
      const user = first(own(data, userName));
      const domain = first(own(data, domainName));
      if (user === undefined) return undefined;
      return domain === undefined || domain === '' ? user : `${domain}\\${user}`;
    },
  };
}

function integrityLevel(name: string): FieldReading {
  return {
    names: [name],
    read(data) {
      const sid = first(own(data, name));
      return sid === undefined ? undefined : (INTEGRITY_LEVELS.get(sid.toUpperCase()) ?? sid);
    },
  };
}

/** An own field of the data (never one of Object's prototype). */
export function own(
  data: Readonly<Record<string, FieldValue>>,
  name: string,
): FieldValue | undefined {
  return Object.hasOwn(data, name) ? data[name] : undefined;
}

function first(value: FieldValue | undefined): string | undefined {
  return typeof value === 'string' ? value : value?.[0];
}
