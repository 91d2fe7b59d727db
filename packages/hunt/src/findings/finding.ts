/**
 * Findings: what the engine reports and why. Key names are stable; they are the JSON output of
 * `evtxhunt hunt --format json` and what the HTML report and the web app read.
 */

/** Every kind of finding the engine produces. */
export const FINDING_KINDS = [
  'lolbin-outbound',
  'lolbin-inbound',
  'user-writable-outbound',
  'beacon',
  'inbound-admin-port',
  'lateral-movement',
  'service-outbound',
  'chain',
  'sigma',
] as const;

/** One kind of finding. */
export type FindingKind = (typeof FINDING_KINDS)[number];

/** Severities, least to most severe. */
export const SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'] as const;

/** How much a finding matters. */
export type Severity = (typeof SEVERITIES)[number];

/** One event behind a finding: enough to find it again. */
export interface Evidence {
  readonly file?: string;
  readonly recordId: string;
  readonly eventId: number;
  /** When it happened (ISO-8601 UTC, seven fraction digits). */
  readonly time: string;
  /**
   * Present (true) when the event came from a recovered record: one the parser found where no
   * chunk header vouches for it, so not a live record of the log.
   */
  readonly recovered?: true;
}

/** The timing of a beacon finding: the median interval, the jitter and the score's parts. */
export interface BeaconDetail {
  /** Connections seen, and connection attempts once retries seconds apart are collapsed. */
  readonly connections: number;
  readonly attempts: number;
  readonly medianIntervalMs: number;
  /** Spread of the intervals around the median, as a fraction (0.3 reads as ±30%). */
  readonly jitter: number;
  /** Overall score in [0, 1]. */
  readonly score: number;
  /** Each part of the score in [0, 1], by name. */
  readonly parts: Readonly<Record<string, number>>;
  /** Interval histogram for charts: bin width and the count in each bin from 0. */
  readonly histogram: { readonly binWidthMs: number; readonly counts: readonly number[] };
}

/** One step of a process story (chain findings and timelines). */
export interface StoryStep {
  readonly step: 'process-start' | 'dns' | 'network' | 'file-create';
  readonly time: string;
  /** A one-line description: the command line, the name queried, the address, the file. */
  readonly summary: string;
  readonly evidence: Evidence;
}

/** The Sigma rule behind a `sigma` finding. */
export interface SigmaDetail {
  readonly id: string;
  readonly title: string;
  /** The rule's own level: informational, low, medium, high or critical. */
  readonly level: string;
  readonly tags: readonly string[];
  /** ATT&CK technique ids of the `attack.tNNNN` tags, upper-cased (`T1059.001`). */
  readonly techniques: readonly string[];
  /** The rule file. */
  readonly file: string;
  /** The fields the rule names, as the first matching event has them. */
  readonly fields: Readonly<Record<string, string | readonly string[]>>;
}

/** One finding. Absent properties were not known for it. */
export interface Finding {
  readonly kind: FindingKind;
  readonly severity: Severity;
  readonly computer: string;
  readonly image?: string;
  /** The process of the earliest event behind the finding. */
  readonly processGuid?: string;
  /** Every distinct ProcessGuid behind the finding, earliest first, when there is more than one. */
  readonly processGuids?: readonly string[];
  readonly destinationIp?: string;
  readonly destinationPort?: number;
  /** Sysmon's DestinationHostname (a reverse lookup, so only a hint). */
  readonly destinationHostname?: string;
  /** The name the process asked DNS for that resolved to the destination (Sysmon 22). */
  readonly queriedName?: string;
  /** For inbound findings: where the connection came from. */
  readonly sourceIp?: string;
  /** For a sweep (one program reaching many hosts on one port): every address reached. */
  readonly destinations?: readonly string[];
  readonly firstSeen: string;
  readonly lastSeen: string;
  readonly count: number;
  /**
   * The events behind the finding in time order: all of them, or past EVIDENCE_LIMIT the first
   * and the last half of that many (see evidenceOmitted).
   */
  readonly evidence: readonly Evidence[];
  /** Evidence records left out of `evidence` by EVIDENCE_LIMIT; absent when none were. */
  readonly evidenceOmitted?: number;
  /**
   * Events behind the finding that came from recovered records (see Evidence.recovered),
   * listed or left out; absent when none did. Equal to `count` when the finding rests on
   * recovered records alone.
   */
  readonly recoveredEvidence?: number;
  /** One or two sentences saying why this was reported. */
  readonly why: string;
  /** Other kinds the same events match; their reasons are added to `why`. */
  readonly alsoMatched?: readonly FindingKind[];
  readonly beacon?: BeaconDetail;
  readonly story?: readonly StoryStep[];
  /** For `sigma` findings: the rule that matched. */
  readonly sigma?: SigmaDetail;
}

/** Orders findings most severe first, then by first seen, then by kind. */
export function compareFindings(a: Finding, b: Finding): number {
  const bySeverity = SEVERITIES.indexOf(b.severity) - SEVERITIES.indexOf(a.severity);
  if (bySeverity !== 0) return bySeverity;
  if (a.firstSeen !== b.firstSeen) return a.firstSeen < b.firstSeen ? -1 : 1;
  return a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0;
}
