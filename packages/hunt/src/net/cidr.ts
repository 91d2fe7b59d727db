/**
 * Address blocks (`10.0.0.0/8`, `fe80::/10`) for allowlists and address classes. An IPv4 block
 * written in IPv4-mapped form (`::ffff:10.0.0.0/104`) is the IPv4 block `10.0.0.0/8`.
 */
import { ipFromBytes, parseIp, type IpAddress } from './ip.js';

/** A block of addresses: the network address with its host bits cleared, and the prefix. */
export interface Cidr {
  readonly network: IpAddress;
  readonly prefixLength: number;
  /** Canonical `network/prefix` text. */
  readonly text: string;
}

const PREFIX = /^(?:0|[1-9][0-9]{0,2})$/;
/** Bits before the IPv4 part of an IPv4-mapped IPv6 address. */
const MAPPED_PREFIX_BITS = 96;

/**
 * Parses `address/prefix`, or a bare address as a single-address block. Host bits set after the
 * prefix are cleared (`10.1.2.3/8` is `10.0.0.0/8`), as firewalls do. Returns undefined for
 * anything else, including zones (`fe80::%1/64`) and prefixes longer than the address.
 */
export function parseCidr(text: string): Cidr | undefined {
  const [addressText = '', prefixText, ...rest] = text.trim().split('/');
  if (rest.length > 0 || (prefixText !== undefined && !PREFIX.test(prefixText))) return undefined;

  const address = parseIp(addressText);
  if (address === undefined || address.zone !== undefined) return undefined;

  const written = prefixText === undefined ? undefined : Number(prefixText);
  const prefixLength = blockPrefix(address, written);
  if (prefixLength === undefined) return undefined;

  const network = ipFromBytes(maskBytes(address.bytes, prefixLength));
  return { network, prefixLength, text: `${network.text}/${prefixLength}` };
}

/** True when the address is inside the block; IPv4 and IPv6 blocks never contain each other. */
export function cidrContains(cidr: Cidr, ip: IpAddress): boolean {
  if (cidr.network.version !== ip.version) return false;
  return samePrefix(ip.bytes, cidr.network.bytes, cidr.prefixLength);
}

/** The prefix in the address's own version, or undefined when it does not fit. */
function blockPrefix(address: IpAddress, written: number | undefined): number | undefined {
  const bits = address.version === 4 ? 32 : 128;
  if (written === undefined) return bits;

  // A mapped address was written as 128 bits; its IPv4 part starts at bit 96.
  const prefix = address.mapped ? written - MAPPED_PREFIX_BITS : written;
  return prefix >= 0 && prefix <= bits ? prefix : undefined;
}

function maskBytes(bytes: Uint8Array, prefixLength: number): Uint8Array {
  const masked = Uint8Array.from(bytes);
  for (let index = 0; index < masked.length; index += 1) {
    const keep = Math.min(8, Math.max(0, prefixLength - index * 8));
    masked[index] = (masked[index] ?? 0) & ((0xff << (8 - keep)) & 0xff);
  }
  return masked;
}

/** True when the first `bits` bits of two equally long byte strings agree. */
function samePrefix(a: Uint8Array, b: Uint8Array, bits: number): boolean {
  const whole = bits >> 3;
  for (let index = 0; index < whole; index += 1) {
    if (a[index] !== b[index]) return false;
  }

  const rest = bits & 7;
  if (rest === 0) return true;
  const mask = (0xff << (8 - rest)) & 0xff;
  return ((a[whole] ?? 0) & mask) === ((b[whole] ?? 0) & mask);
}
