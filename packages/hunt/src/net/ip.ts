/**
 * IP addresses as the logs write them, parsed into bytes so that spellings compare as addresses:
 * `0:0:0:0:0:0:0:1` is `::1`, and `::ffff:10.0.0.1` is `10.0.0.1`. Sysmon writes `-` or nothing
 * when it has no address; both parse to undefined, as does anything that is not an address.
 *
 * TODO: an address with a port (`219.100.37.243:63913`, as some Security events write
 * IpAddress, or `[::1]:443`) parses to undefined; splitting the port off is not done here.
 */

/** 4 for IPv4, 6 for IPv6. An IPv4-mapped IPv6 address is version 4. */
export type IpVersion = 4 | 6;

/** One parsed address. Compare with `sameIp` or by `text`; never by the string from the log. */
export interface IpAddress {
  readonly version: IpVersion;
  /** Canonical text, the equality and grouping key: dotted decimal, or RFC 5952 IPv6. */
  readonly text: string;
  /** 4 or 16 bytes in network order. Shared: do not modify. */
  readonly bytes: Uint8Array;
  /** True when the log wrote an IPv4 address in IPv4-mapped IPv6 form (`::ffff:1.2.3.4`). */
  readonly mapped: boolean;
  /** The IPv6 zone (`12` in `fe80::1%12`); kept aside, never part of `text` or equality. */
  readonly zone?: string;
}

/** Longest text parseIp looks at; a longer field is not an address (the longest is ~110). */
export const IP_TEXT_LIMIT = 128;

const IPV4_MAPPED_PREFIX = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];
const ZONE = /^[0-9A-Za-z_.-]{1,64}$/;
const HEX_GROUP = /^[0-9A-Fa-f]{1,4}$/;
/** Decimal 0-255 without leading zeros: `010` is rejected because tools disagree on octal. */
const OCTET = /^(?:0|[1-9][0-9]{0,2})$/;

/**
 * Parses an IPv4 dotted quad or an IPv6 address (full, compressed, with an IPv4 tail, with a zone
 * `%id`, or in brackets `[::1]`). Returns undefined for `-`, empty text and anything else.
 * IPv4 octets with leading zeros (`010.0.0.1`) and short forms (`127.1`) are rejected: Windows
 * never writes them, and other tools read them as octal or fill in zeros, so they are ambiguous.
 */
export function parseIp(text: string): IpAddress | undefined {
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > IP_TEXT_LIMIT) return undefined;

  const inner = unbracket(trimmed);
  if (inner === undefined) return undefined;

  if (!inner.includes(':')) {
    const bytes = parseIpv4Bytes(inner);
    return bytes === undefined ? undefined : ipFromBytes(bytes);
  }
  return parseIpv6(inner);
}

/** True when both texts parse and are the same address (zones are ignored). */
export function sameIp(a: IpAddress | string, b: IpAddress | string): boolean {
  const left = typeof a === 'string' ? parseIp(a) : a;
  const right = typeof b === 'string' ? parseIp(b) : b;
  return left !== undefined && right !== undefined && left.text === right.text;
}

/**
 * Builds an address from 4 or 16 bytes. Sixteen bytes of the form ::ffff:a.b.c.d become the
 * IPv4 address a.b.c.d with `mapped` set. Throws on any other length.
 */
export function ipFromBytes(bytes: Uint8Array, zone?: string): IpAddress {
  if (bytes.length === 4) {
    return { version: 4, text: bytes.join('.'), bytes: Uint8Array.from(bytes), mapped: false };
  }
  if (bytes.length !== 16) {
    throw new RangeError(`Cannot build an IP address from ${bytes.length} bytes: expected 4 or 16`);
  }

  if (IPV4_MAPPED_PREFIX.every((byte, index) => bytes[index] === byte)) {
    const ipv4 = bytes.slice(12);
    return { version: 4, text: ipv4.join('.'), bytes: ipv4, mapped: true };
  }
  const address = { version: 6, text: formatIpv6(bytes), bytes: Uint8Array.from(bytes) } as const;
  return zone === undefined ? { ...address, mapped: false } : { ...address, mapped: false, zone };
}

function unbracket(text: string): string | undefined {
  if (!text.startsWith('[')) return text.includes(']') ? undefined : text;
  return text.endsWith(']') ? text.slice(1, -1) : undefined;
}

function parseIpv4Bytes(text: string): Uint8Array | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((part) => OCTET.test(part))) return undefined;

  const values = parts.map(Number);
  return values.every((value) => value <= 255) ? Uint8Array.from(values) : undefined;
}

function parseIpv6(text: string): IpAddress | undefined {
  const percent = text.indexOf('%');
  const zone = percent === -1 ? undefined : text.slice(percent + 1);
  if (zone !== undefined && !ZONE.test(zone)) return undefined;

  const groups = parseIpv6Groups(percent === -1 ? text : text.slice(0, percent));
  if (groups === undefined) return undefined;

  const bytes = new Uint8Array(16);
  groups.forEach((group, index) => {
    bytes[index * 2] = group >> 8;
    bytes[index * 2 + 1] = group & 0xff;
  });
  return ipFromBytes(bytes, zone);
}

/** The eight 16-bit groups, with `::` expanded and an IPv4 tail read as two groups. */
function parseIpv6Groups(text: string): number[] | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;

  const head = readGroups(halves[0] ?? '', halves.length === 1);
  const tail = halves.length === 2 ? readGroups(halves[1] ?? '', true) : [];
  if (head === undefined || tail === undefined) return undefined;

  if (halves.length === 1) return head.length === 8 ? head : undefined;
  // `::` stands for at least one zero group.
  const missing = 8 - head.length - tail.length;
  return missing >= 1 ? [...head, ...new Array<number>(missing).fill(0), ...tail] : undefined;
}

/** Colon-separated hex groups; the last may be an IPv4 dotted quad when `tailAllowed`. */
function readGroups(text: string, tailAllowed: boolean): number[] | undefined {
  if (text === '') return [];

  const parts = text.split(':');
  const last = parts[parts.length - 1] ?? '';
  const ipv4 = tailAllowed && last.includes('.') ? parseIpv4Bytes(last) : undefined;
  if (last.includes('.') && ipv4 === undefined) return undefined;

  const hex = ipv4 === undefined ? parts : parts.slice(0, -1);
  if (!hex.every((part) => HEX_GROUP.test(part))) return undefined;

  const groups = hex.map((part) => parseInt(part, 16));
  if (ipv4 === undefined) return groups;
  return [
    ...groups,
    ((ipv4[0] ?? 0) << 8) | (ipv4[1] ?? 0),
    ((ipv4[2] ?? 0) << 8) | (ipv4[3] ?? 0),
  ];
}

/** RFC 5952: lowercase, no leading zeros, the longest run of two or more zero groups as `::`. */
function formatIpv6(bytes: Uint8Array): string {
  const groups: number[] = [];
  for (let index = 0; index < 16; index += 2) {
    groups.push(((bytes[index] ?? 0) << 8) | (bytes[index + 1] ?? 0));
  }

  const run = longestZeroRun(groups);
  const hex = groups.map((group) => group.toString(16));
  if (run.length < 2) return hex.join(':');
  const head = hex.slice(0, run.start).join(':');
  const tail = hex.slice(run.start + run.length).join(':');
  return `${head}::${tail}`;
}

/** The first longest run of zero groups. */
function longestZeroRun(groups: readonly number[]): { start: number; length: number } {
  let best = { start: 0, length: 0 };
  let start = -1;
  for (let index = 0; index <= groups.length; index += 1) {
    if (index < groups.length && groups[index] === 0) {
      if (start === -1) start = index;
      continue;
    }
    if (start !== -1 && index - start > best.length) best = { start, length: index - start };
    start = -1;
  }
  return best;
}
