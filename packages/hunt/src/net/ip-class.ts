/**
 * What kind of address a connection went to: the special-purpose blocks of the IANA registries
 * (RFC 6890 and the RFCs each row names) as a table, matched by longest prefix.
 */
import { cidrContains, parseCidr, type Cidr } from './cidr.js';
import type { IpAddress } from './ip.js';

/** The class of an address. `public` is everything reachable on the internet. */
export type IpClass =
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'cgnat'
  | 'link-local'
  | 'multicast'
  | 'broadcast'
  | 'unique-local'
  | 'documentation'
  | 'benchmarking'
  | 'reserved'
  | 'public';

/** The special-purpose blocks. A `/0` row is the fallback for its version. */
const IP_CLASS_BLOCKS: readonly (readonly [block: string, ipClass: IpClass])[] = [
  ['0.0.0.0/0', 'public'],
  ['0.0.0.0/32', 'unspecified'], // RFC 1122 3.2.1.3: "this host"
  ['0.0.0.0/8', 'reserved'], // RFC 1122: "this network"
  ['10.0.0.0/8', 'private'], // RFC 1918
  ['100.64.0.0/10', 'cgnat'], // RFC 6598: shared address space for carrier-grade NAT
  ['127.0.0.0/8', 'loopback'], // RFC 1122
  ['169.254.0.0/16', 'link-local'], // RFC 3927
  ['172.16.0.0/12', 'private'], // RFC 1918
  ['192.0.0.0/24', 'reserved'], // RFC 6890: IETF protocol assignments
  ['192.0.2.0/24', 'documentation'], // RFC 5737: TEST-NET-1
  ['192.168.0.0/16', 'private'], // RFC 1918
  ['198.18.0.0/15', 'benchmarking'], // RFC 2544
  ['198.51.100.0/24', 'documentation'], // RFC 5737: TEST-NET-2
  ['203.0.113.0/24', 'documentation'], // RFC 5737: TEST-NET-3
  ['224.0.0.0/4', 'multicast'], // RFC 5771
  ['240.0.0.0/4', 'reserved'], // RFC 1112: reserved for future use
  ['255.255.255.255/32', 'broadcast'], // RFC 919: limited broadcast
  ['::/0', 'reserved'], // RFC 4291: all but 2000::/3 is unassigned or special
  ['::/128', 'unspecified'], // RFC 4291
  ['::1/128', 'loopback'], // RFC 4291
  // RFC 6052 NAT64. TODO: the embedded IPv4 address is not classified, nor are 6to4
  // (2002::/16) and Teredo (2001::/32) addresses, which also carry one; all count as public.
  ['64:ff9b::/96', 'public'],
  ['2000::/3', 'public'], // RFC 4291: global unicast
  ['2001:2::/48', 'benchmarking'], // RFC 5180
  ['2001:db8::/32', 'documentation'], // RFC 3849
  ['3fff::/20', 'documentation'], // RFC 9637
  ['fc00::/7', 'unique-local'], // RFC 4193
  ['fe80::/10', 'link-local'], // RFC 4291
  ['ff00::/8', 'multicast'], // RFC 4291
];

const BLOCKS: readonly { readonly cidr: Cidr; readonly ipClass: IpClass }[] = IP_CLASS_BLOCKS.map(
  ([block, ipClass]) => ({ cidr: requireCidr(block), ipClass }),
);

/** The most specific class the address belongs to. IPv4-mapped IPv6 classifies as IPv4. */
export function classifyIp(ip: IpAddress): IpClass {
  let best: { readonly cidr: Cidr; readonly ipClass: IpClass } | undefined;
  for (const block of BLOCKS) {
    if (!cidrContains(block.cidr, ip)) continue;
    if (best === undefined || block.cidr.prefixLength > best.cidr.prefixLength) best = block;
  }
  // Every address is inside its version's /0 row, so `best` is always set.
  return best?.ipClass ?? 'public';
}

/**
 * True for every class but `public`: traffic to such an address does not go out to the internet
 * (it stays on the host or the organisation's networks, or goes nowhere).
 */
export function isLocalClass(ipClass: IpClass): boolean {
  return ipClass !== 'public';
}

/**
 * True for the classes of the organisation's own hosts and networks: loopback, private, CGNAT,
 * link-local and unique-local. Narrower than isLocalClass: documentation, reserved, multicast,
 * broadcast and unspecified addresses are neither internal nor public.
 */
export function isInternalClass(ipClass: IpClass): boolean {
  return (
    ipClass === 'loopback' ||
    ipClass === 'private' ||
    ipClass === 'cgnat' ||
    ipClass === 'link-local' ||
    ipClass === 'unique-local'
  );
}

function requireCidr(text: string): Cidr {
  const cidr = parseCidr(text);
  if (cidr === undefined) throw new Error(`Cannot parse address class block ${text}`);
  return cidr;
}
