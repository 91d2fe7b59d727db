/**
 * The words the page uses for a file's state: one honest status line, the damage banner, the
 * reasons records could not be read, and each parser diagnostic on one line.
 */
import type { Diagnostic, FileSummary } from '@evtxhunt/evtx';

import type { LoadedFile } from './loaded-file.js';

const NUMBER = new Intl.NumberFormat('en-US');

/** `1,730`. */
export function count(value: number): string {
  return NUMBER.format(value);
}

function plural(value: number, one: string, many = `${one}s`): string {
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
      return file.summary ? summaryLine(file.summary) : `${plural(file.records, 'record')} read`;
  }
}

function percent(file: LoadedFile): string {
  return file.size === 0 ? '0%' : `${Math.floor((100 * file.bytes) / file.size)}%`;
}

/**
 * `298 records read · 3 of 4 chunks damaged, 12 chunk slots unreadable · 3 records could not be
 * read: ... · 1,548 records missing with wiped chunks`.
 */
export function summaryLine(summary: FileSummary): string {
  const { chunks, records } = summary;
  const read = `${plural(records.read, 'record')} read`;
  const damaged =
    chunks.damaged === 0
      ? `${plural(chunks.found, 'chunk')}, none damaged`
      : `${count(chunks.damaged)} of ${plural(chunks.found, 'chunk')} damaged`;
  const slots =
    chunks.unreadable === 0 ? '' : `, ${plural(chunks.unreadable, 'chunk slot')} unreadable`;
  const failed =
    records.failed === 0
      ? ''
      : `${plural(records.failed, 'record')} could not be read${reasonsText(summary.diagnostics)}`;
  const missing =
    records.missing === 0 ? '' : `${plural(records.missing, 'record')} missing with wiped chunks`;
  const lost = [failed, missing].filter((part) => part !== '').join(' · ');
  return `${read} · ${damaged}${slots} · ${lost === '' ? 'no record lost' : lost}`;
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

/**
 * The banner for a file that is dirty or lost something, or undefined for a clean file. It
 * says plainly that what is shown is what could be read.
 */
export function damageBanner(file: LoadedFile): string | undefined {
  const summary = file.summary;
  if (summary === undefined) return undefined;
  const dirty = summary.diagnostics.some((d) => d.message.startsWith('file is marked dirty'));
  const damaged = summary.lost || summary.chunks.damaged > 0 || summary.records.failed > 0;
  if (!dirty && !damaged) return undefined;

  const parts = [];
  if (dirty) parts.push('the log was not closed cleanly (dirty), so every chunk slot was scanned');
  if (damaged)
    parts.push('parts of it are damaged: the table holds every record that could be read');
  return `${file.name}: ${parts.join('; ')}.`;
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
