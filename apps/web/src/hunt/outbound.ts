/**
 * The outbound-connections pivot over store rows: Sysmon Event ID 3 records this host initiated,
 * grouped by Image and DestinationIp exactly as `evtxhunt pivot` groups them (the values as
 * logged, the first and last time from UtcTime, else TimeCreated), with each group's address
 * class and the store rows behind it for the drill-down. It reads cells, never builds records.
 * The names queried in DNS come from the hunt engine's own pivot (see queriedNamesOf).
 */
import {
  PIVOT_VALUE_LIMIT,
  SYSMON_NETWORK_CONNECT,
  SYSMON_PROVIDER,
  classifyIp,
  isReportedHostname,
  parseIp,
  parseSysmonUtc,
  type IpClass,
  type NetworkPivotRow,
} from '@evtxhunt/hunt';

import type { DataFrame } from '../store/frame.js';

/** One program and one address it connected to. */
export interface OutboundGroup {
  readonly image: string;
  readonly destinationIp: string;
  /** The address class (public, private, loopback, ...); undefined when it is not an address. */
  readonly ipClass: IpClass | undefined;
  readonly count: number;
  /** Distinct DestinationPort values in numeric order, and DestinationHostname values. */
  readonly ports: readonly string[];
  readonly hostnames: readonly string[];
  readonly computers: readonly string[];
  /** ISO-8601 UTC; undefined when no row had a time. */
  readonly firstSeen: string | undefined;
  readonly lastSeen: string | undefined;
  /** The store rows of the group, in the order they were added. */
  readonly rows: Uint32Array;
}

interface Group {
  readonly image: string;
  readonly destinationIp: string;
  readonly ports: Set<string>;
  readonly hostnames: Set<string>;
  readonly computers: Set<string>;
  readonly rows: number[];
  firstSeen: string | undefined;
  lastSeen: string | undefined;
}

/** True when row `row` is a Sysmon Event ID 3 this host initiated (`Initiated` true). */
export function isInitiatedConnection(frame: Pick<DataFrame, 'cell'>, row: number): boolean {
  if (frame.cell(row, 'eventId') !== String(SYSMON_NETWORK_CONNECT)) return false;
  if (frame.cell(row, 'provider') !== SYSMON_PROVIDER) return false;
  return frame.cell(row, 'Initiated')?.toLowerCase() === 'true';
}

/**
 * Groups rows as they are offered; result() may be called at any time. TODO: a field that repeats
 * in one event (never seen in Sysmon 3) is read as the store's cell, its values joined with "; ",
 * where `evtxhunt pivot` groups by the first value and lists each port; reading one value of a
 * cell needs a store accessor that does not exist yet.
 */
export class OutboundPivot {
  readonly #frame: Pick<DataFrame, 'cell'>;
  readonly #groups = new Map<string, Group>();
  #connections = 0;

  constructor(frame: Pick<DataFrame, 'cell'>) {
    this.#frame = frame;
  }

  /** Rows taken so far. */
  get connections(): number {
    return this.#connections;
  }

  /** Takes `row` into its group when it is an initiated connection; returns whether it did. */
  add(row: number): boolean {
    if (!isInitiatedConnection(this.#frame, row)) return false;

    this.#connections++;
    const cell = (key: string) => this.#frame.cell(row, key);
    const group = this.#groupFor(cell('Image') ?? '', cell('DestinationIp') ?? '');
    group.rows.push(row);
    addBounded(group.ports, cell('DestinationPort'));
    const hostname = cell('DestinationHostname');
    if (isReportedHostname(hostname)) addBounded(group.hostnames, hostname);
    addBounded(group.computers, cell('computer'));

    const time = parseSysmonUtc(cell('UtcTime'))?.iso ?? cell('timeCreated');
    widen(group, time);
    return true;
  }

  /** The groups, most connections first, then by Image and address in code-unit order. */
  result(): OutboundGroup[] {
    return [...this.#groups.values()].map(finished).sort(compareGroups);
  }

  #groupFor(image: string, destinationIp: string): Group {
    // NUL cannot appear in a rendered field value, so it separates the two parts unambiguously.
    const key = `${image}\u0000${destinationIp}`;
    let group = this.#groups.get(key);
    if (group === undefined) {
      group = newGroup(image, destinationIp);
      this.#groups.set(key, group);
    }
    return group;
  }
}

function newGroup(image: string, destinationIp: string): Group {
  const sets = {
    ports: new Set<string>(),
    hostnames: new Set<string>(),
    computers: new Set<string>(),
  };
  return { image, destinationIp, ...sets, rows: [], firstSeen: undefined, lastSeen: undefined };
}

function addBounded(set: Set<string>, value: string | undefined): void {
  if (value !== undefined && set.size < PIVOT_VALUE_LIMIT) set.add(value);
}

function widen(group: Group, time: string | undefined): void {
  if (time === undefined) return;

  // Fixed-width ISO-8601 UTC text orders the same as the instants it names.
  if (group.firstSeen === undefined || time < group.firstSeen) group.firstSeen = time;
  if (group.lastSeen === undefined || time > group.lastSeen) group.lastSeen = time;
}

function finished(group: Group): OutboundGroup {
  const ip = parseIp(group.destinationIp);
  return {
    image: group.image,
    destinationIp: group.destinationIp,
    ipClass: ip === undefined ? undefined : classifyIp(ip),
    count: group.rows.length,
    ports: [...group.ports].sort(comparePorts),
    hostnames: [...group.hostnames].sort(compareText),
    computers: [...group.computers].sort(compareText),
    firstSeen: group.firstSeen,
    lastSeen: group.lastSeen,
    rows: Uint32Array.from(group.rows),
  };
}

function compareGroups(a: OutboundGroup, b: OutboundGroup): number {
  if (a.count !== b.count) return b.count - a.count;
  return compareText(a.image, b.image) || compareText(a.destinationIp, b.destinationIp);
}

/** Numeric order for port numbers; anything else after them, as text. */
function comparePorts(a: string, b: string): number {
  const x = /^\d+$/.test(a) ? Number(a) : Number.NaN;
  const y = /^\d+$/.test(b) ? Number(b) : Number.NaN;
  if (Number.isNaN(x) !== Number.isNaN(y)) return Number.isNaN(x) ? 1 : -1;
  return (Number.isNaN(x) ? 0 : x - y) || compareText(a, b);
}

/** Code-unit order: the same on every machine, unlike localeCompare. */
function compareText(a: string, b: string): number {
  return a === b ? 0 : a < b ? -1 : 1;
}

/** Looks up the DNS names the engine saw resolve to an address, per computer and image. */
export type QueriedNames = (group: OutboundGroup) => readonly string[];

/**
 * The queried names of the engine's pivot, found for a group by computer, image (ignoring
 * case, as the engine groups) and the address in canonical form.
 */
export function queriedNamesOf(pivot: readonly NetworkPivotRow[]): QueriedNames {
  const names = new Map<string, readonly string[]>();
  for (const row of pivot) {
    if (row.queriedNames.length === 0) continue;
    names.set(engineKey(row.computer, row.image, row.destinationIp), row.queriedNames);
  }
  return (group) => {
    const ip = parseIp(group.destinationIp)?.text ?? group.destinationIp;
    const found = group.computers.flatMap(
      (computer) => names.get(engineKey(computer, group.image, ip)) ?? [],
    );
    return [...new Set(found)].sort(compareText);
  };
}

function engineKey(computer: string, image: string, ip: string): string {
  return `${computer}\u0000${image.toLowerCase()}\u0000${ip}`;
}
