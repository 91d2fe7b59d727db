/** The whole result of a hunt, as `evtxhunt hunt` writes it and the report renderers read it. */
import type { Finding, FindingKind } from './finding.js';

/** What the hunt read. */
export interface HuntInput {
  /**
   * Records offered to the engine (live and recovered: every source's `recordsRead` plus
   * `recordsRecovered`), and those it understood as activities.
   */
  readonly records: number;
  /** Records among `records` that were recovered ones (see EventRecord.recovered). */
  readonly recovered: number;
  /**
   * Records skipped because an identical one (same computer, channel, EventRecordID and
   * TimeCreated) was already read: the same log given twice, or overlapping exports.
   */
  readonly duplicates: number;
  readonly activities: number;
  /** Sysmon Event ID 3 records among them. */
  readonly networkConnections: number;
  readonly computers: readonly string[];
  /** Earliest and latest activity time (ISO-8601 UTC); absent when nothing had a time. */
  readonly firstTime?: string;
  readonly lastTime?: string;
}

/** One group of the network pivot: a program and an address it talked to. */
export interface NetworkPivotRow {
  readonly computer: string;
  readonly image: string;
  readonly destinationIp: string;
  /** The address class: public, private, loopback, ... (see classifyIp). */
  readonly ipClass: string;
  readonly count: number;
  readonly ports: readonly number[];
  readonly hostnames: readonly string[];
  /** Names this process queried in DNS (Sysmon 22) that resolved to the address. */
  readonly queriedNames: readonly string[];
  readonly firstSeen: string;
  readonly lastSeen: string;
}

/** Findings an allowlist rule suppressed. */
export interface SuppressedCount {
  /** The rule as written in the allowlist file, and its line number. */
  readonly rule: string;
  readonly line: number;
  readonly count: number;
  readonly kinds: readonly FindingKind[];
}

/** One thing the Sysmon configuration would never log. */
export interface BlindSpot {
  readonly category: 'lolbin' | 'user-writable' | 'common-process';
  /** What was asked about, e.g. `certutil.exe` or `%TEMP%`. */
  readonly label: string;
  /** Why it is not logged, e.g. the exclude rule that drops it. */
  readonly reason: string;
}

/** What the Sysmon configuration lets the logs show. */
export interface CoverageSection {
  /** `config` when a configuration file was given, `inferred` when read from the logs. */
  readonly basis: 'config' | 'inferred';
  readonly configName?: string;
  /** Event ID 3 blind spots: probes for which the configuration logs nothing. */
  readonly blindSpots: readonly BlindSpot[];
  /** Sentences about the configuration or what the logs reveal of it. */
  readonly notes: readonly string[];
}

/**
 * What became of one input file, so a report never looks clean when part of a log was lost:
 * `read` when everything was read, `partly-lost` when records or chunks could not be read, and
 * `unreadable` when nothing could be (not EVTX, no permission, missing).
 */
export interface SourceStatus {
  readonly file: string;
  readonly status: 'read' | 'partly-lost' | 'unreadable';
  /** Live records read: those a chunk header vouches for. */
  readonly recordsRead: number;
  /**
   * Records read from places no chunk header vouches for, flagged recovered; the hunt takes
   * them too, and their evidence says so.
   */
  readonly recordsRecovered: number;
  /** Records found but not readable, and record ids missing with wiped or cut chunks. */
  readonly recordsFailed: number;
  readonly recordsMissing: number;
  readonly chunksDamaged: number;
  readonly chunksUnreadable: number;
  /** The first problems found (errors before warnings), as the CLI prints them. */
  readonly problems: readonly string[];
  /** How many problems there were in all. */
  readonly problemCount: number;
}

/** A hunt's full result. */
export interface HuntReport {
  readonly input: HuntInput;
  /** Each input file and what could not be read from it; absent when the caller did not say. */
  readonly sources?: readonly SourceStatus[];
  /** Most severe first. */
  readonly findings: readonly Finding[];
  readonly suppressed: readonly SuppressedCount[];
  /** Outbound connections by Computer, Image and DestinationIp, largest first. */
  readonly pivot: readonly NetworkPivotRow[];
  readonly coverage?: CoverageSection;
}
