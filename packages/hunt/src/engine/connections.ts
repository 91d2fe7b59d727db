/**
 * Network connections grouped into series: one per (Computer, Image, direction, remote address,
 * destination port). A series keeps its times and evidence as columns (EvidenceColumns, 19
 * bytes a connection), never the records, so the detections can run once every file has been
 * read. TODO: that is still linear in the connections (about 10 bytes a record on a generated
 * Sysmon log); beacon scoring needs every time, but a finding lists only the first and last 500
 * events, so a long series could keep the record ids and files of those alone.
 */
import type { NetworkConnect } from '../events/activity.js';
import { classifyIp, type IpClass } from '../net/ip-class.js';
import type { IpAddress } from '../net/ip.js';
import { IpMemo } from '../net/ip-memo.js';
import { endpointsOf, type Endpoints } from './endpoints.js';
import { EvidenceColumns, FileNames } from './evidence-columns.js';

/** Distinct host names, source addresses or process GUIDs kept per series. */
export const SERIES_VALUE_LIMIT = 64;

/** One series of connections. */
export interface ConnectionSeries {
  readonly computer: string;
  readonly image: string;
  readonly initiated: boolean;
  /** The far end: the destination when initiated, the source otherwise (canonical text). */
  readonly remoteIp: string;
  readonly remoteClass: IpClass;
  /** The local end's address for inbound series, canonical text. */
  readonly localIp: string | undefined;
  readonly destinationPort: number | undefined;
  /** Distinct ProcessGuids with the time each was first seen (epoch ms). */
  readonly processGuids: Map<string, number>;
  readonly hostnames: Set<string>;
  /** Every connection's time and evidence, in the order added. */
  readonly evidence: EvidenceColumns;
  count: number;
  /** The earliest connection's time, epoch ms and ISO text, and the latest's ISO text. */
  firstMs: number;
  firstSeen: string;
  lastSeen: string;
}

/** Connections grouped into series as they stream in. */
export class ConnectionSeriesTable {
  readonly #series = new Map<string, ConnectionSeries>();
  readonly #files = new FileNames();
  readonly #parseIp: (text: string) => IpAddress | undefined;

  /** `ips` parses the addresses; a memo of them (IpMemo) saves parsing each connection's again. */
  constructor(ips: IpMemo = new IpMemo()) {
    this.#parseIp = (text) => ips.parse(text);
  }

  /** Adds one connection; returns false when it has no usable remote address. */
  add(connection: NetworkConnect): boolean {
    const ends = endpointsOf(connection);
    const remote = this.#parseIp(ends.remoteIp ?? '');
    if (remote === undefined) return false;

    const image = connection.process.image ?? '(unknown image)';
    const port = ends.servicePort;
    const key = [connection.computer, image.toLowerCase(), ends.initiated, remote.text, port].join(
      '|',
    );
    const series = this.#series.get(key) ?? this.#create(key, connection, image, ends, remote);
    record(series, connection, ends);
    return true;
  }

  /** Every series, in the order first seen. */
  all(): Iterable<ConnectionSeries> {
    return this.#series.values();
  }

  #create(
    key: string,
    connection: NetworkConnect,
    image: string,
    ends: Endpoints,
    remote: IpAddress,
  ): ConnectionSeries {
    const local = ends.initiated ? undefined : this.#parseIp(ends.localIp ?? '');
    const series: ConnectionSeries = {
      computer: connection.computer,
      image,
      initiated: ends.initiated,
      remoteIp: remote.text,
      remoteClass: classifyIp(remote),
      localIp: local?.text,
      destinationPort: ends.servicePort,
      processGuids: new Map(),
      hostnames: new Set(),
      evidence: new EvidenceColumns(this.#files),
      count: 0,
      firstMs: connection.time.ms,
      firstSeen: connection.time.iso,
      lastSeen: connection.time.iso,
    };
    this.#series.set(key, series);
    return series;
  }
}

function record(series: ConnectionSeries, connection: NetworkConnect, ends: Endpoints): void {
  series.evidence.add(connection);
  series.count++;

  const iso = connection.time.iso;
  if (connection.time.ms < series.firstMs) series.firstMs = connection.time.ms;
  if (iso < series.firstSeen) series.firstSeen = iso;
  if (iso > series.lastSeen) series.lastSeen = iso;

  addBounded(series.hostnames, ends.remoteHostname);
  noteGuid(series.processGuids, connection.process.guid, connection.time.ms);
}

function addBounded(set: Set<string>, value: string | undefined): void {
  if (value !== undefined && set.size < SERIES_VALUE_LIMIT) set.add(value);
}

function noteGuid(guids: Map<string, number>, guid: string | undefined, timeMs: number): void {
  if (guid === undefined) return;

  const first = guids.get(guid);
  if (first !== undefined) {
    if (timeMs < first) guids.set(guid, timeMs);
  } else if (guids.size < SERIES_VALUE_LIMIT) {
    guids.set(guid, timeMs);
  }
}

/** The series' ProcessGuids, earliest first. */
export function guidsByTime(series: ConnectionSeries): string[] {
  return [...series.processGuids.entries()].sort((a, b) => a[1] - b[1]).map(([guid]) => guid);
}

/** The series' connection times, in the order they arrived (a view, not a copy). */
export function seriesTimes(series: ConnectionSeries): Float64Array {
  return series.evidence.times();
}
