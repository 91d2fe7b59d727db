/**
 * Which decoding applies to which field: a field's name means one thing in one provider's
 * events and another elsewhere (Security 4625 Status is an NTSTATUS, 4768 Status a Kerberos
 * code, 4689 Status a process's exit code), so each rule names its provider, and its events
 * when the name alone is not enough. The first rule that matches and decodes wins.
 */
import { SECURITY_AUDITING_PROVIDER } from '../docs/providers.js';
import type { FieldValue } from '../record.js';
import { SYSMON_PROVIDER } from '../sysmon.js';
import { DS_OBJECT, decodeAccessMask, decodeProcessAccess } from './access-mask.js';
import { decodeHashes } from './hashes.js';
import { decodeIntegrityLevel, decodeMandatoryLabel } from './integrity.js';
import { decodeEncryptionType, decodeTicketOptions } from './kerberos.js';
import { decodeLogonType } from './logon-type.js';
import type { DecodedValue } from './model.js';
import { decodeSid } from './sids.js';
import { decodeKerberosResult, decodeNtStatus } from './status.js';

/** The event a field belongs to: its provider, Event ID and data fields. */
export interface DecodeContext {
  readonly provider: string;
  readonly eventId: number;
  /** The event's data fields, for decodings that depend on another field (ObjectType). */
  readonly data?: Readonly<Record<string, FieldValue>>;
}

/** The longest value any rule reads; longer text is never a code. */
export const DECODE_MAX_CHARS = 1024;

interface DecodeRule {
  /** Provider, compared without case; undefined for every provider. */
  readonly provider?: string;
  readonly eventIds?: readonly number[];
  readonly field: (name: string) => boolean;
  readonly decode: (value: string, context: DecodeContext) => DecodedValue | undefined;
}

const SECURITY = SECURITY_AUDITING_PROVIDER;
const NTSTATUS_EVENTS = [4625, 4776, 4777];
const KERBEROS_EVENTS = [4768, 4769, 4770, 4771, 4772, 4773];
const named =
  (...names: string[]) =>
  (name: string) =>
    names.includes(name);

const RULES: readonly DecodeRule[] = [
  { provider: SECURITY, field: named('LogonType'), decode: decodeLogonType },
  {
    provider: SECURITY,
    eventIds: NTSTATUS_EVENTS,
    field: named('Status', 'SubStatus'),
    decode: decodeNtStatus,
  },
  {
    provider: SECURITY,
    eventIds: KERBEROS_EVENTS,
    field: named('Status', 'FailureCode'),
    decode: decodeKerberosResult,
  },
  {
    provider: SECURITY,
    eventIds: KERBEROS_EVENTS,
    field: named('TicketOptions'),
    decode: decodeTicketOptions,
  },
  {
    provider: SECURITY,
    eventIds: KERBEROS_EVENTS,
    field: named('TicketEncryptionType'),
    decode: decodeEncryptionType,
  },
  {
    provider: SECURITY,
    field: named('AccessMask'),
    decode: (value, { data }) => decodeAccessMask(value, objectTypeOf(data)),
  },
  { provider: SECURITY, field: named('MandatoryLabel'), decode: decodeMandatoryLabel },
  { provider: SECURITY, field: (name) => name.endsWith('Sid'), decode: decodeSid },
  { provider: SYSMON_PROVIDER, field: named('GrantedAccess'), decode: decodeProcessAccess },
  { provider: SYSMON_PROVIDER, field: named('IntegrityLevel'), decode: decodeIntegrityLevel },
  { provider: SYSMON_PROVIDER, field: named('Hashes', 'Hash'), decode: decodeHashes },
  { field: named('System.UserID'), decode: decodeSid },
];

/**
 * What `value` of field `field` means in `context`'s event, or undefined when no rule decodes
 * it. Only a single value is decoded; a multi-valued field is left as it is.
 */
export function decodeField(
  context: DecodeContext,
  field: string,
  value: FieldValue,
): DecodedValue | undefined {
  if (typeof value !== 'string' || value.length > DECODE_MAX_CHARS) return undefined;
  const provider = context.provider.toLowerCase();
  for (const rule of RULES) {
    if (rule.provider !== undefined && rule.provider.toLowerCase() !== provider) continue;
    if (rule.eventIds !== undefined && !rule.eventIds.includes(context.eventId)) continue;
    if (!rule.field(field)) continue;

    const decoded = rule.decode(value, context);
    if (decoded !== undefined) return decoded;
  }
  return undefined;
}

/**
 * The kind of object an access mask is for: a directory-service object (ObjectServer `DS`,
 * whose ObjectType is a schema class GUID such as `%{bf967a86-...}`), else the ObjectType.
 */
function objectTypeOf(data: DecodeContext['data']): string | undefined {
  if (textOf(data?.['ObjectServer'])?.trim().toUpperCase() === DS_OBJECT) return DS_OBJECT;
  return textOf(data?.['ObjectType']);
}

function textOf(value: FieldValue | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
