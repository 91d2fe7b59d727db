/**
 * The hunt report as terminal text: summary, findings most severe first, suppressed counts,
 * coverage, then the top of the network pivot. Every report value is attacker-controlled and
 * goes through escapeText; colour codes are added only around text already escaped.
 */
import { escapeText } from '../escape.js';
import { renderTable, type Column } from '../table.js';
import { painter, type Paint } from './ansi.js';
import {
  isoTime,
  kindTally,
  mostSevereFirst,
  plural,
  severityTally,
  spanText,
  tallyText,
} from './format.js';
import type {
  CoverageSection,
  HuntReport,
  NetworkPivotRow,
  SourceStatus,
  SuppressedCount,
} from './hunt-types.js';
import {
  duplicatesText,
  recoveredInputText,
  damagedSources,
  lossySources,
  sourceLossText,
  sourceProblems,
  sourcesHeadline,
} from './sources.js';
import { findingLines } from './text-finding.js';
import { factLines } from './text-layout.js';

/** How to draw the text report. */
export interface TextReportOptions {
  /** Whether to add ANSI colour (a terminal, not a file or pipe). */
  readonly color: boolean;
  /** Columns to wrap long values at; DEFAULT_TEXT_WIDTH when absent. */
  readonly width?: number;
  /** Pivot rows to show; TEXT_PIVOT_ROWS when absent. */
  readonly pivotRows?: number;
}

/** Wrapping width when the caller does not know the terminal's. */
export const DEFAULT_TEXT_WIDTH = 100;

/** Network pivot rows shown by default; the rest are counted. */
export const TEXT_PIVOT_ROWS = 20;

/** Computer names listed in the summary; the rest are counted. */
const COMPUTERS_SHOWN = 10;

/** The whole report as text, ending in a newline. */
export function renderTextReport(report: HuntReport, options: TextReportOptions): string {
  const paint = painter(options.color);
  const width = options.width ?? DEFAULT_TEXT_WIDTH;

  const sections = [
    summaryLines(report, paint, width),
    sourcesLines(report, paint, width),
    findingsLines(report, paint, width),
    suppressedLines(report.suppressed, paint),
    coverageLines(report.coverage, paint, width),
    pivotLines(report.pivot, paint, options.pivotRows ?? TEXT_PIVOT_ROWS),
  ];
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}

function summaryLines(report: HuntReport, paint: Paint, width: number): string[] {
  const { input, findings } = report;
  const fact = (label: string, value: string): string[] =>
    factLines(label, escapeText(value), width);

  return [
    paint('evtxhunt hunt report', 'bold'),
    ...fact(
      'records',
      `${input.records} read${recoveredInputText(report)}${duplicatesText(report)}, ` +
        `${plural(input.activities, 'activity', 'activities')}, ` +
        `${plural(input.networkConnections, 'network connection')}`,
    ),
    ...fact('computers', computersText(input.computers)),
    ...fact('time span', timeSpanText(input.firstTime, input.lastTime)),
    ...fact('findings', findingsTally(report)),
    ...(findings.length === 0
      ? []
      : factLines('', escapeText(`by kind: ${tallyText(kindTally(findings))}`), width)),
  ];
}

function computersText(computers: readonly string[]): string {
  const shown = computers.slice(0, COMPUTERS_SHOWN).join(', ');
  const rest = computers.length - COMPUTERS_SHOWN;

  if (computers.length === 0) return 'none';
  return rest > 0
    ? `${computers.length}: ${shown} and ${rest} more`
    : `${computers.length}: ${shown}`;
}

function timeSpanText(first: string | undefined, last: string | undefined): string {
  if (first === undefined || last === undefined) return 'no timed activity';

  const span = spanText(first, last);
  const range = `${isoTime(first)} .. ${isoTime(last)}`;
  return span === undefined ? range : `${range} (${span})`;
}

function sourcesLines(report: HuntReport, paint: Paint, width: number): string[] {
  if (report.sources === undefined) return [];

  const lossy = lossySources(report);
  const damaged = damagedSources(report);
  const headline = escapeText(sourcesHeadline(report));
  const input = `${paint('Input', 'bold')}: ${headline}`;
  if (lossy.length === 0 && damaged.length === 0) return [input];

  const blocks = (label: string, sources: readonly SourceStatus[]) =>
    sources.flatMap((source) => [
      ...factLines('file', escapeText(source.file), width),
      ...factLines(label, escapeText(sourceLossText(source)), width),
      ...sourceProblems(source).flatMap((problem) => factLines('', escapeText(problem), width)),
    ]);
  if (lossy.length === 0) return [input, ...blocks('damaged', damaged)];
  return [
    paint('DATA NOT READ', 'critical'),
    `  ${paint(headline, 'high')}`,
    ...blocks('lost', lossy),
    ...blocks('damaged', damaged),
  ];
}

function findingsTally(report: HuntReport): string {
  const count = report.findings.length;
  return count === 0 ? 'none' : `${count}: ${tallyText(severityTally(report.findings))}`;
}

function findingsLines(report: HuntReport, paint: Paint, width: number): string[] {
  const title = paint('Findings', 'bold');
  if (report.findings.length === 0) return [title, '  No findings.'];

  const blocks = mostSevereFirst(report.findings).map((finding, i) =>
    findingLines(finding, i + 1, paint, width).join('\n'),
  );
  return [title, blocks.join('\n\n')];
}

function suppressedLines(suppressed: readonly SuppressedCount[], paint: Paint): string[] {
  const total = suppressed.reduce((sum, rule) => sum + rule.count, 0);
  const title = paint('Suppressed by the allowlist', 'bold');
  if (suppressed.length === 0) return [`${title}: none`];

  const columns: Column[] = [
    { heading: 'count', align: 'right' },
    { heading: 'line', align: 'right' },
    { heading: 'rule' },
    { heading: 'kinds' },
  ];
  const rows = suppressed.map((rule) => [
    String(rule.count),
    String(rule.line),
    rule.rule,
    rule.kinds.join(', '),
  ]);
  const tally = `${plural(total, 'finding')} by ${plural(suppressed.length, 'rule')}`;
  return [`${title}: ${tally}`, ...indent(renderTable(columns, rows))];
}

function coverageLines(
  coverage: CoverageSection | undefined,
  paint: Paint,
  width: number,
): string[] {
  const title = paint('Coverage', 'bold');
  if (coverage === undefined) return [`${title}: not assessed`];

  const basis =
    coverage.basis === 'config'
      ? `from the configuration ${escapeText(coverage.configName ?? '(unnamed)')}`
      : 'inferred from the logs';
  return [`${title} ${basis}`, ...blindSpotLines(coverage), ...noteLines(coverage, width)];
}

function blindSpotLines(coverage: CoverageSection): string[] {
  if (coverage.blindSpots.length === 0) return ['  Blind spots: none found'];

  const columns: Column[] = [{ heading: 'category' }, { heading: 'probe' }, { heading: 'reason' }];
  const rows = coverage.blindSpots.map((spot) => [spot.category, spot.label, spot.reason]);
  const count = plural(coverage.blindSpots.length, 'blind spot');
  return [`  ${count}: Event ID 3 is never logged for`, ...indent(renderTable(columns, rows), 4)];
}

function noteLines(coverage: CoverageSection, width: number): string[] {
  if (coverage.notes.length === 0) return [];

  return coverage.notes.flatMap((note, i) =>
    factLines(i === 0 ? 'notes' : '', escapeText(note), width),
  );
}

function pivotLines(pivot: readonly NetworkPivotRow[], paint: Paint, limit: number): string[] {
  const title = paint('Network pivot', 'bold');
  if (pivot.length === 0) return [`${title}: no outbound connections`];

  const shown = pivot.slice(0, Math.max(0, limit));
  const left = pivot.length - shown.length;
  const tally =
    left > 0
      ? `top ${shown.length} of ${pivot.length} rows (${left} left out)`
      : plural(pivot.length, 'row');
  return [`${title}: ${tally}`, ...indent(renderTable(PIVOT_COLUMNS, shown.map(pivotCells)))];
}

const PIVOT_COLUMNS: readonly Column[] = [
  { heading: 'count', align: 'right' },
  { heading: 'computer' },
  { heading: 'image' },
  { heading: 'destination' },
  { heading: 'class' },
  { heading: 'ports' },
  { heading: 'hostnames' },
  { heading: 'queried names' },
  { heading: 'first seen' },
  { heading: 'last seen' },
];

function pivotCells(row: NetworkPivotRow): string[] {
  const list = (values: readonly (string | number)[]): string =>
    values.length === 0 ? '-' : values.join(',');

  return [
    String(row.count),
    row.computer,
    row.image,
    row.destinationIp,
    row.ipClass,
    list(row.ports),
    list(row.hostnames),
    list(row.queriedNames),
    isoTime(row.firstSeen),
    isoTime(row.lastSeen),
  ];
}

function indent(lines: readonly string[], spaces = 2): string[] {
  return lines.map((line) => ' '.repeat(spaces) + line);
}
