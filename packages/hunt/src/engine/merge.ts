/**
 * One finding per series of connections, and one per sweep. The same connections often match
 * several detections (inbound RDP is both an admin port and lateral movement; a PowerShell
 * beacon is also a LOLBin connecting out): the most telling kind leads, the others are listed
 * in `alsoMatched` with their reasons added, and the severity is the highest. A program that
 * opens the same service to many internal hosts is one sweep, not a finding per host.
 */
import { SEVERITIES, type Finding, type FindingKind, type Severity } from '../findings/finding.js';
import { byTime } from './network-detections.js';

/** Which kind leads when one series matches several, most telling first. */
const KIND_PRIORITY: readonly FindingKind[] = [
  'beacon',
  'lateral-movement',
  'lolbin-inbound',
  'lolbin-outbound',
  'user-writable-outbound',
  'service-outbound',
  'inbound-admin-port',
  'chain',
];

/** The findings of one series merged into one, or undefined when there are none. */
export function mergeSeriesFindings(findings: readonly Finding[]): Finding | undefined {
  const ordered = [...findings].sort(
    (a, b) => KIND_PRIORITY.indexOf(a.kind) - KIND_PRIORITY.indexOf(b.kind),
  );
  const [lead, ...others] = ordered;
  if (lead === undefined || others.length === 0) return lead;

  return {
    ...lead,
    severity: highest(ordered.map((finding) => finding.severity)),
    alsoMatched: others.map((finding) => finding.kind),
    why: [lead.why, ...others.map((finding) => `Also ${finding.kind}: ${finding.why}`)].join(' '),
  };
}

/** Sweeps need at least this many hosts. */
export const SWEEP_MIN_HOSTS = 2;

/**
 * Lateral movement out from one program on one computer to one service port, merged across
 * destinations into one finding listing them all; every other finding is kept as it is.
 */
export function mergeSweeps(
  findings: readonly Finding[],
  serviceName: (port: number) => string | undefined,
): Finding[] {
  const groups = new Map<string, Finding[]>();
  const kept: Finding[] = [];
  for (const finding of findings) {
    const key = sweepKey(finding);
    if (key === undefined) kept.push(finding);
    else groups.set(key, [...(groups.get(key) ?? []), finding]);
  }

  for (const group of groups.values()) {
    if (group.length < SWEEP_MIN_HOSTS) kept.push(...group);
    else kept.push(sweep(group, serviceName));
  }
  return kept;
}

function sweepKey(finding: Finding): string | undefined {
  const outbound = finding.kind === 'lateral-movement' && finding.sourceIp === undefined;
  if (!outbound || finding.beacon !== undefined || finding.alsoMatched !== undefined)
    return undefined;
  return [finding.computer, finding.image?.toLowerCase(), finding.destinationPort].join('|');
}

function sweep(
  group: readonly Finding[],
  serviceName: (port: number) => string | undefined,
): Finding {
  const byFirst = [...group].sort((a, b) => (a.firstSeen < b.firstSeen ? -1 : 1));
  const first = byFirst[0] as Finding;
  const destinations = byFirst.map((finding) => finding.destinationIp ?? '?');
  const guids = [...new Set(byFirst.flatMap(guidsOf))];

  const port = first.destinationPort;
  const service = (port === undefined ? undefined : serviceName(port)) ?? `port ${port ?? '?'}`;
  const why =
    `${first.image ?? 'A process'} on ${first.computer} opened ${service} to ` +
    `${destinations.length} internal hosts that are not servers for it in these logs ` +
    `(${destinations.join(', ')}): a sweep.`;
  return {
    ...first,
    ...(guids.length > 1 ? { processGuids: guids } : {}),
    severity: highest(group.map((finding) => finding.severity)),
    destinations,
    lastSeen: group.map((finding) => finding.lastSeen).reduce((a, b) => (b > a ? b : a)),
    count: group.reduce((sum, finding) => sum + finding.count, 0),
    evidence: byTime(group.flatMap((finding) => finding.evidence)),
    why,
  };
}

function guidsOf(finding: Finding): readonly string[] {
  if (finding.processGuids !== undefined) return finding.processGuids;
  return finding.processGuid === undefined ? [] : [finding.processGuid];
}

function highest(severities: readonly Severity[]): Severity {
  return severities.reduce((a, b) => (SEVERITIES.indexOf(b) > SEVERITIES.indexOf(a) ? b : a));
}
