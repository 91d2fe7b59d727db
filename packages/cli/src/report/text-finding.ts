/** One finding in the text report: a heading with its severity badge, then labelled facts. */
import { escapeText } from '../escape.js';
import { severityLook, type Paint } from './ansi.js';
import {
  destinationNames,
  endpointText,
  evidenceRefs,
  formatDuration,
  formatJitter,
  formatScore,
  isoTime,
  listText,
  manyProcessGuids,
  plural,
  recoveredText,
} from './format.js';
import type { BeaconDetail, Evidence, Finding, StoryStep } from './hunt-types.js';
import { sigmaFacts } from './sigma-facts.js';
import { factLines } from './text-layout.js';

/** Evidence events named in full under each finding; the rest are counted. */
export const TEXT_EVIDENCE_SHOWN = 3;

/** ProcessGuids and sweep destinations listed under each finding; the rest are counted. */
export const TEXT_LIST_SHOWN = 10;

/** Width of a story step's kind column: the longest kind, `process-start`. */
const STEP_WIDTH = 13;

/** The finding as lines, every report value escaped; `number` is its place in the listing. */
export function findingLines(
  finding: Finding,
  number: number,
  paint: Paint,
  width: number,
): string[] {
  const fact = (label: string, value: string): string[] =>
    factLines(label, escapeText(value), width);

  return [
    heading(finding, number, paint),
    ...sigmaFacts(finding).flatMap(([label, value]) => fact(label, value)),
    ...(finding.image === undefined ? [] : fact('image', processText(finding.image, finding))),
    ...processesLines(finding, fact),
    ...(finding.sourceIp === undefined ? [] : fact('source', finding.sourceIp)),
    ...destinationLines(finding, fact),
    ...sweepLines(finding, fact),
    ...fact(
      'seen',
      `${isoTime(finding.firstSeen)} .. ${isoTime(finding.lastSeen)}, ${plural(finding.count, 'time')}`,
    ),
    ...fact('why', finding.why),
    ...(recoveredText(finding) === undefined
      ? []
      : fact('recovered', recoveredText(finding) ?? '')),
    ...(finding.alsoMatched === undefined || finding.alsoMatched.length === 0
      ? []
      : fact('also matches', finding.alsoMatched.join(', '))),
    ...(finding.beacon === undefined ? [] : beaconLines(finding.beacon, width)),
    ...(finding.story === undefined ? [] : storyLines(finding.story, width)),
    ...evidenceLines(finding.evidence, finding.evidenceOmitted ?? 0, width),
  ];
}

function heading(finding: Finding, number: number, paint: Paint): string {
  const badge = paint(
    `[${escapeText(finding.severity.toUpperCase())}]`,
    severityLook(finding.severity),
  );
  const what = paint(escapeText(finding.kind), 'bold');

  return `${number}. ${badge} ${what} on ${escapeText(finding.computer)}`;
}

function processText(image: string, finding: Finding): string {
  return finding.processGuid === undefined ? image : `${image} ${finding.processGuid}`;
}

/** Every process behind the finding, when there are several. */
function processesLines(
  finding: Finding,
  fact: (label: string, value: string) => string[],
): string[] {
  const guids = manyProcessGuids(finding);
  if (guids === undefined) return [];

  return fact('processes', `${guids.length}: ${listText(guids, TEXT_LIST_SHOWN)}`);
}

/** The addresses a sweep reached (one program, many hosts, one port). */
function sweepLines(finding: Finding, fact: (label: string, value: string) => string[]): string[] {
  const addresses = finding.destinations;
  if (addresses === undefined || addresses.length === 0) return [];

  const port = finding.destinationPort === undefined ? '' : ` on port ${finding.destinationPort}`;
  const count = plural(addresses.length, 'address', 'addresses');
  return fact('destinations', `${count}${port}: ${listText(addresses, TEXT_LIST_SHOWN)}`);
}

function destinationLines(
  finding: Finding,
  fact: (label: string, value: string) => string[],
): string[] {
  if (finding.destinationIp === undefined) return [];

  const endpoint = endpointText(finding.destinationIp, finding.destinationPort);
  const names = destinationNames(finding);
  return fact('destination', names === '' ? endpoint : `${endpoint} (${names})`);
}

function beaconLines(beacon: BeaconDetail, width: number): string[] {
  const timing =
    `median interval ${formatDuration(beacon.medianIntervalMs)}, ` +
    `jitter ${formatJitter(beacon.jitter)}, score ${formatScore(beacon.score)}`;
  const parts = Object.entries(beacon.parts)
    .map(([name, value]) => `${name} ${formatScore(value)}`)
    .join(', ');
  const connections = plural(beacon.connections, 'connection');
  const counts = `${connections}, ${plural(beacon.attempts, 'attempt')}`;

  return [
    ...factLines('beacon', escapeText(timing), width),
    ...(parts === '' ? [] : factLines('', escapeText(`score parts: ${parts}`), width)),
    ...factLines('', escapeText(counts), width),
  ];
}

/** Extra indent of a story step's wrapped lines, to set them apart from the next step. */
const STEP_HANG = 4;

function storyLines(story: readonly StoryStep[], width: number): string[] {
  const refs = evidenceRefs(story.map((step) => step.evidence));

  return story.flatMap((step, i) => {
    const when = isoTime(step.time);
    const line = `${when} ${step.step.padEnd(STEP_WIDTH)} ${step.summary} [${refs[i] ?? ''}]`;
    return factLines(i === 0 ? 'story' : '', escapeText(line), width, STEP_HANG);
  });
}

function evidenceLines(evidence: readonly Evidence[], omitted: number, width: number): string[] {
  const shown = evidenceRefs(evidence.slice(0, TEXT_EVIDENCE_SHOWN));
  const total = evidence.length + omitted;
  const rest = total - shown.length;
  const list = rest > 0 ? `${shown.join(', ')} and ${rest} more` : shown.join(', ');

  const text = total === 0 ? 'none kept' : `${plural(total, 'event')}: ${list}`;
  return factLines('evidence', escapeText(text), width, STEP_HANG);
}
