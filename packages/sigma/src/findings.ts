/**
 * Sigma matches as the hunt's findings: one `sigma` finding per rule and computer, its
 * severity the rule's level, its evidence the matching events, its detail the rule's id,
 * title, tags and ATT&CK techniques and the fields of the first match.
 */
import { compareFindings, type Evidence, type Finding, type Severity } from '@evtxhunt/hunt';

import type { CorrelationMatch } from './correlation-run.js';
import { EvidenceEnds } from './evidence-ends.js';
import type { SigmaLevel } from './rule.js';
import type { SigmaMatch } from './rule-set.js';

const SEVERITY: Readonly<Record<SigmaLevel, Severity>> = {
  informational: 'info',
  low: 'low',
  medium: 'medium',
  high: 'high',
  critical: 'critical',
};

/** ATT&CK technique ids among Sigma tags: `attack.t1059.001` is `T1059.001`. */
export function attackTechniques(tags: readonly string[]): string[] {
  return tags.flatMap((tag) => {
    const match = /^attack\.(t\d{4}(?:\.\d{3})?)$/i.exec(tag);
    return match === null ? [] : [match[1]!.toUpperCase()];
  });
}

/** Matches of one rule on one computer. */
interface Group {
  readonly first: SigmaMatch;
  readonly evidence: EvidenceEnds;
  count: number;
  recovered: number;
}

/**
 * Gathers matches into findings. Past EVIDENCE_LIMIT matches a finding lists the first and the
 * last half by time, as the engine's own findings do, and counts the rest.
 */
export class SigmaFindings {
  readonly #groups = new Map<string, Group>();

  add(matches: readonly SigmaMatch[]): void {
    for (const match of matches) this.#add(match);
  }

  /** The findings, most severe first. */
  findings(): Finding[] {
    return [...this.#groups.values()].map(finding).sort(compareFindings);
  }

  #add(match: SigmaMatch): void {
    const key = `${match.rule.file}\u0000${match.record.computer}`;
    let group = this.#groups.get(key);
    if (group === undefined) {
      group = { first: match, evidence: new EvidenceEnds(), count: 0, recovered: 0 };
      this.#groups.set(key, group);
    }
    group.count++;
    if (match.record.recovered === true) group.recovered++;
    group.evidence.add(evidenceOf(match));
  }
}

/** Findings of all the matches at once. */
export function sigmaFindings(matches: readonly SigmaMatch[]): Finding[] {
  const collector = new SigmaFindings();
  collector.add(matches);
  return collector.findings();
}

/**
 * Correlation matches as findings of kind `sigma`: one per window in which the correlation
 * held. The finding's fields are the group, its first and last seen the window, its evidence
 * the window's events (CORRELATION_EVENTS_KEPT at most, `evidenceOmitted` counts the rest).
 */
export function correlationFindings(matches: readonly CorrelationMatch[]): Finding[] {
  return matches.map(correlationFinding).sort(compareFindings);
}

function correlationFinding(match: CorrelationMatch): Finding {
  const { correlation, group } = match;
  const evidence = match.events.map((record) => evidenceOf({ record }));
  const omitted = match.eventCount - evidence.length;
  const recovered = evidence.filter((item) => item.recovered === true).length;
  const groupText = Object.entries(group)
    .map(([name, value]) => `${name}=${value}`)
    .join(', ');
  const level =
    correlation.level === 'informational' ? 'an informational' : `a ${correlation.level}`;
  const events = match.eventCount === 1 ? 'one event' : `${match.eventCount} events`;
  return {
    kind: 'sigma',
    severity: SEVERITY[correlation.level],
    computer: match.computer,
    firstSeen: match.start,
    lastSeen: match.end,
    count: match.eventCount,
    evidence,
    ...(omitted > 0 ? { evidenceOmitted: omitted } : {}),
    ...(recovered > 0 ? { recoveredEvidence: recovered } : {}),
    why:
      `Sigma correlation "${correlation.title}" (${level} ${correlation.type} rule, ` +
      `${correlation.timespan}) held${timesText(match.windows)} for ${events} from ` +
      `${match.start} to ${match.end}` +
      `${groupText === '' ? '' : ` of ${groupText}`} (value ${match.value}).`,
    sigma: {
      id: correlation.id,
      title: correlation.title,
      level: correlation.level,
      tags: correlation.tags,
      techniques: attackTechniques(correlation.tags),
      file: correlation.file,
      fields: group,
    },
  };
}

/** ` N times` for a burst in which the condition held more than once. */
function timesText(windows: number | undefined): string {
  return windows === undefined || windows < 2 ? '' : ` ${windows} times`;
}

function evidenceOf(match: Pick<SigmaMatch, 'record'>): Evidence {
  const { file, recordId, eventId, timeCreated, recovered } = match.record;
  return {
    ...(file === undefined ? {} : { file }),
    recordId,
    eventId,
    time: timeCreated ?? '',
    ...(recovered === true ? { recovered: true as const } : {}),
  };
}

function finding(group: Group): Finding {
  const { rule, fields, record } = group.first;
  const { evidence, omitted } = group.evidence.listed();
  const image = fields['Image'];
  const level = rule.level === 'informational' ? 'an informational' : `a ${rule.level}`;
  return {
    kind: 'sigma',
    severity: SEVERITY[rule.level],
    computer: record.computer,
    ...(typeof image === 'string' ? { image } : {}),
    firstSeen: evidence[0]?.time ?? '',
    lastSeen: evidence[evidence.length - 1]?.time ?? '',
    count: group.count,
    evidence,
    ...(omitted > 0 ? { evidenceOmitted: omitted } : {}),
    ...(group.recovered > 0 ? { recoveredEvidence: group.recovered } : {}),
    why: `Sigma rule "${rule.title}" (${level} rule) matched ${group.count === 1 ? 'one event' : `${group.count} events`}.`,
    sigma: {
      id: rule.id,
      title: rule.title,
      level: rule.level,
      tags: rule.tags,
      techniques: attackTechniques(rule.tags),
      file: rule.file,
      fields,
    },
  };
}
