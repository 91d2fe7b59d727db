/**
 * Result codes of failed logons and authentications. NTSTATUS values (Security 4625 Status and
 * SubStatus, 4776 Status) from Microsoft's tables for events 4625 and 4776; Kerberos result
 * codes (4768, 4769, 4771 Status) from its tables for those events, which follow RFC 4120.
 */
import { decodedText, type DecodedValue } from './model.js';
import { readCode } from './number.js';

/** NTSTATUS codes of logon failures. */
export const NTSTATUS_CODES: ReadonlyMap<number, string> = new Map([
  [0x0, 'STATUS_SUCCESS: no error'],
  [0xc000005e, 'no logon server was available to check the logon'],
  [0xc0000064, 'no such user name'],
  [0xc000006a, 'the user name is right, the password is wrong'],
  [0xc000006d, 'bad user name or authentication information (see SubStatus)'],
  [0xc000006e, 'an account restriction stopped the logon (such as the allowed hours)'],
  [0xc000006f, 'logon outside the hours the account may log on'],
  [0xc0000070, 'logon from a workstation the account may not use'],
  [0xc0000071, 'the password has expired'],
  [0xc0000072, 'the account is disabled'],
  [0xc000009a, 'not enough system resources'],
  [0xc00000dc, 'the SAM server was in the wrong state for the operation'],
  [0xc0000133, 'the clocks of the domain controller and this computer are too far apart'],
  [0xc000015b, 'the account has not been granted this logon type on this computer'],
  [0xc000018c, 'the trust relationship between the domains failed'],
  [0xc0000192, 'the Netlogon service was not started'],
  [0xc0000193, 'the account has expired'],
  [0xc0000224, 'the password must be changed at the next logon'],
  [0xc0000225, 'a Windows fault, not a security risk in itself'],
  [0xc0000234, 'the account is locked out'],
  [0xc00002ee, 'an error occurred during logon'],
  [0xc0000371, 'the local account store holds no secret for this account'],
  [0xc0000413, 'the authentication firewall refused this account on this computer'],
]);

/** Kerberos result codes of Security 4768, 4769 and 4771. */
export const KERBEROS_RESULT_CODES: ReadonlyMap<number, string> = new Map([
  [0x0, 'KDC_ERR_NONE: success'],
  [0x1, "KDC_ERR_NAME_EXP: the client's entry in the database has expired"],
  [0x2, "KDC_ERR_SERVICE_EXP: the server's entry in the database has expired"],
  [0x3, 'KDC_ERR_BAD_PVNO: the requested Kerberos version is not supported'],
  [0x4, "KDC_ERR_C_OLD_MAST_KVNO: the client's key is encrypted in an old master key"],
  [0x5, "KDC_ERR_S_OLD_MAST_KVNO: the server's key is encrypted in an old master key"],
  [0x6, 'KDC_ERR_C_PRINCIPAL_UNKNOWN: no such user name'],
  [0x7, 'KDC_ERR_S_PRINCIPAL_UNKNOWN: no such service (server) name'],
  [0x8, 'KDC_ERR_PRINCIPAL_NOT_UNIQUE: several accounts have this name'],
  [0x9, 'KDC_ERR_NULL_KEY: the client or server has no key'],
  [0xa, 'KDC_ERR_CANNOT_POSTDATE: the ticket cannot be postdated'],
  [0xb, 'KDC_ERR_NEVER_VALID: the requested start time is after the end time'],
  [0xc, 'KDC_ERR_POLICY: a policy refused the request (such as logon restrictions)'],
  [0xd, 'KDC_ERR_BADOPTION: the server cannot grant the requested option'],
  [0xe, 'KDC_ERR_ETYPE_NOTSUPP: no encryption type in common'],
  [0xf, 'KDC_ERR_SUMTYPE_NOSUPP: the checksum type is not supported'],
  [0x10, 'KDC_ERR_PADATA_TYPE_NOSUPP: the pre-authentication type is not supported'],
  [0x12, 'KDC_ERR_CLIENT_REVOKED: the account is disabled, expired or locked out'],
  [0x17, 'KDC_ERR_KEY_EXPIRED: the password has expired'],
  [0x18, 'KDC_ERR_PREAUTH_FAILED: pre-authentication failed, usually a wrong password'],
  [0x19, 'KDC_ERR_PREAUTH_REQUIRED: pre-authentication is required'],
  [0x1b, 'KDC_ERR_MUST_USE_USER2USER: the server needs user-to-user authentication'],
  [0x1f, 'KRB_AP_ERR_BAD_INTEGRITY: the integrity check on a decrypted field failed'],
  [0x20, 'KRB_AP_ERR_TKT_EXPIRED: the ticket has expired'],
  [0x22, 'KRB_AP_ERR_REPEAT: the request is a replay'],
  [0x25, 'KRB_AP_ERR_SKEW: the clocks are too far apart'],
  [0x29, 'KRB_AP_ERR_MODIFIED: the message was modified (often a wrong service key)'],
  [0x3c, 'KRB_ERR_GENERIC: a generic error'],
  [0x44, 'KDC_ERR_WRONG_REALM: the ticket is for another realm'],
]);

/** What an NTSTATUS value means, or undefined for a code the table does not know. */
export function decodeNtStatus(value: string): DecodedValue | undefined {
  return lookUp(NTSTATUS_CODES, value);
}

/** What a Kerberos result code means, or undefined for a code the table does not know. */
export function decodeKerberosResult(value: string): DecodedValue | undefined {
  return lookUp(KERBEROS_RESULT_CODES, value);
}

function lookUp(table: ReadonlyMap<number, string>, value: string): DecodedValue | undefined {
  const code = readCode(value);
  const text = code === undefined ? undefined : table.get(code);
  return text === undefined ? undefined : decodedText(text);
}
