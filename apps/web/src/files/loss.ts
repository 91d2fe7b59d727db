/**
 * What a parser summary says was lost, read from its counts and its file- and chunk-level
 * diagnostics: a file that is not EVTX at all, a file cut off before the chunks its header
 * names, and chunks whose header names more records than were read.
 */
import type { Diagnostic, FileSummary } from '@evtxhunt/evtx';

const NOT_EVTX = 'not an EVTX file: ';
const HEADER_CHUNKS = /header names (\d+) chunks, only (\d+) found: chunks were cut off/;
const CHUNK_RECORDS = /header names records \d+-\d+ \((\d+)\); (\d+) read/;

/** A chunk whose header names more records than were read from it. */
export interface ShortChunk {
  readonly chunk: number;
  readonly named: number;
  readonly read: number;
}

/**
 * `not an EVTX file: bad signature "# evtxhu", expected "ElfFile"` when the header is not an
 * EVTX header and no chunk was found either, else undefined (a damaged header on a log whose
 * chunks are there is damage, not a wrong file).
 */
export function notEvtxReason(summary: FileSummary): string | undefined {
  if (summary.chunks.found > 0 || summary.records.read > 0) return undefined;
  const header = summary.diagnostics.find((d) => d.message.startsWith(NOT_EVTX));
  return header?.message;
}

/** A file cut off before the chunks its header names. */
export interface CutOff {
  /** Chunks the file header names. */
  readonly named: number;
  /** Chunks found. */
  readonly found: number;
}

/** How many chunks the header names and how many were found, or undefined when none was cut off. */
export function cutOff(diagnostics: readonly Diagnostic[]): CutOff | undefined {
  for (const diagnostic of diagnostics) {
    if (diagnostic.chunkIndex !== undefined) continue;
    const found = HEADER_CHUNKS.exec(diagnostic.message);
    if (found) return { named: Number(found[1]), found: Number(found[2]) };
  }
  return undefined;
}

/** The chunks whose header names more records than were read, in file order. */
export function shortChunks(diagnostics: readonly Diagnostic[]): ShortChunk[] {
  const short: ShortChunk[] = [];
  for (const diagnostic of diagnostics) {
    const found = CHUNK_RECORDS.exec(diagnostic.message);
    if (found === null || diagnostic.chunkIndex === undefined) continue;
    const [named, read] = [Number(found[1]), Number(found[2])];
    if (named > read) short.push({ chunk: diagnostic.chunkIndex, named, read });
  }
  return short;
}

/** True when records that were in the file are not in the table, whatever the reason. */
export function recordsLost(summary: FileSummary): boolean {
  const { records, diagnostics } = summary;
  if (records.failed > 0 || records.missing > 0) return true;
  return cutOff(diagnostics) !== undefined || shortChunks(diagnostics).length > 0;
}
