/**
 * The hunt report's pivot: outbound connections by Computer, Image and DestinationIp, with the
 * ports, reverse-lookup host names and resolved DNS names of each group.
 */
import type { NetworkPivotRow } from '../findings/report.js';
import type { ConnectionSeries } from './connections.js';
import type { DnsResolutions } from './dns.js';

interface Row {
  computer: string;
  image: string;
  destinationIp: string;
  ipClass: string;
  count: number;
  ports: Set<number>;
  hostnames: Set<string>;
  firstSeen: string;
  lastSeen: string;
}

/** Outbound series merged per (Computer, Image, DestinationIp), most connections first. */
export function networkPivot(
  series: Iterable<ConnectionSeries>,
  dns: DnsResolutions,
): NetworkPivotRow[] {
  const rows = new Map<string, Row>();
  for (const one of series) {
    if (!one.initiated) continue;
    const key = [one.computer, one.image.toLowerCase(), one.remoteIp].join('|');
    const row = rows.get(key) ?? newRow(one);
    rows.set(key, row);
    merge(row, one);
  }

  return [...rows.values()]
    .map((row) => finished(row, dns))
    .sort((a, b) => b.count - a.count || (a.firstSeen < b.firstSeen ? -1 : 1));
}

function newRow(series: ConnectionSeries): Row {
  return {
    computer: series.computer,
    image: series.image,
    destinationIp: series.remoteIp,
    ipClass: series.remoteClass,
    count: 0,
    ports: new Set(),
    hostnames: new Set(),
    firstSeen: series.firstSeen,
    lastSeen: series.lastSeen,
  };
}

function merge(row: Row, series: ConnectionSeries): void {
  row.count += series.count;
  if (series.destinationPort !== undefined) row.ports.add(series.destinationPort);
  for (const name of series.hostnames) row.hostnames.add(name);
  if (series.firstSeen < row.firstSeen) row.firstSeen = series.firstSeen;
  if (series.lastSeen > row.lastSeen) row.lastSeen = series.lastSeen;
}

function finished(row: Row, dns: DnsResolutions): NetworkPivotRow {
  return {
    ...row,
    ports: [...row.ports].sort((a, b) => a - b),
    hostnames: [...row.hostnames].sort(),
    queriedNames: dns.namesFor(row.computer, row.destinationIp),
  };
}
