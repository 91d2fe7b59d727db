/** Text rendering of `evtxhunt info`: header facts, chunk table, record counts, damage. */
import type { ChunkInfo, FileHeader, FileSummary } from '@evtxhunt/evtx';

import { describeDiagnostic } from './diagnostics.js';
import { escapeText } from './escape.js';
import { renderTable } from './table.js';

/** Everything `info` learns about one file. */
export interface InfoReport {
  readonly file: string;
  readonly size: number;
  readonly header: FileHeader | undefined;
  readonly chunks: readonly ChunkInfo[];
  readonly summary: FileSummary;
  /** What an export is (`JSON export`); undefined for an EVTX file. */
  readonly format?: string | undefined;
}

/** The report as text lines, every value escaped for a terminal. */
export function renderInfo(report: InfoReport): string[] {
  if (report.format !== undefined) return exportInfo(report, report.format);
  const { summary } = report;
  const chunks = summary.chunks;
  const facts: [string, string][] = [
    ['size', `${report.size} bytes`],
    ...headerFacts(report.header),
    ['records', recordCounts(summary.records)],
    [
      'chunk slots',
      `${chunks.slots}: ${chunks.found} found, ${chunks.valid} valid, ` +
        `${chunks.damaged} damaged, ${chunks.empty} empty, ${chunks.unreadable} unreadable`,
    ],
  ];

  return [
    escapeText(report.file),
    ...facts.map(([name, value]) => `  ${name.padEnd(16)}${value}`),
    '',
    ...chunkTable(report.chunks).map((line) => `  ${line}`),
    '',
    ...damage(report),
  ];
}

/** An export's facts: its size, its format and its records; it has no header or chunks. */
function exportInfo(report: InfoReport, format: string): string[] {
  const facts: [string, string][] = [
    ['size', `${report.size} bytes`],
    ['format', format],
    ['records', recordCounts(report.summary.records)],
  ];
  return [
    escapeText(report.file),
    ...facts.map(([name, value]) => `  ${name.padEnd(16)}${value}`),
    '',
    ...damage(report),
  ];
}

/** `1657 read, 0 failed`, and how many record ids are missing when any are. */
function recordCounts(records: FileSummary['records']): string {
  const { read, failed, missing, recovered, duplicates } = records;
  let counts = `${read} read, ${failed} failed`;
  if (recovered !== undefined) counts += `, ${recovered} recovered (not live, flagged)`;
  if (duplicates !== undefined) counts += `, ${duplicates} duplicates (not read again)`;
  return missing > 0
    ? `${counts}, ${missing} missing (ids the log names but does not hold)`
    : counts;
}

function headerFacts(header: FileHeader | undefined): [string, string][] {
  if (header === undefined) return [['header', 'unreadable']];

  const checksum = `0x${header.checksum.toString(16).padStart(8, '0')}`;
  return [
    ['format', `version ${header.majorVersion}.${header.minorVersion}`],
    ['header', `${header.headerSize} bytes in a ${header.headerBlockSize}-byte block`],
    ['header checksum', `${checksum} (${header.checksumValid ? 'valid' : 'INVALID'})`],
    ['flags', headerFlags(header)],
    [
      'chunk count',
      `${header.chunkCount} (chunk numbers ${header.firstChunkNumber}-${header.lastChunkNumber})`,
    ],
    ['next record id', String(header.nextRecordId)],
  ];
}

function headerFlags(header: FileHeader): string {
  const names = [header.dirty ? 'dirty' : '', header.full ? 'full' : ''].filter(Boolean);
  const hex = `0x${header.flags.toString(16)}`;
  return names.length === 0 ? `${hex} (none)` : `${hex} (${names.join(', ')})`;
}

function chunkTable(chunks: readonly ChunkInfo[]): string[] {
  if (chunks.length === 0) return ['no chunks'];

  const columns = [
    { heading: 'chunk', align: 'right' as const },
    { heading: 'offset' },
    { heading: 'status' },
    { heading: 'record ids' },
    { heading: 'header crc' },
    { heading: 'data crc' },
  ];
  return renderTable(columns, chunks.map(chunkCells));
}

function chunkCells(chunk: ChunkInfo): string[] {
  const ids =
    chunk.firstRecordId === undefined ? '-' : `${chunk.firstRecordId}-${chunk.lastRecordId ?? '?'}`;
  return [
    String(chunk.index),
    `0x${chunk.offset.toString(16)}`,
    chunk.duplicateOf === undefined ? chunkState(chunk) : `repeats chunk ${chunk.duplicateOf}`,
    ids,
    crcText(chunk.headerCrcValid),
    crcText(chunk.dataCrcValid),
  ];
}

/**
 * A chunk's state as the account counts it: a chunk read whole but with anything that could not
 * be trusted or read (a CRC mismatch, a failed or missing record) is `damaged`, not `ok`.
 */
function chunkState(chunk: ChunkInfo): string {
  return chunk.status === 'ok' && chunk.damaged ? 'damaged' : chunk.status;
}

function crcText(valid: boolean | undefined): string {
  if (valid === undefined) return '-';
  return valid ? 'valid' : 'BAD';
}

function damage(report: InfoReport): string[] {
  const diagnostics = report.summary.diagnostics;
  if (diagnostics.length === 0) return ['  damage          none found'];

  const lines = diagnostics.map((diagnostic) => `    ${describeDiagnostic(diagnostic)}`);
  const problems = diagnostics.length === 1 ? 'diagnostic' : 'diagnostics';
  return [`  damage          ${diagnostics.length} ${problems}:`, ...lines];
}
