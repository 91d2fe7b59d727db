/**
 * The hunt report as one self-contained HTML5 document: inline style, no script, a CSP that
 * forbids loading anything, and every report value escaped (report values are attacker-controlled
 * event data). Sections: summary, findings, suppressed, coverage, network pivot.
 */
import {
  kindTally,
  mostSevereFirst,
  plural,
  severityTally,
  spanText,
  tallyText,
  isoTime,
} from './format.js';
import { el, join, text, trusted, type Content, type Html } from './html-build.js';
import { fact, findingArticle, severityClass } from './html-finding.js';
import { REPORT_CSS } from './html-style.js';
import { htmlTable, type HtmlCell, type HtmlColumn } from './html-table.js';
import {
  duplicatesText,
  recoveredInputText,
  damagedSources,
  lossySources,
  sourceLossText,
  sourceProblems,
  sourcesHeadline,
} from './sources.js';
import type {
  CoverageSection,
  HuntReport,
  NetworkPivotRow,
  SuppressedCount,
} from './hunt-types.js';

/** What the HTML report says about itself. */
export interface HtmlReportOptions {
  /** The document title and heading. */
  readonly title: string;
  /** When the report was made (ISO-8601 UTC). */
  readonly generatedAt: string;
}

/** The policy in the document's CSP meta tag: nothing loads, no script runs, no form posts. */
export const REPORT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/** Network pivot rows in the HTML report; the rest are counted. */
export const HTML_PIVOT_ROWS = 500;

const SECTIONS = [
  ['summary', 'Summary'],
  ['input', 'Input files'],
  ['findings', 'Findings'],
  ['suppressed', 'Suppressed'],
  ['coverage', 'Coverage'],
  ['pivot', 'Network pivot'],
] as const;

/** The whole report as an HTML document, ending in a newline. */
export function renderHtmlReport(report: HuntReport, options: HtmlReportOptions): string {
  const main = el(
    'main',
    {},
    section('summary', summary(report)),
    section('input', inputFiles(report)),
    section('findings', findings(report)),
    section('suppressed', suppressed(report.suppressed)),
    section('coverage', coverage(report.coverage)),
    section('pivot', pivot(report.pivot)),
  );
  const body = el('body', {}, header(options), main, footer());

  return `<!DOCTYPE html>\n${el('html', { lang: 'en' }, head(options.title), body)}\n`;
}

function head(title: string): Html {
  return el(
    'head',
    {},
    trusted('<meta charset="utf-8">'),
    trusted(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`),
    trusted('<meta name="referrer" content="no-referrer">'),
    trusted('<meta name="viewport" content="width=device-width, initial-scale=1">'),
    el('title', {}, text(title)),
    el('style', {}, trusted(REPORT_CSS)),
  );
}

function header(options: HtmlReportOptions): Html {
  const links = SECTIONS.map(([id, name]) => el('a', { href: `#${id}` }, text(name)));

  return el(
    'header',
    {},
    el('h1', {}, text(options.title)),
    el('p', { class: 'generated' }, text(`Generated ${isoTime(options.generatedAt)} by evtxhunt.`)),
    el('nav', {}, links),
  );
}

function footer(): Html {
  const note =
    'Every value in this report comes from event logs and is shown as text, not followed.';
  return el('footer', {}, text(note));
}

function section(id: (typeof SECTIONS)[number][0], ...content: Content[]): Html {
  const name = SECTIONS.find(([key]) => key === id)?.[1] ?? id;
  return el('section', { id }, el('h2', {}, text(name)), ...content);
}

function summary(report: HuntReport): Html {
  const { input } = report;
  const first = input.firstTime;
  const last = input.lastTime;
  const span = first === undefined || last === undefined ? undefined : spanText(first, last);
  const time =
    first === undefined || last === undefined
      ? 'no timed activity'
      : `${isoTime(first)} to ${isoTime(last)}${span === undefined ? '' : ` (${span})`}`;

  return el(
    'dl',
    { class: 'facts' },
    fact('Records read', `${input.records}${recoveredInputText(report)}${duplicatesText(report)}`),
    fact('Activities', String(input.activities)),
    fact('Network connections', `${input.networkConnections} (Sysmon Event ID 3)`),
    fact('Computers', computersText(input.computers)),
    fact('Time span', time),
    el('dt', {}, text('Findings')),
    el('dd', {}, findingChips(report)),
  );
}

function computersText(computers: readonly string[]): string {
  return computers.length === 0 ? 'none' : `${computers.length}: ${computers.join(', ')}`;
}

function findingChips(report: HuntReport): Html {
  if (report.findings.length === 0) return text('none');

  const chips = severityTally(report.findings).map(([severity, count]) =>
    el('span', { class: `chip ${severityClass(severity)}` }, text(`${count} ${severity}`)),
  );
  const kinds = el('div', {}, text(`By kind: ${tallyText(kindTally(report.findings))}`));
  return join([...chips, kinds]);
}

function findings(report: HuntReport): Html {
  if (report.findings.length === 0) return el('p', {}, text('No findings.'));

  return join(mostSevereFirst(report.findings).map((finding, i) => findingArticle(finding, i + 1)));
}

function inputFiles(report: HuntReport): Html {
  const headline = sourcesHeadline(report);
  const lossy = lossySources(report);
  const listed = [...lossy, ...damagedSources(report)];
  if (report.sources === undefined) return el('p', {}, text('The files read were not recorded.'));
  if (listed.length === 0) return el('p', {}, text(headline));

  const rows = listed.map((source) => [
    source.file,
    sourceLossText(source),
    sourceProblems(source),
  ]);
  const said =
    lossy.length > 0
      ? el('p', { class: 'data-lost', role: 'alert' }, text(headline))
      : el('p', {}, text(headline));
  return join([said, htmlTable(INPUT_COLUMNS, rows)]);
}

const INPUT_COLUMNS: readonly HtmlColumn[] = [
  { heading: 'file', kind: 'token' },
  { heading: 'what was lost' },
  { heading: 'problems' },
];

function suppressed(rules: readonly SuppressedCount[]): Html {
  if (rules.length === 0) return el('p', {}, text('No allowlist rule suppressed anything.'));

  const total = rules.reduce((sum, rule) => sum + rule.count, 0);
  const rows = rules.map((rule) => [rule.count, rule.line, rule.rule, rule.kinds.join(', ')]);
  return join([
    el('p', {}, text(`${plural(total, 'finding')} suppressed by ${plural(rules.length, 'rule')}.`)),
    htmlTable(SUPPRESSED_COLUMNS, rows),
  ]);
}

function coverage(section: CoverageSection | undefined): Html {
  if (section === undefined) return el('p', {}, text('Coverage was not assessed.'));

  const basis =
    section.basis === 'config'
      ? `From the Sysmon configuration ${section.configName ?? '(unnamed)'}.`
      : 'Inferred from the logs: no Sysmon configuration was given.';
  const spots = section.blindSpots.map((spot) => [spot.category, spot.label, spot.reason]);
  const notes = section.notes.map((note) => el('li', {}, text(note)));

  return join([
    el('p', {}, text(basis)),
    el('h3', {}, text(`Blind spots: Event ID 3 is never logged for (${spots.length})`)),
    spots.length === 0 ? el('p', {}, text('None found.')) : htmlTable(BLIND_SPOT_COLUMNS, spots),
    notes.length === 0 ? [] : [el('h3', {}, text('Notes')), el('ul', {}, notes)],
  ]);
}

function pivot(rows: readonly NetworkPivotRow[]): Html {
  if (rows.length === 0) return el('p', {}, text('No outbound connections.'));

  const shown = rows.slice(0, HTML_PIVOT_ROWS);
  const left = rows.length - shown.length;
  const tally =
    left > 0
      ? `Top ${shown.length} of ${rows.length} rows (${left} left out).`
      : `${plural(rows.length, 'row')}, largest first.`;
  return join([el('p', {}, text(tally)), htmlTable(PIVOT_COLUMNS, shown.map(pivotCells))]);
}

const SUPPRESSED_COLUMNS: readonly HtmlColumn[] = [
  { heading: 'Count' },
  { heading: 'Line' },
  { heading: 'Rule', kind: 'token' },
  { heading: 'Kinds' },
];

const BLIND_SPOT_COLUMNS: readonly HtmlColumn[] = [
  { heading: 'Category' },
  { heading: 'Probe', kind: 'token' },
  { heading: 'Why' },
];

const PIVOT_COLUMNS: readonly HtmlColumn[] = [
  { heading: 'Count' },
  { heading: 'Computer', kind: 'token' },
  { heading: 'Image', kind: 'token' },
  { heading: 'Destination', kind: 'token' },
  { heading: 'Class' },
  { heading: 'Ports' },
  { heading: 'Hostnames', kind: 'token' },
  { heading: 'Queried names', kind: 'token' },
  { heading: 'First and last seen', kind: 'time' },
];

function pivotCells(row: NetworkPivotRow): HtmlCell[] {
  return [
    row.count,
    row.computer,
    row.image,
    row.destinationIp,
    row.ipClass,
    row.ports.join(', '),
    row.hostnames.join(', '),
    row.queriedNames.join(', '),
    [isoTime(row.firstSeen), isoTime(row.lastSeen)],
  ];
}
