/**
 * Wording shared by the text and HTML hunt reports: severity order, tallies, durations, scores,
 * addresses and evidence references. Everything here returns raw text that may carry event data;
 * each renderer escapes it for its own output.
 */
import type { Evidence, Finding, Severity } from './hunt-types.js';

/** Rank of each severity, most severe highest. */
const SEVERITY_RANK = {
  info: 0,
  low: 1,
  medium: 2,
  high: 3,
  critical: 4,
} as const satisfies Record<Severity, number>;

/** Whether a value from the report is one of the severities (report JSON may hold anything). */
export function isSeverity(value: string): value is Severity {
  return Object.hasOwn(SEVERITY_RANK, value);
}

/** How severe a severity is; -1 for a value that is not a known severity. */
export function severityRank(severity: string): number {
  return isSeverity(severity) ? SEVERITY_RANK[severity] : -1;
}

/** The findings most severe first, keeping the given order within one severity. */
export function mostSevereFirst(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
}

/** How many findings have each severity, most severe first, zero counts left out. */
export function severityTally(findings: readonly Finding[]): [string, number][] {
  const tally = countBy(findings, (finding) => finding.severity);
  return [...tally].sort(([a], [b]) => severityRank(b) - severityRank(a));
}

/** How many findings are of each kind, largest first, then by name. */
export function kindTally(findings: readonly Finding[]): [string, number][] {
  const tally = countBy(findings, (finding) => finding.kind);
  return [...tally].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0));
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/** A tally as `1 critical, 2 high`. */
export function tallyText(tally: readonly [string, number][]): string {
  return tally.map(([name, count]) => `${count} ${name}`).join(', ');
}

/**
 * A duration in the unit that reads best: `850 ms`, `59.5 s`, `5 min`, `2.5 h`, `3 d`, with at
 * most one decimal. Seconds run to 120 and minutes to 120 so that beacon intervals of one or
 * two minutes (or hours) keep the unit they are usually configured in.
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  if (ms === 0) return '0 s';

  const size = Math.abs(ms);
  if (size < 1_000) return `${decimals(ms, 0)} ms`;
  if (size < 120_000) return `${decimals(ms / 1_000, 1)} s`;
  if (size < 7_200_000) return `${decimals(ms / 60_000, 1)} min`;
  if (size < 172_800_000) return `${decimals(ms / 3_600_000, 1)} h`;
  return `${decimals(ms / 86_400_000, 1)} d`;
}

function decimals(value: number, digits: number): string {
  return String(Number(value.toFixed(digits)));
}

/** Beacon jitter (a fraction) as `±12%`. */
export function formatJitter(jitter: number): string {
  return `±${decimals(jitter * 100, 0)}%`;
}

/** A score in [0, 1] with two decimals. */
export function formatScore(score: number): string {
  return score.toFixed(2);
}

/** The time between two ISO times as a duration, or undefined when either is not a time. */
export function spanText(first: string, last: string): string | undefined {
  const span = Date.parse(last) - Date.parse(first);
  return Number.isNaN(span) ? undefined : formatDuration(span);
}

const ISO_UTC = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,7}))?Z$/;

/**
 * An ISO-8601 UTC time as every report shows times: `2024-05-01T08:00:00.1230000Z`, seven
 * fraction digits so the 100-ns ticks of the log are kept and times line up. Other text (an
 * offset, more digits than seven, not a time) is returned as it is.
 */
export function isoTime(time: string): string {
  const match = ISO_UTC.exec(time);
  return match === null ? time : `${match[1]}.${(match[2] ?? '').padEnd(7, '0')}Z`;
}

/** An address and port as `ip:port`, brackets around IPv6; the address alone without a port. */
export function endpointText(ip: string, port: number | undefined): string {
  if (port === undefined) return ip;
  return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
}

/** The names behind a destination: `hostname h, queried q`; empty when neither is known. */
export function destinationNames(finding: Finding): string {
  const names = [
    finding.destinationHostname === undefined ? '' : `hostname ${finding.destinationHostname}`,
    finding.queriedName === undefined ? '' : `queried ${finding.queriedName}`,
  ];
  return names.filter((name) => name !== '').join(', ');
}

/**
 * Where each event is: `file #recordId`, the file left out when it is the one named just before
 * (`a.evtx #5, #6, b.evtx #2`) or not known (`#5`), and `(recovered)` after an event that came
 * from a recovered record (`#7 (recovered)`).
 */
export function evidenceRefs(evidence: readonly Evidence[]): string[] {
  return evidence.map((item, i) => {
    const named = item.file !== undefined && item.file !== evidence[i - 1]?.file;
    const ref = named ? `${item.file} #${item.recordId}` : `#${item.recordId}`;
    return item.recovered === true ? `${ref} (recovered)` : ref;
  });
}

/**
 * `2 events from recovered records, found where no chunk header vouches for them`, for a
 * finding that rests on any; undefined otherwise.
 */
export function recoveredText(finding: Finding): string | undefined {
  const recovered = finding.recoveredEvidence;
  if (recovered === undefined || recovered === 0) return undefined;
  const events = plural(recovered, 'event');
  return `${events} from recovered records, found where no chunk header vouches for them`;
}

/** Values joined by commas, the first `limit` of them, then `and N more` for the rest. */
export function listText(values: readonly string[], limit: number): string {
  const shown = values.slice(0, Math.max(0, limit)).join(', ');
  const rest = values.length - Math.min(values.length, Math.max(0, limit));
  return rest > 0 ? `${shown} and ${rest} more` : shown;
}

/** Every ProcessGuid of a finding, when it has more than one; undefined otherwise. */
export function manyProcessGuids(finding: Finding): readonly string[] | undefined {
  const guids = finding.processGuids;
  return guids !== undefined && guids.length > 1 ? guids : undefined;
}

/** `1 thing` or `2 things`. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
