/**
 * Findings as ECS documents, one per finding, to be ingested beside the events `dump --format
 * ecs` writes: `event.kind` "alert", `rule.name` the finding's kind (a Sigma rule's title, with
 * its id, for `sigma` findings), `message` and
 * `event.reason` its why, `@timestamp` and `event.start`/`end` its first and last event, the
 * host, process, destination and source it is about, `threat.technique.id` where the finding
 * names a LOLBin with ATT&CK ids, and the records behind it under `evtxhunt.evidence` (ECS has
 * no field for them) so an alert leads back to the events by file and `winlog.record_id`.
 */
import { SEVERITIES, type Evidence, type Finding } from '../findings/finding.js';
import { lolbinFor } from '../knowledge/lolbins.js';
import { ECS_VERSION } from './ecs-document.js';
import { ipText } from './ecs-values.js';

/** The ECS version the documents follow: the same as the events'. */
export const ECS_FINDING_VERSION = ECS_VERSION;

/** One finding's document, for JSON; fields left out where the finding has no value. */
export function findingEcsDocument(finding: Finding): Record<string, unknown> {
  return withoutEmpty({
    '@timestamp': finding.firstSeen,
    ecs: { version: ECS_FINDING_VERSION },
    message: finding.why,
    event: findingEvent(finding),
    rule: findingRule(finding),
    labels: { severity: finding.severity },
    host: { name: finding.computer },
    process: {
      executable: finding.image,
      name: finding.image?.slice(finding.image.lastIndexOf('\\') + 1),
      entity_id: finding.processGuid,
    },
    destination: {
      ip: ipText(finding.destinationIp),
      port: finding.destinationPort,
      domain: finding.destinationHostname,
    },
    dns: { question: { name: finding.queriedName } },
    source: { ip: ipText(finding.sourceIp) },
    threat: findingThreat(finding),
    evtxhunt: findingDetail(finding),
  });
}

/** `event.*`: an alert, its severity as a number (info 0 to critical 4), its time span. */
function findingEvent(finding: Finding): Record<string, unknown> {
  return {
    kind: 'alert',
    provider: 'evtxhunt',
    severity: SEVERITIES.indexOf(finding.severity),
    start: finding.firstSeen,
    end: finding.lastSeen,
    reason: finding.why,
  };
}

/** `rule.*`: the finding's kind, or for a Sigma finding the rule's title, id and file. */
function findingRule(finding: Finding): Record<string, unknown> {
  const sigma = finding.sigma;
  if (sigma === undefined) return { name: finding.kind };
  return {
    name: sigma.title,
    id: sigma.id === '' ? undefined : sigma.id,
    ruleset: 'sigma',
    reference: sigma.file,
    category: finding.kind,
  };
}

/**
 * ATT&CK techniques: a Sigma finding's from its rule's tags, another's from the LOLBin its
 * image names, if it names one.
 */
function findingThreat(finding: Finding): Record<string, unknown> | undefined {
  const lolbin = finding.image === undefined ? [] : (lolbinFor(finding.image)?.lolbin.mitre ?? []);
  const ids = finding.sigma?.techniques ?? lolbin;
  if (ids.length === 0) return undefined;
  return { framework: 'MITRE ATT&CK', technique: { id: [...ids] } };
}

/** What ECS has no field for: counts, other kinds matched and the evidence records. */
function findingDetail(finding: Finding): Record<string, unknown> {
  return {
    count: finding.count,
    also_matched: finding.alsoMatched === undefined ? undefined : [...finding.alsoMatched],
    destinations: finding.destinations === undefined ? undefined : [...finding.destinations],
    process_guids: finding.processGuids === undefined ? undefined : [...finding.processGuids],
    evidence: finding.evidence.map(evidenceDocument),
    evidence_omitted: finding.evidenceOmitted,
    recovered_evidence: finding.recoveredEvidence,
  };
}

function evidenceDocument(evidence: Evidence): Record<string, unknown> {
  return {
    file: evidence.file,
    record_id: evidence.recordId,
    event_id: String(evidence.eventId),
    time: evidence.time,
    recovered: evidence.recovered,
  };
}

/** The object without undefined values and without objects left empty, recursively. */
function withoutEmpty(value: Record<string, unknown>): Record<string, unknown> {
  const kept: [string, unknown][] = [];
  for (const [name, field] of Object.entries(value)) {
    const inner = isPlainObject(field) ? withoutEmpty(field) : field;
    if (inner === undefined || (isPlainObject(inner) && Object.keys(inner).length === 0)) continue;
    kept.push([name, inner]);
  }
  return Object.fromEntries(kept);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
