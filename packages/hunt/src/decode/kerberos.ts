/**
 * Kerberos ticket options and encryption types (Security 4768 and 4769 TicketOptions and
 * TicketEncryptionType), from Microsoft's tables for those events. Ticket options number their
 * bits from the most significant, as RFC 4120 does: bit 1 (Forwardable) is 0x40000000.
 */
import { flagNames, msbFirst, type FlagName } from './flags.js';
import { decodedText, type DecodedValue } from './model.js';
import { readCode } from './number.js';

/** Named ticket option bits, by their RFC 4120 number. */
const TICKET_OPTION_BITS: readonly (readonly [number, string])[] = [
  [0, 'Reserved'],
  [1, 'Forwardable'],
  [2, 'Forwarded'],
  [3, 'Proxiable'],
  [4, 'Proxy'],
  [5, 'Allow-postdate'],
  [6, 'Postdated'],
  [7, 'Invalid'],
  [8, 'Renewable'],
  [9, 'Initial'],
  [10, 'Pre-authent'],
  [11, 'Opt-hardware-auth'],
  [12, 'Transited-policy-checked'],
  [13, 'Ok-as-delegate'],
  [14, 'Request-anonymous'],
  [15, 'Name-canonicalize'],
  [26, 'Disable-transited-check'],
  [27, 'Renewable-ok'],
  [28, 'Enc-tkt-in-skey'],
  [30, 'Renew'],
  [31, 'Validate'],
];

/** The ticket option bits as masks. */
export const TICKET_OPTIONS: readonly FlagName[] = TICKET_OPTION_BITS.map(([bit, name]) => ({
  mask: msbFirst(bit),
  name,
}));

/** Kerberos encryption type numbers. */
export const ENCRYPTION_TYPES: ReadonlyMap<number, string> = new Map([
  [0x1, 'DES-CBC-CRC (weak, off by default since Windows 7)'],
  [0x3, 'DES-CBC-MD5 (weak, off by default since Windows 7)'],
  [0x11, 'AES128-CTS-HMAC-SHA1-96'],
  [0x12, 'AES256-CTS-HMAC-SHA1-96'],
  [0x17, 'RC4-HMAC (weak; what Kerberoasting asks for)'],
  [0x18, 'RC4-HMAC-EXP (weak)'],
  [0xffffffff, 'none: the request failed'],
]);

/** The options a TicketOptions value sets, or undefined when it is not a number. */
export function decodeTicketOptions(value: string): DecodedValue | undefined {
  const code = readCode(value);
  return code === undefined ? undefined : flagNames(code, TICKET_OPTIONS, 'no options');
}

/** The encryption a TicketEncryptionType value names, or undefined when the table has none. */
export function decodeEncryptionType(value: string): DecodedValue | undefined {
  const code = readCode(value);
  const text = code === undefined ? undefined : ENCRYPTION_TYPES.get(code);
  return text === undefined ? undefined : decodedText(text);
}
