/**
 * One finding per series of connections, and one per sweep. The same connections often match
 * several detections (inbound RDP is both an admin port and lateral movement; a PowerShell
 * beacon is also a LOLBin connecting out): the most telling kind leads, the others are listed
 * in `alsoMatched` with their reasons added, and the severity is the highest. A program that
 * opens the same service to many internal hosts is one sweep, not a finding per host.
 */
import { limitEvidence, omittedProperty } from '../findings/evidence-limit.js';
import { SEVERITIES, type Finding, type FindingKind, type Severity } from '../findings/finding.js';
import { recoveredProperty } from '../story/evidence.js';
import { byTime } from './network-detections.js';
import { raised } from './severity.js';

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
  'sigma',
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
    why: [lead.why, ...others.map((finding) => `Also ${finding.kind}: ${finding.why}`)]
      .map(sentence)
      .join(' '),
  };
}

/**
 * Chains next to the series findings about the same connections: each names the other's kind
 * in `alsoMatched`, so the same events are not taken for two separate things.
 */
export function crossReferenceChains(
  findings: readonly Finding[],
  chains: readonly Finding[],
): Finding[] {
  const byConnection = new Map(chains.map((chain) => [connectionKey(chain), chain]));
  const linked = new Map<Finding, FindingKind[]>();
  const out = findings.map((finding) => {
    const chain = byConnection.get(connectionKey(finding));
    if (chain === undefined || finding.kind === 'chain') return finding;

    linked.set(chain, [...(linked.get(chain) ?? []), finding.kind]);
    const also = [...(finding.alsoMatched ?? []), 'chain' as const];
    const why = `${sentence(finding.why)} Also chain: the process then wrote a file (see the chain finding).`;
    return { ...finding, alsoMatched: also, why };
  });
  const crossed = chains.map((chain) => {
    const kinds = linked.get(chain);
    return kinds === undefined ? chain : { ...chain, alsoMatched: kinds };
  });
  return [...out, ...crossed];
}

function connectionKey(finding: Finding): string {
  const image = finding.image?.toLowerCase() ?? '';
  return [finding.computer, image, finding.destinationIp, finding.destinationPort].join('|');
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
  const named = byFirst.map((finding) => {
    const name = finding.queriedName ?? finding.destinationHostname;
    return name === undefined
      ? (finding.destinationIp ?? '?')
      : `${finding.destinationIp ?? '?'} (${name})`;
  });
  const guids = [...new Set(byFirst.flatMap(guidsOf))];

  const port = first.destinationPort;
  const service = (port === undefined ? undefined : serviceName(port)) ?? `port ${port ?? '?'}`;
  const why =
    `${first.image ?? 'A process'} on ${first.computer} opened ${service} to ` +
    `${destinations.length} internal hosts that are not servers for it in these logs ` +
    `(${named.join(', ')}): a sweep, as scanners and worms make.`;
  return {
    ...first,
    ...(guids.length > 1 ? { processGuids: guids } : {}),
    // Reaching several hosts in turn is more telling than reaching any one of them.
    severity: raised(highest(group.map((finding) => finding.severity))),
    destinations,
    lastSeen: group.map((finding) => finding.lastSeen).reduce((a, b) => (b > a ? b : a)),
    count: group.reduce((sum, finding) => sum + finding.count, 0),
    ...listedEvidence(group),
    ...recoveredProperty(group.reduce((sum, f) => sum + (f.recoveredEvidence ?? 0), 0)),
    why,
  };
}

/** The members' evidence in time order, cut to the limit again, and how much was left out. */
function listedEvidence(group: readonly Finding[]): Pick<Finding, 'evidence' | 'evidenceOmitted'> {
  const before = group.reduce((sum, finding) => sum + (finding.evidenceOmitted ?? 0), 0);
  const { evidence, omitted } = limitEvidence(byTime(group.flatMap((f) => f.evidence)), before);
  return { evidence, ...omittedProperty(omitted) };
}

function guidsOf(finding: Finding): readonly string[] {
  if (finding.processGuids !== undefined) return finding.processGuids;
  return finding.processGuid === undefined ? [] : [finding.processGuid];
}

/** The text ending in a full stop. */
function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function highest(severities: readonly Severity[]): Severity {
  return severities.reduce((a, b) => (SEVERITIES.indexOf(b) > SEVERITIES.indexOf(a) ? b : a));
}
