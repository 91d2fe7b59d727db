/**
 * A chunk signature found in an image, judged: a chunk whose header holds up is read with the
 * parser's own chunk reader and summed up (CRC state, record ids, the log it belongs to); a
 * signature without a usable header is rejected with the reason.
 */
import type { TemplateCache } from '../binxml/template-cache.js';
import { CHUNK_HEADER_SIZE, CHUNK_SIZE, parseChunkHeader } from '../chunk-header.js';
import { readChunk } from '../chunk.js';
import { crc32 } from '../crc32.js';
import { EvtxError } from '../errors.js';
import { recordIdRange } from '../slots.js';
import type { Diagnostic } from '../types.js';

/** A chunk found in the image and what reading it gave. */
export interface CarvedChunk {
  /** Byte offset of the chunk signature in the image. */
  readonly offset: number;
  /** Bytes of it in the image: 65536, or fewer when the image ends inside it. */
  readonly length: number;
  readonly headerCrcValid: boolean;
  readonly dataCrcValid: boolean;
  /** Records read, and records found but not readable. */
  readonly records: number;
  readonly failed: number;
  /** The smallest and largest record header id read; undefined when none was read. */
  readonly firstRecordId: bigint | undefined;
  readonly lastRecordId: bigint | undefined;
  /** The channel and computer most of its records name ('' when none was read). */
  readonly channel: string;
  readonly computer: string;
  /** What the chunk reader reported, at image offsets. */
  readonly diagnostics: readonly Diagnostic[];
  /** CRC-32 of all its bytes: chunks with the same one are compared byte by byte for a copy. */
  readonly contentCrc: number;
  /** The offset of an earlier chunk with the same bytes; a copy is not written again. */
  duplicateOf?: number;
}

/** A chunk signature whose header could not be used; the bytes are searched on for records. */
export interface RejectedSignature {
  readonly offset: number;
  readonly reason: string;
}

/**
 * Judges the chunk signature at the start of `bytes` (the up to 64 KiB from it), found at
 * `offset` in the image `name`; `index` numbers it in diagnostics. `templates` keeps the
 * templates its records compile, for loose records that need one (see loose-record.ts).
 */
export function examineChunk(
  bytes: Uint8Array,
  offset: number,
  index: number,
  name: string,
  templates?: TemplateCache,
): CarvedChunk | RejectedSignature {
  const reason = headerProblem(bytes);
  if (reason !== undefined) return { offset, reason };

  const { info, records, diagnostics } = readChunk(bytes, index, offset, name, templates);
  const ids = recordIdRange(records);
  const log = mostCommonLog(records);
  return {
    offset,
    length: bytes.length,
    headerCrcValid: info.headerCrcValid === true,
    dataCrcValid: info.dataCrcValid === true,
    records: info.records,
    failed: info.failed,
    firstRecordId: ids?.first,
    lastRecordId: ids?.last,
    channel: log.channel,
    computer: log.computer,
    diagnostics,
    contentCrc: crc32(bytes),
  };
}

/** True for what examineChunk returns for a chunk it accepted. */
export function isCarvedChunk(found: CarvedChunk | RejectedSignature): found is CarvedChunk {
  return 'length' in found;
}

/**
 * Why the header cannot be used, or undefined. A header whose CRC fails is still used when its
 * sizes are what every chunk has (header size 128, free space offset inside the chunk), so a
 * chunk with one damaged byte is kept; random bytes after `ElfChnk` are not.
 */
function headerProblem(bytes: Uint8Array): string | undefined {
  if (bytes.length < CHUNK_HEADER_SIZE) {
    return `chunk header cut off by the end of the image after ${bytes.length} bytes`;
  }
  const header = parseChunkHeader(bytes);
  if (header.headerCrcValid) return undefined;

  const free = header.freeSpaceOffset;
  if (header.headerSize === 128 && free >= CHUNK_HEADER_SIZE && free <= CHUNK_SIZE)
    return undefined;
  const size = header.headerSize;
  return `header CRC mismatch and implausible header (size ${size}, free space offset ${free})`;
}

/** The channel and computer named by most of `records`, read from each record's System. */
function mostCommonLog(
  records: readonly { toStructured(): { channel: string; computer: string } }[],
): {
  channel: string;
  computer: string;
} {
  const counts = new Map<string, { channel: string; computer: string; count: number }>();
  for (const record of records) {
    const log = systemOf(record);
    if (log === undefined) continue;
    const key = `${log.channel}\u0000${log.computer}`;
    const seen = counts.get(key) ?? { ...log, count: 0 };
    seen.count++;
    counts.set(key, seen);
  }

  let best = { channel: '', computer: '', count: 0 };
  for (const candidate of counts.values()) if (candidate.count > best.count) best = candidate;
  return { channel: best.channel, computer: best.computer };
}

function systemOf(record: {
  toStructured(): { channel: string; computer: string };
}): { channel: string; computer: string } | undefined {
  try {
    const { channel, computer } = record.toStructured();
    return { channel, computer };
  } catch (error) {
    // A value that cannot be decoded leaves this record out of the vote; the chunk still counts.
    if (error instanceof EvtxError) return undefined;
    throw error;
  }
}
