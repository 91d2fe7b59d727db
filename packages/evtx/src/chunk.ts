/** Reads one 64 KiB chunk slot: its header, CRCs and every record it holds. */
import { ChunkContext } from './binxml/chunk-context.js';
import type { TemplateCache } from './binxml/template-cache.js';
import {
  CHUNK_HEADER_SIZE,
  CHUNK_SIZE,
  type ChunkHeader,
  hasChunkSignature,
  isAllZero,
  parseChunkHeader,
} from './chunk-header.js';
import { hex } from './errors.js';
import type { EvtxRecord } from './record.js';
import type { RecordIds } from './record-ids.js';
import { recoverDestroyedChunk } from './recover/destroyed-chunk.js';
import type { RecordCandidate } from './recover/record-scan.js';
import { readSlack } from './recover/slack.js';
import { note, RecordWalker } from './record-walker.js';
import type { Diagnostic } from './types.js';

/** What one chunk slot held. */
export interface ChunkInfo {
  index: number;
  /** Absolute file offset of the slot. */
  offset: number;
  /**
   * `empty`: all zeros past the end of the log (not yet written); `wiped`: all zeros inside the
   * log (before a later chunk or within the header's chunk count), so its records are lost;
   * `bad-signature`: neither zeros nor a chunk; `truncated`: a chunk cut off by the file's end;
   * `trailing`: neither zeros nor a chunk, past the end of the log (bytes appended to the file).
   */
  status: 'ok' | 'empty' | 'wiped' | 'bad-signature' | 'truncated' | 'trailing';
  header?: ChunkHeader;
  firstRecordId?: bigint;
  lastRecordId?: bigint;
  headerCrcValid?: boolean;
  dataCrcValid?: boolean;
  /** Records read from the slot. */
  records: number;
  /** Records found but not readable. */
  failed: number;
  /**
   * Records the chunk header names (by its first and last record id, CRC valid) that were
   * neither read nor found damaged: gone from the chunk, e.g. under a zeroed stretch.
   */
  missing?: number;
  /** True when anything in the slot could not be trusted or read. */
  damaged: boolean;
  /**
   * Records found by their signatures that no chunk header vouches for, read and flagged
   * recovered (not counted in `records`): in a slot whose header was destroyed, after damage
   * in a chunk whose records CRC fails, or in the chunk's unused space when asked for.
   */
  recovered?: number;
  /**
   * In a slot without a chunk signature: the ids of the records found there by their signatures,
   * read or not, and how many of them could not be read (counted in `failed` too). The ids
   * they fill are not missing: they are counted recovered or failed.
   */
  foundIds?: RecordIds;
  foundUnreadable?: number;
  /**
   * Of `foundUnreadable`: the records not read yet because their template is in no earlier
   * chunk; read at the end of the pass, and counted recovered or failed then.
   */
  waiting?: number;
  /**
   * The id of the last record read past the free space offset continuing the id sequence, live
   * or recovered: the chunk holds the ids up to it, beyond those its header names.
   */
  pastFreeLastId?: bigint;
  /** Records in the unused space equal to a live record of the chunk, so not read again. */
  duplicates?: number;
  /** The earlier slot whose chunk this one repeats byte for byte; its records are not read. */
  duplicateOf?: number;
}

/** What to read besides the live records. */
export interface ChunkReadOptions {
  /** Read the records in each chunk's unused space, flagged recovered; default false. */
  slack?: boolean;
  /**
   * The slot of the chunk Windows was writing when the log was last open: the file header's
   * last chunk when its dirty flag says the log was not closed cleanly. Only there may a chunk
   * header whose CRC holds be stale, so only there are records past the free space offset that
   * continue the id sequence read as live; elsewhere they are recovered.
   */
  openChunk?: number | undefined;
}

export interface ChunkResult {
  info: ChunkInfo;
  records: EvtxRecord[];
  diagnostics: Diagnostic[];
  /**
   * Set when a record of the unused space could not be read: it may need a template that only
   * an earlier chunk defines, which a worker thread must parse first to read what a sequential
   * reader does (parallel/task-runner.ts).
   */
  slackUnread?: boolean;
  /**
   * Records found behind a destroyed chunk header whose template no earlier chunk defines:
   * neither read nor failed yet, they are read at the end of the pass with the templates of
   * every chunk (recover/late-records.ts).
   */
  deferred?: RecordCandidate[];
}

/**
 * Reads a chunk slot of up to 64 KiB at `offset`; never throws for bad data. `templates`, the
 * file's compiled templates, spares compiling again those an earlier chunk defined the same.
 */
export function readChunk(
  bytes: Uint8Array,
  index: number,
  offset: number,
  file: string,
  templates?: TemplateCache,
  options: ChunkReadOptions = {},
): ChunkResult {
  const info: ChunkInfo = { index, offset, status: 'ok', records: 0, failed: 0, damaged: false };
  const result: ChunkResult = { info, records: [], diagnostics: [] };

  if (!hasChunkSignature(bytes)) {
    classifyEmptySlot(bytes, result, file, templates);
    return result;
  }
  if (bytes.length < CHUNK_HEADER_SIZE) {
    const message = `chunk cut off after ${bytes.length} bytes`;
    note(result, { severity: 'error', structure: 'chunk header', offset, message });
    info.status = 'truncated';
    info.damaged = true;
    return result;
  }

  const header = readHeader(bytes, result);
  const chunk = new ChunkContext(bytes, offset, templates);
  const open = options.openChunk === index;
  const end = new RecordWalker(chunk, header, result, file, open).walk();
  if (options.slack === true) readSlack(chunk, end, result, file);
  return result;
}

/** True when the slot holds a chunk (read, perhaps damaged), not zeros or unknown bytes. */
export function holdsChunk(info: ChunkInfo): boolean {
  return info.status === 'ok' || info.status === 'truncated';
}

/** Marks an all-zero slot that lies inside the log: it was wiped, not left unused. */
export function markWiped(info: ChunkInfo): void {
  info.status = 'wiped';
  info.damaged = true;
}

function classifyEmptySlot(
  bytes: Uint8Array,
  result: ChunkResult,
  file: string,
  templates: TemplateCache | undefined,
): void {
  const { info } = result;
  if (isAllZero(bytes)) {
    info.status = 'empty';
    return;
  }
  info.status = 'bad-signature';
  info.damaged = true;
  const found = Array.from(bytes.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join(' ');
  const recovered = recoverDestroyedChunk(bytes, result, file, templates);
  // The errors of records that could not be recovered come after the slot's own.
  const diagnostics = result.diagnostics.splice(0);
  const outcome = recovered ?? 'slot skipped';
  const message = `no chunk signature (found ${found}); ${outcome}`;
  note(result, { severity: 'error', structure: 'chunk header', offset: info.offset, message });
  result.diagnostics.push(...diagnostics);
}

function readHeader(bytes: Uint8Array, result: ChunkResult): ChunkHeader {
  const { info } = result;
  const header = parseChunkHeader(bytes);
  Object.assign(info, {
    header,
    firstRecordId: header.firstRecordId,
    lastRecordId: header.lastRecordId,
    headerCrcValid: header.headerCrcValid,
    dataCrcValid: header.dataCrcValid,
  });
  if (bytes.length < CHUNK_SIZE) {
    info.status = 'truncated';
    damage(result, 'chunk', `chunk cut off after ${bytes.length} bytes; reading what is there`);
  }
  if (!header.headerCrcValid) {
    const stored = hex(header.headerChecksum);
    damage(result, 'chunk header', `header CRC mismatch (stored ${stored}); chunk still read`);
  }
  if (!header.dataCrcValid) {
    const stored = hex(header.recordsChecksum);
    damage(result, 'chunk header', `records CRC mismatch (stored ${stored}); chunk still read`);
  }
  return header;
}

/** A problem that makes the slot damaged but lets its records still be read. */
function damage(result: ChunkResult, structure: string, message: string): void {
  result.info.damaged = true;
  note(result, { severity: 'warning', structure, offset: result.info.offset, message });
}
