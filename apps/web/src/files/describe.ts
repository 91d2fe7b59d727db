/**
 * The words the page uses for a file's state: one honest status line, the damage banner, the
 * reasons records could not be read, and each parser diagnostic on one line.
 */
import type { Diagnostic, FileSummary } from '@evtxhunt/evtx';

import type { LoadedFile } from './loaded-file.js';
import { cutOffText, notEvtxReason, recordsLost, shortChunks, type ShortChunk } from './loss.js';

const NUMBER = new Intl.NumberFormat('en-US');

/** `1,730`. */
export function count(value: number): string {
  return NUMBER.format(value);
}

/** `1 event`, `1,730 events`. */
export function plural(value: number, one: string, many = `${one}s`): string {
  return `${count(value)} ${value === 1 ? one : many}`;
}

/** One line that says where the file's parse is and what it found. */
export function statusLine(file: LoadedFile): string {
  switch (file.state) {
    case 'waiting':
      return 'Waiting to be read';
    case 'reading':
      return `Reading: ${plural(file.records, 'record')} so far, ${percent(file)} of the file`;
    case 'failed':
      return `Could not be read: ${file.error ?? 'unknown error'}`;
    case 'cancelled':
      return `Cancelled after ${plural(file.records, 'record')}; the rest of the file was not read`;
    case 'done':
      if (file.summary === undefined) return `${plural(file.records, 'record')} read`;
      return file.format ? exportLine(file.summary, file.format) : summaryLine(file.summary);
  }
}

/** Said of a file that is neither EVTX nor an export read here. */
const NOT_AN_EXPORT =
  'nor is it an export read here (event XML, event JSON or JSONL, EvtxECmd or evtxhunt CSV, ' +
  'gzipped or not, or a zip archive of them)';

/**
 * `2 records read from a JSON export · no record lost`, or with `· 1 record could not be read:
 * <reasons>` in place of `no record lost`.
 */
export function exportLine(summary: FileSummary, format: string): string {
  const read = `${plural(summary.records.read, 'record')} read from ${exportName(format)}`;
  const lost = lossParts(summary);
  return `${read} · ${lost.length === 0 ? 'no record lost' : lost.join(' · ')}`;
}

/**
 * What the file is, by the format its worker read (`json`, `gzip xml`): `a JSON export`,
 * `a gzipped XML export`; a zip is `a zip archive` (of EVTX logs, exports or both), and a
 * gzipped EVTX file `a gzipped EVTX log`, since neither is an export.
 */
export function exportName(format: string): string {
  if (format === 'zip') return 'a zip archive';
  if (format === 'gzip evtx') return 'a gzipped EVTX log';
  const gzipped = format.startsWith('gzip ');
  const name = (gzipped ? format.slice('gzip '.length) : format).toUpperCase();
  return gzipped
    ? `a gzipped ${name} export`
    : `${/^[AEFHILMNORSX]/.test(name) ? 'an' : 'a'} ${name} export`;
}

function percent(file: LoadedFile): string {
  return file.size === 0 ? '0%' : `${Math.floor((100 * file.bytes) / file.size)}%`;
}

/**
 * `298 records read, 113 recovered (marked, not live) · 3 of 4 chunks damaged, 12 chunk slots
 * unreadable · 3 records could not be read: ... · 1,548 records missing`, or `not an EVTX file:
 * <reason>`.
 */
export function summaryLine(summary: FileSummary): string {
  const notEvtx = notEvtxReason(summary);
  if (notEvtx !== undefined) return notEvtx;

  const { chunks, records } = summary;
  const read = `${plural(records.read, 'record')} read${recoveredText(summary)}`;
  const damaged =
    chunks.damaged === 0
      ? `${plural(chunks.found, 'chunk')}, none damaged`
      : `${count(chunks.damaged)} of ${plural(chunks.found, 'chunk')} damaged`;
  const slots =
    chunks.unreadable === 0 ? '' : `, ${plural(chunks.unreadable, 'chunk slot')} unreadable`;
  const lost = lossParts(summary);
  if (lost.length === 0 && summary.lost) lost.push(UNCOUNTED_LOSS);
  return `${read} · ${damaged}${slots} · ${lost.length === 0 ? 'no record lost' : lost.join(' · ')}`;
}

/**
 * `, 113 recovered (marked, not live), 12 duplicates not shown again`, or '' when the parser
 * recovered and skipped nothing.
 */
function recoveredText({ records }: FileSummary): string {
  const parts = [''];
  const { recovered = 0, duplicates = 0 } = records;
  if (recovered > 0) parts.push(`${count(recovered)} recovered (marked, not live)`);
  if (duplicates > 0) parts.push(`${plural(duplicates, 'duplicate')} not shown again`);
  return parts.join(', ');
}

/** Said when the parser knows records were lost but not how many (e.g. unreadable slots). */
const UNCOUNTED_LOSS = 'records lost, how many cannot be told (see the diagnostics)';

/** Each way records were lost, in words: cut off, short chunks, failed, missing. */
function lossParts(summary: FileSummary): string[] {
  const { records, diagnostics } = summary;
  const parts: string[] = [];
  const cutOff = cutOffText(diagnostics);
  if (cutOff !== undefined) parts.push(cutOff);
  const short = shortChunks(diagnostics);
  if (short.length > 0) parts.push(shortText(short));
  if (records.failed > 0)
    parts.push(`${plural(records.failed, 'record')} could not be read${reasonsText(diagnostics)}`);
  if (records.missing > 0) parts.push(`${plural(records.missing, 'record')} missing`);
  return parts;
}

function shortText(short: readonly ShortChunk[]): string {
  const [first] = short;
  if (short.length > 1 || first === undefined)
    return `${count(short.length)} chunk headers name more records than were read`;
  return `chunk ${first.chunk}'s header names ${plural(first.named, 'record')}, ${count(first.read)} read`;
}

/** Why records failed, most common first: the clause after the last `; ` of each message. */
export function failureReasons(diagnostics: readonly Diagnostic[]): [string, number][] {
  const reasons = new Map<string, number>();
  for (const diagnostic of diagnostics) {
    if (diagnostic.severity !== 'error' || diagnostic.recordId === undefined) continue;
    const reason = diagnostic.message.split('; ').at(-1) ?? diagnostic.message;
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  return [...reasons].sort((a, b) => b[1] - a[1]);
}

function reasonsText(diagnostics: readonly Diagnostic[]): string {
  const reasons = failureReasons(diagnostics).slice(0, 3);
  if (reasons.length === 0) return '';
  return `: ${reasons.map(([reason, n]) => `${reason} (${count(n)})`).join(', ')}`;
}

/** The banner under a file's status line: `error` for a wrong file or lost records. */
export interface Banner {
  readonly text: string;
  readonly severity: 'error' | 'warning';
}

/**
 * The banner for a file that is not EVTX, dirty, damaged or lost records, or undefined for a
 * clean file. It says plainly that what is shown is what could be read.
 */
export function damageBanner(file: LoadedFile): Banner | undefined {
  const summary = file.summary;
  if (summary === undefined) return undefined;
  const notEvtx = notEvtxReason(summary);
  if (notEvtx !== undefined) {
    const text = `${file.name}: ${notEvtx}; ${NOT_AN_EXPORT}; nothing was read from it.`;
    return { text, severity: 'error' };
  }

  const dirty = summary.diagnostics.some((d) => d.message.startsWith('file is marked dirty'));
  const lost = summary.lost || recordsLost(summary);
  const damaged = summary.chunks.damaged > 0;
  if (!dirty && !lost && !damaged) return undefined;

  const parts = [];
  if (dirty) parts.push('the log was not closed cleanly (dirty), so every chunk slot was scanned');
  if (lost) parts.push('records lost: the table holds every record that could be read');
  else if (damaged) parts.push('chunks damaged (records still read)');
  return { text: `${file.name}: ${parts.join('; ')}.`, severity: lost ? 'error' : 'warning' };
}

/** `error: record at 0x2fc0 (chunk 0, record 46741): trailing size copy 0 differs …`. */
export function describeDiagnostic(diagnostic: Diagnostic): string {
  const where = [`${diagnostic.structure} at 0x${diagnostic.offset.toString(16)}`];
  if (diagnostic.chunkIndex !== undefined) where.push(`chunk ${diagnostic.chunkIndex}`);
  if (diagnostic.recordId !== undefined) where.push(`record ${diagnostic.recordId}`);
  const place = where.length === 1 ? where[0] : `${where[0]} (${where.slice(1).join(', ')})`;
  return `${diagnostic.severity}: ${place}: ${diagnostic.message}`;
}

/** `2.1 MB`. */
export function byteSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}
