/**
 * Pivots: group records by a list of fields and keep, per group, a count, the destination ports
 * and host names seen, and the first and last time. The accumulator keeps sets, never records,
 * so memory grows with the number of groups however many records stream through it.
 *
 * A record's time is Sysmon's own UtcTime when it has one (when the event happened, as the hunt
 * and the timeline use it), else System/TimeCreated (when it was written to the log).
 */
import { parseSysmonUtc } from './events/time.js';
import { firstFieldValue, fieldValues } from './fields.js';
import type { EventRecord } from './record.js';
import { isInitiatedNetworkConnect, isReportedHostname } from './sysmon.js';

/** The fields a pivot groups by when none are given: which program talked to which address. */
export const DEFAULT_PIVOT_FIELDS: readonly string[] = ['Image', 'DestinationIp'];

/** Distinct ports or host names kept per group; past this a group is marked truncated. */
export const PIVOT_VALUE_LIMIT = 1000;

/** What a pivot groups by and which records it takes. */
export interface PivotOptions {
  /** Field names (System or data) to group by; defaults to DEFAULT_PIVOT_FIELDS. */
  readonly by?: readonly string[];
  /** Which records count; defaults to Sysmon Event ID 3 connections this host initiated. */
  readonly select?: (record: EventRecord) => boolean;
}

/** One group of a pivot's result. */
export interface PivotRow {
  /** The group's value of each `by` field, in order; `''` where a record had no such field. */
  readonly key: readonly string[];
  readonly count: number;
  /** Distinct DestinationPort values, in numeric order. */
  readonly ports: readonly string[];
  /** Distinct DestinationHostname values that name a host, in sorted order. */
  readonly hostnames: readonly string[];
  /**
   * Earliest and latest time (ISO-8601 UTC, seven fraction digits): Sysmon's UtcTime where the
   * record has one, else timeCreated; undefined when no record had either.
   */
  readonly firstSeen: string | undefined;
  readonly lastSeen: string | undefined;
  /** Present when distinct ports past PIVOT_VALUE_LIMIT were dropped. */
  readonly morePorts?: true;
  /** Present when distinct host names past PIVOT_VALUE_LIMIT were dropped. */
  readonly moreHostnames?: true;
  /** Events of the group read from recovered records; present when there are any. */
  readonly recovered?: number;
}

/** A pivot's full result: the fields grouped by and the groups, largest first. */
export interface PivotResult {
  readonly by: readonly string[];
  /** Records offered to add() and records that passed the selection. */
  readonly seen: number;
  readonly selected: number;
  readonly rows: readonly PivotRow[];
}

interface Group {
  readonly key: readonly string[];
  count: number;
  recovered: number;
  readonly ports: BoundedSet;
  readonly hostnames: BoundedSet;
  firstSeen: string | undefined;
  lastSeen: string | undefined;
}

/** Distinct values up to PIVOT_VALUE_LIMIT, remembering whether any were dropped. */
interface BoundedSet {
  readonly values: Set<string>;
  overflow: boolean;
}

/** Incremental pivot: call add() for every record, then result() once or many times. */
export class PivotAccumulator {
  readonly #by: readonly string[];
  readonly #select: (record: EventRecord) => boolean;
  readonly #groups = new Map<string, Group>();
  #seen = 0;
  #selected = 0;

  constructor(options: PivotOptions = {}) {
    this.#by = options.by ?? DEFAULT_PIVOT_FIELDS;
    this.#select = options.select ?? isInitiatedNetworkConnect;
    if (this.#by.length === 0) throw new RangeError('A pivot needs at least one field to group by');
  }

  /** Counts the record into its group when the selection takes it; returns whether it did. */
  add(record: EventRecord): boolean {
    this.#seen++;
    if (!this.#select(record)) return false;

    this.#selected++;
    const key = this.#by.map((name) => firstFieldValue(record, name) ?? '');
    const group = this.#groupFor(key);
    group.count++;
    if (record.recovered === true) group.recovered++;

    for (const port of fieldValues(record, 'DestinationPort')) addBounded(group.ports, port);
    for (const name of fieldValues(record, 'DestinationHostname')) {
      if (isReportedHostname(name)) addBounded(group.hostnames, name);
    }

    widenSeen(group, recordTime(record));
    return true;
  }

  /** The groups so far, by count descending, then by key. */
  result(): PivotResult {
    const rows = [...this.#groups.values()].map(toRow).sort(compareRows);
    return { by: this.#by, seen: this.#seen, selected: this.#selected, rows };
  }

  #groupFor(key: readonly string[]): Group {
    // NUL cannot appear in a rendered field value, so it separates key parts unambiguously.
    const id = key.join('\u0000');
    let group = this.#groups.get(id);
    if (group === undefined) {
      group = {
        key,
        count: 0,
        recovered: 0,
        ports: { values: new Set(), overflow: false },
        hostnames: { values: new Set(), overflow: false },
        firstSeen: undefined,
        lastSeen: undefined,
      };
      this.#groups.set(id, group);
    }
    return group;
  }
}

/** Pivots a finite collection of records in one call. */
export function pivot(records: Iterable<EventRecord>, options: PivotOptions = {}): PivotResult {
  const accumulator = new PivotAccumulator(options);
  for (const record of records) accumulator.add(record);
  return accumulator.result();
}

function addBounded(set: BoundedSet, value: string): void {
  if (set.values.has(value)) return;
  if (set.values.size >= PIVOT_VALUE_LIMIT) set.overflow = true;
  else set.values.add(value);
}

/** When the record's event happened: Sysmon's UtcTime in ISO form, else timeCreated. */
function recordTime(record: EventRecord): string | undefined {
  return parseSysmonUtc(firstFieldValue(record, 'UtcTime'))?.iso ?? record.timeCreated;
}

function widenSeen(group: Group, time: string | undefined): void {
  if (time === undefined) return;

  // Fixed-width ISO-8601 UTC strings order the same as the instants they name.
  if (group.firstSeen === undefined || time < group.firstSeen) group.firstSeen = time;
  if (group.lastSeen === undefined || time > group.lastSeen) group.lastSeen = time;
}

function toRow(group: Group): PivotRow {
  const row: PivotRow = {
    key: group.key,
    count: group.count,
    ports: [...group.ports.values].sort(comparePorts),
    hostnames: [...group.hostnames.values].sort(compareText),
    firstSeen: group.firstSeen,
    lastSeen: group.lastSeen,
  };
  return {
    ...row,
    ...(group.ports.overflow ? { morePorts: true } : {}),
    ...(group.hostnames.overflow ? { moreHostnames: true } : {}),
    ...(group.recovered > 0 ? { recovered: group.recovered } : {}),
  };
}

function compareRows(a: PivotRow, b: PivotRow): number {
  if (a.count !== b.count) return b.count - a.count;

  for (let i = 0; i < a.key.length; i++) {
    const order = compareText(a.key[i] ?? '', b.key[i] ?? '');
    if (order !== 0) return order;
  }
  return 0;
}

/** Numeric order for port numbers; anything that is not a number sorts after them, as text. */
function comparePorts(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  const xNumeric = a !== '' && Number.isInteger(x);
  const yNumeric = b !== '' && Number.isInteger(y);

  if (xNumeric && yNumeric) return x - y || compareText(a, b);
  if (xNumeric !== yNumeric) return xNumeric ? -1 : 1;
  return compareText(a, b);
}

/** Code-unit order: the same on every machine, unlike localeCompare. */
function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
