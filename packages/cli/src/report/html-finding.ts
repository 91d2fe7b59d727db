/**
 * One finding in the HTML report: severity-coloured card, the why sentence, its facts, the
 * beacon's timing and histogram, the story as a vertical timeline, and the evidence collapsed.
 */
import {
  destinationNames,
  endpointText,
  evidenceRefs,
  formatDuration,
  formatJitter,
  formatScore,
  isSeverity,
  isoTime,
  manyProcessGuids,
  plural,
  recoveredText,
} from './format.js';
import { el, join, text, type Html } from './html-build.js';
import { histogramFigure } from './html-histogram.js';
import type { BeaconDetail, Evidence, Finding, StoryStep } from './hunt-types.js';
import { sigmaFacts } from './sigma-facts.js';

/** Evidence events listed under a finding; the rest are counted. */
export const HTML_EVIDENCE_SHOWN = 200;

/** ProcessGuids and sweep destinations listed under a finding; the rest are counted. */
export const HTML_LIST_SHOWN = 200;

/** CSS class for each story step. Classes are looked up, never built from report text. */
const STEP_CLASS: ReadonlyMap<string, string> = new Map([
  ['process-start', 'step-process'],
  ['dns', 'step-dns'],
  ['network', 'step-network'],
  ['file-create', 'step-file'],
]);

/** The CSS class for a severity, checked against the known ones first; else `sev-unknown`. */
export function severityClass(severity: string): string {
  return isSeverity(severity) ? `sev-${severity}` : 'sev-unknown';
}

/** The finding as an `<article>` with id `finding-N`, N its place in the listing. */
export function findingArticle(finding: Finding, number: number): Html {
  return el(
    'article',
    { class: `finding ${severityClass(finding.severity)}`, id: `finding-${number}` },
    heading(finding, number),
    el('p', { class: 'why' }, text(finding.why)),
    el('dl', { class: 'facts' }, facts(finding)),
    finding.beacon === undefined ? [] : beaconBlock(finding, finding.beacon),
    finding.story === undefined ? [] : timeline(finding.story),
    evidenceList(finding.evidence, finding.evidenceOmitted ?? 0),
  );
}

function heading(finding: Finding, number: number): Html {
  return el(
    'h3',
    {},
    el('span', { class: 'number' }, text(`${number}.`)),
    el('span', { class: 'badge' }, text(finding.severity)),
    el('span', { class: 'kind' }, text(finding.kind)),
    el('span', { class: 'computer' }, text(`on ${finding.computer}`)),
  );
}

function facts(finding: Finding): Html[] {
  const names = destinationNames(finding);
  const destination =
    finding.destinationIp === undefined
      ? undefined
      : endpointText(finding.destinationIp, finding.destinationPort) + (names ? ` (${names})` : '');

  const rule = sigmaFacts(finding).map(([term, value]) =>
    term === '' || term === 'fields' || term === 'rule id' || term === 'rule file'
      ? fact(term === '' ? ' ' : capitalised(term), value, 'code')
      : fact(capitalised(term), value),
  );
  return [
    ...rule,
    fact('Image', finding.image, 'code'),
    fact('Process GUID', finding.processGuid, 'code'),
    processGuidsFact(finding),
    fact('Source', finding.sourceIp, 'code'),
    fact('Destination', destination, 'code'),
    sweepFact(finding),
    fact('First seen', isoTime(finding.firstSeen)),
    fact('Last seen', isoTime(finding.lastSeen)),
    fact('Count', String(finding.count)),
    fact('Recovered', recoveredText(finding)),
    fact('Also matches', finding.alsoMatched?.join(', ') || undefined),
  ];
}

function capitalised(term: string): string {
  return term === 'att&ck' ? 'ATT&CK' : term[0]!.toUpperCase() + term.slice(1);
}

/** Every ProcessGuid behind the finding, when there are several. */
function processGuidsFact(finding: Finding): Html {
  const guids = manyProcessGuids(finding);
  return guids === undefined ? join([]) : listFact('Process GUIDs', `${guids.length}: `, guids);
}

/** The addresses a sweep reached, with the port they share. */
function sweepFact(finding: Finding): Html {
  const addresses = finding.destinations;
  if (addresses === undefined || addresses.length === 0) return join([]);

  const port = finding.destinationPort === undefined ? '' : ` on port ${finding.destinationPort}`;
  const count = plural(addresses.length, 'address', 'addresses');
  return listFact('Destinations', `${count}${port}: `, addresses);
}

/**
 * A fact listing values, each in its own `<code>` that wraps inside only when longer than a line
 * (a GUID stays whole), the first HTML_LIST_SHOWN of them and a count of the rest.
 */
function listFact(term: string, lead: string, values: readonly string[]): Html {
  const shown = values.slice(0, HTML_LIST_SHOWN);
  const items = shown.map((value, i) => [
    text(i === 0 ? '' : ', '),
    el('code', { class: 'item' }, text(value)),
  ]);
  const rest = values.length - shown.length;

  const value = join([text(lead), ...items, text(rest > 0 ? ` and ${rest} more` : '')]);
  return join([el('dt', {}, text(term)), el('dd', {}, value)]);
}

/** A `<dt>`/`<dd>` pair, nothing when the value is not known. */
export function fact(term: string, value: string | undefined, wrapper?: 'code'): Html {
  if (value === undefined) return join([]);

  const shown = wrapper === undefined ? text(value) : el(wrapper, {}, text(value));
  return join([el('dt', {}, text(term)), el('dd', {}, shown)]);
}

function beaconBlock(finding: Finding, beacon: BeaconDetail): Html {
  const parts = Object.entries(beacon.parts).map(
    ([name, value]) => `${name} ${formatScore(value)}`,
  );
  const timing = el(
    'dl',
    { class: 'facts' },
    fact('Median interval', formatDuration(beacon.medianIntervalMs)),
    fact('Jitter', formatJitter(beacon.jitter)),
    fact('Score', formatScore(beacon.score)),
    fact('Score parts', parts.length === 0 ? undefined : parts.join(', ')),
    fact('Connections', `${beacon.connections} (${plural(beacon.attempts, 'attempt')})`),
  );

  const where = endpointText(finding.destinationIp ?? '?', finding.destinationPort);
  const label = `${finding.image ?? 'unknown image'} to ${where}`;
  return el('div', { class: 'beacon' }, timing, histogramFigure(beacon, label));
}

function timeline(story: readonly StoryStep[]): Html {
  const refs = evidenceRefs(story.map((step) => step.evidence));
  const steps = story.map((step, i) =>
    el(
      'li',
      { class: `step ${STEP_CLASS.get(step.step) ?? 'step-other'}` },
      el('span', { class: 'when' }, text(isoTime(step.time))),
      el('span', { class: 'step-kind' }, text(step.step)),
      el('code', { class: 'summary' }, text(step.summary)),
      el('span', { class: 'ref' }, text(refs[i] ?? '')),
    ),
  );

  return el(
    'div',
    { class: 'story' },
    el('h4', {}, text('Story')),
    el('ol', { class: 'timeline' }, steps),
  );
}

function evidenceList(evidence: readonly Evidence[], omitted: number): Html {
  if (evidence.length === 0) return el('p', { class: 'note' }, text('No evidence events kept.'));

  const shown = evidence.slice(0, HTML_EVIDENCE_SHOWN);
  const refs = evidenceRefs(shown);
  const items = shown.map((item, i) =>
    el('li', {}, text(`${refs[i] ?? ''}, Event ID ${item.eventId}, ${isoTime(item.time)}`)),
  );
  const total = evidence.length + omitted;
  const rest = total - shown.length;
  const more = rest > 0 ? el('li', { class: 'note' }, text(`and ${rest} more`)) : join([]);

  return el(
    'details',
    { class: 'evidence' },
    el('summary', {}, text(plural(total, 'evidence event'))),
    el('ol', {}, items, more),
  );
}
