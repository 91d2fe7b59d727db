/**
 * Network connections grouped into series: one per (Computer, Image, direction, remote address,
 * destination port). A series keeps its times as a growable Float64Array and its evidence as
 * compact rows, never the records, so the detections can run once every file has been read.
 */
import type { NetworkConnect } from '../events/activity.js';
import type { Evidence } from '../findings/finding.js';
import { evidenceOf } from '../story/evidence.js';
import { classifyIp, type IpClass } from '../net/ip-class.js';
import { parseIp } from '../net/ip.js';

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
  readonly processGuids: Set<string>;
  readonly hostnames: Set<string>;
  readonly evidence: Evidence[];
  times: Float64Array;
  count: number;
  firstSeen: string;
  lastSeen: string;
}

/** Connections grouped into series as they stream in. */
export class ConnectionSeriesTable {
  readonly #series = new Map<string, ConnectionSeries>();

  /** Adds one connection; returns false when it has no usable remote address. */
  add(connection: NetworkConnect): boolean {
    const initiated = connection.initiated ?? true;
    const remote = parseIp((initiated ? connection.destinationIp : connection.sourceIp) ?? '');
    if (remote === undefined) return false;

    const image = connection.process.image ?? '(unknown image)';
    const port = connection.destinationPort;
    const key = [connection.computer, image.toLowerCase(), initiated, remote.text, port].join('|');
    const series = this.#series.get(key) ?? this.#create(key, connection, image, remote.text);
    record(series, connection, initiated);
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
    remoteIp: string,
  ): ConnectionSeries {
    const initiated = connection.initiated ?? true;
    const remote = parseIp(remoteIp);
    const local = initiated ? undefined : parseIp(connection.destinationIp ?? '');
    const series: ConnectionSeries = {
      computer: connection.computer,
      image,
      initiated,
      remoteIp,
      remoteClass: remote === undefined ? 'reserved' : classifyIp(remote),
      localIp: local?.text,
      destinationPort: connection.destinationPort,
      processGuids: new Set(),
      hostnames: new Set(),
      evidence: [],
      times: new Float64Array(8),
      count: 0,
      firstSeen: connection.time.iso,
      lastSeen: connection.time.iso,
    };
    this.#series.set(key, series);
    return series;
  }
}

function record(series: ConnectionSeries, connection: NetworkConnect, initiated: boolean): void {
  if (series.count === series.times.length) {
    const grown = new Float64Array(series.times.length * 2);
    grown.set(series.times);
    series.times = grown;
  }
  series.times[series.count++] = connection.time.ms;

  const iso = connection.time.iso;
  if (iso < series.firstSeen) series.firstSeen = iso;
  if (iso > series.lastSeen) series.lastSeen = iso;

  const hostname = initiated ? connection.destinationHostname : connection.sourceHostname;
  addBounded(series.hostnames, hostname);
  addBounded(series.processGuids, connection.process.guid);
  series.evidence.push(evidenceOf(connection));
}

function addBounded(set: Set<string>, value: string | undefined): void {
  if (value !== undefined && set.size < SERIES_VALUE_LIMIT) set.add(value);
}

/** The series' times, sorted, as a fresh array. */
export function sortedTimes(series: ConnectionSeries): Float64Array {
  return series.times.slice(0, series.count).sort();
}
