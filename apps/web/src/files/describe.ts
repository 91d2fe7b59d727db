/**
 * The words the page uses for a file's state, in the page's language: one honest status line,
 * the damage banner, the reasons records could not be read, and each parser diagnostic on one
 * line. The parser's own messages (diagnostics, failure reasons, "not an EVTX file") are shown
 * as the parser wrote them, in English.
 */
import type { Diagnostic, FileSummary } from '@evtxhunt/evtx';

import type { Translator } from '../i18n/translator.js';
import type { LoadedFile } from './loaded-file.js';
import { cutOff, notEvtxReason, recordsLost, shortChunks, type ShortChunk } from './loss.js';

const NUMBER = new Intl.NumberFormat('en-US');

/** `1,730`, always in English: for texts that are not the page's (exports, reports). */
export function count(value: number): string {
  return NUMBER.format(value);
}

/** `1 event`, `1,730 events`, always in English: for texts that are not the page's. */
export function plural(value: number, one: string, many = `${one}s`): string {
  return `${count(value)} ${value === 1 ? one : many}`;
}

/** One line that says where the file's parse is and what it found. */
export function statusLine(file: LoadedFile, tr: Translator): string {
  const { t } = tr;
  switch (file.state) {
    case 'waiting':
      return t('files.waiting');
    case 'reading':
      return t('files.reading', { count: file.records, percent: percent(file) });
    case 'failed':
      return t('files.failed', { reason: file.error ?? t('files.unknownError') });
    case 'cancelled':
      return t('files.cancelled', { count: file.records });
    case 'done':
      if (file.summary === undefined) return t('files.recordsRead', { count: file.records });
      return file.format
        ? exportLine(file.summary, file.format, tr)
        : summaryLine(file.summary, tr);
  }
}

/**
 * `2 records read from a JSON export · no record lost`, or with `· 1 record could not be read:
 * <reasons>` in place of `no record lost`.
 */
export function exportLine(summary: FileSummary, format: string, tr: Translator): string {
  const read = tr.t('files.exportRead', {
    count: summary.records.read,
    format: exportName(format, tr),
  });
  const lost = lossParts(summary, tr);
  return [read, ...(lost.length === 0 ? [tr.t('files.noLoss')] : lost)].join(' · ');
}

/**
 * What the file is, by the format its worker read (`json`, `gzip xml`): `a JSON export`,
 * `a gzipped XML export`; a zip is `a zip archive` (of EVTX logs, exports or both), and a
 * gzipped EVTX file `a gzipped EVTX log`, since neither is an export.
 */
export function exportName(format: string, tr: Translator): string {
  if (format === 'zip') return tr.t('files.formatZip');
  if (format === 'gzip evtx') return tr.t('files.formatGzipEvtx');
  const gzipped = format.startsWith('gzip ');
  const name = (gzipped ? format.slice('gzip '.length) : format).toUpperCase();
  if (gzipped) return tr.t('files.formatGzipped', { name });
  // "an XML", "an HTML": the letter's English name starts with a vowel sound.
  const vowel = /^[AEFHILMNORSX]/.test(name);
  return tr.t(vowel ? 'files.formatVowel' : 'files.formatPlain', { name });
}

/** The share read so far, a whole number of percent. */
function percent(file: LoadedFile): number {
  return file.size === 0 ? 0 : Math.floor((100 * file.bytes) / file.size);
}

/**
 * `298 records read, 113 recovered (marked, not live) · 3 of 4 chunks damaged, 12 chunk slots
 * unreadable · 3 records could not be read: ... · 1,548 records missing`, or `not an EVTX file:
 * <reason>`.
 */
export function summaryLine(summary: FileSummary, tr: Translator): string {
  const notEvtx = notEvtxReason(summary);
  if (notEvtx !== undefined) return notEvtx;

  const { t } = tr;
  const { chunks, records } = summary;
  const read = [t('files.recordsRead', { count: records.read }), ...recoveredParts(summary, tr)];
  const chunkParts = [
    chunks.damaged === 0
      ? t('files.chunksClean', { count: chunks.found })
      : t('files.chunksDamaged', { damaged: chunks.damaged, count: chunks.found }),
  ];
  if (chunks.unreadable > 0)
    chunkParts.push(t('files.slotsUnreadable', { count: chunks.unreadable }));
  const lost = lossParts(summary, tr);
  if (lost.length === 0 && summary.lost) lost.push(t('files.uncountedLoss'));
  if (lost.length === 0) lost.push(t('files.noLoss'));
  return [read.join(', '), chunkParts.join(', '), ...lost].join(' · ');
}

/** `113 recovered (marked, not live)`, `12 duplicates not shown again`, or none. */
function recoveredParts({ records }: FileSummary, tr: Translator): string[] {
  const parts: string[] = [];
  const { recovered = 0, duplicates = 0 } = records;
  if (recovered > 0) parts.push(tr.t('files.recovered', { count: recovered }));
  if (duplicates > 0) parts.push(tr.t('files.duplicates', { count: duplicates }));
  return parts;
}

/** Each way records were lost, in words: cut off, short chunks, failed, missing. */
function lossParts(summary: FileSummary, tr: Translator): string[] {
  const { t } = tr;
  const { records, diagnostics } = summary;
  const parts: string[] = [];
  const cut = cutOff(diagnostics);
  if (cut !== undefined) parts.push(t('files.cutOff', { named: cut.named, found: cut.found }));
  const short = shortChunks(diagnostics);
  if (short.length > 0) parts.push(shortText(short, tr));
  if (records.failed > 0) {
    const reasons = reasonsText(diagnostics, tr);
    parts.push(
      reasons === ''
        ? t('files.failedRecords', { count: records.failed })
        : t('files.failedRecordsWhy', { count: records.failed, reasons }),
    );
  }
  if (records.missing > 0) parts.push(t('files.missing', { count: records.missing }));
  return parts;
}

function shortText(short: readonly ShortChunk[], tr: Translator): string {
  const [first] = short;
  if (short.length > 1 || first === undefined)
    return tr.t('files.shortChunks', { count: short.length });
  return tr.t('files.shortChunk', {
    chunk: String(first.chunk),
    count: first.named,
    read: first.read,
  });
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

/** The three most common reasons (the parser's words) with their counts, or ''. */
function reasonsText(diagnostics: readonly Diagnostic[], tr: Translator): string {
  const reasons = failureReasons(diagnostics).slice(0, 3);
  return reasons.map(([reason, n]) => tr.t('files.reason', { reason, count: n })).join(', ');
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
export function damageBanner(file: LoadedFile, tr: Translator): Banner | undefined {
  const summary = file.summary;
  if (summary === undefined) return undefined;
  const notEvtx = notEvtxReason(summary);
  if (notEvtx !== undefined) {
    const text = tr.t('files.notEvtxBanner', { name: file.name, reason: notEvtx });
    return { text, severity: 'error' };
  }

  const dirty = summary.diagnostics.some((d) => d.message.startsWith('file is marked dirty'));
  const lost = summary.lost || recordsLost(summary);
  const damaged = summary.chunks.damaged > 0;
  if (!dirty && !lost && !damaged) return undefined;

  const parts = [];
  if (dirty) parts.push(tr.t('files.bannerDirty'));
  if (lost) parts.push(tr.t('files.bannerLost'));
  else if (damaged) parts.push(tr.t('files.bannerDamaged'));
  const text = tr.t('files.banner', { name: file.name, parts: parts.join('; ') });
  return { text, severity: lost ? 'error' : 'warning' };
}

/**
 * `error: record at 0x2fc0 (chunk 0, record 46741): trailing size copy 0 differs …`.
 * TODO: a diagnostic stays in the parser's English, its place words included, in every
 * language: it is quoted as the parser and the CLI write it, so it can be searched for.
 */
export function describeDiagnostic(diagnostic: Diagnostic): string {
  const where = [`${diagnostic.structure} at 0x${diagnostic.offset.toString(16)}`];
  if (diagnostic.chunkIndex !== undefined) where.push(`chunk ${diagnostic.chunkIndex}`);
  if (diagnostic.recordId !== undefined) where.push(`record ${diagnostic.recordId}`);
  const place = where.length === 1 ? where[0] : `${where[0]} (${where.slice(1).join(', ')})`;
  return `${diagnostic.severity}: ${place}: ${diagnostic.message}`;
}
