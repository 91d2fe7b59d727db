/**
 * A record found outside any chunk (its chunk header destroyed, or the record alone left in
 * free space): checked by its header and trailing size copy, then read where it can be. A
 * record's names and template usually live earlier in its chunk, which is gone; only a record
 * that carries its template inline (the first record of its kind in a chunk) can be read alone.
 */
import { ChunkContext } from '../binxml/chunk-context.js';
import { BinXmlParser } from '../binxml/parser.js';
import { baseToken, Token } from '../binxml/tokens.js';
import { CHUNK_HEADER_SIZE, CHUNK_SIZE } from '../chunk-header.js';
import { EvtxError, hex } from '../errors.js';
import { EvtxRecord } from '../record.js';
import { filetimeToIso } from '../time.js';
import type { StructuredRecord } from '../types.js';

const RECORD_HEADER_SIZE = 24;
const MIN_RECORD_SIZE = RECORD_HEADER_SIZE + 4;
/** A record lies inside a chunk, after its header. */
export const MAX_RECORD_SIZE = CHUNK_SIZE - CHUNK_HEADER_SIZE;
/** Record header, fragment header (4 bytes), template instance (10 bytes): an inline template. */
const INLINE_TEMPLATE_AT = RECORD_HEADER_SIZE + 4 + 10;
/** A template definition's header: next definition's offset, GUID, data size. */
const TEMPLATE_HEADER_SIZE = 24;

/** FILETIME ticks of 1990-01-01 and 2100-01-01: a written time outside them is not a record's. */
const EARLIEST_FILETIME = 0x01b4_1e2a_18d6_4000n;
const LATEST_FILETIME = 0x022f_7163_7764_0000n;

/** A record found outside the chunks, read or not. */
export interface LooseRecord {
  /** Byte offset of its signature in the image. */
  readonly offset: number;
  readonly size: number;
  /** The record header's identifier and written time. */
  readonly recordId: bigint;
  readonly writtenTime: string;
  /** The record, when it could be read alone. */
  readonly record?: StructuredRecord;
  /** Why it could not be read, when it could not. */
  readonly problem?: string;
}

/**
 * The size of an intact record at `at` in `bytes`, or 0: signature, a size that fits a chunk
 * and the bytes, the trailing size copy, a BinXml fragment, an identifier and a written time
 * from 1990 to 2100. The caller has matched the signature.
 */
export function looseRecordSize(bytes: Uint8Array, at: number): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  if (at + MIN_RECORD_SIZE > bytes.length) return 0;

  const size = view.getUint32(at + 4, true);
  if (size < MIN_RECORD_SIZE || size > MAX_RECORD_SIZE || at + size > bytes.length) return 0;
  if (view.getUint32(at + size - 4, true) !== size) return 0;
  if (baseToken(bytes[at + RECORD_HEADER_SIZE]!) !== Token.FragmentHeader) return 0;

  const id = view.getBigUint64(at + 8, true);
  const written = view.getBigUint64(at + 16, true);
  if (id === 0n || written < EARLIEST_FILETIME || written > LATEST_FILETIME) return 0;
  return size;
}

/**
 * Reads the intact record of `size` bytes at `at` in `bytes`, which lies at `offset` in the
 * image `name`. Never throws for bad data: a record that cannot be read says why.
 */
export function readLooseRecord(
  bytes: Uint8Array,
  at: number,
  size: number,
  offset: number,
  name: string,
): LooseRecord {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const recordId = view.getBigUint64(at + 8, true);
  const writtenTime = filetimeToIso(view.getUint32(at + 16, true), view.getUint32(at + 20, true));
  const found = { offset, size, recordId, writtenTime };

  const place = placeInChunk(bytes, at, size);
  if (typeof place === 'string') return { ...found, problem: place };
  try {
    return {
      ...found,
      record: readPlaced(bytes.subarray(at, at + size), place, recordId, offset, name),
    };
  } catch (error) {
    if (!(error instanceof EvtxError)) throw error;
    return { ...found, problem: `${error.message}; a name it uses was in its lost chunk` };
  }
}

/**
 * Where in its chunk the record was, worked out from its inline template definition (which
 * follows the record's template instance directly); a string says why it cannot be placed.
 */
function placeInChunk(bytes: Uint8Array, at: number, size: number): number | string {
  const instance = at + RECORD_HEADER_SIZE + 4;
  if (baseToken(bytes[instance]!) !== Token.TemplateInstance) {
    return 'not a template instance; a record without one cannot be read outside its chunk';
  }

  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const definition = view.getUint32(instance + 6, true);
  const position = definition - INLINE_TEMPLATE_AT;
  const inChunk = position >= CHUNK_HEADER_SIZE && position + size <= CHUNK_SIZE;
  if (!inChunk || !hasInlineTemplate(bytes, view, at, size)) {
    // TODO: a template defined by an earlier record could be borrowed from a carved chunk of
    // the same log by its GUID, as the parser's recovery does within a file; not done yet.
    return `its template (chunk offset ${hex(definition)}) is not in the record: it was defined earlier in its lost chunk`;
  }
  return position;
}

/**
 * True when a template definition follows the template instance: its GUID starts with the
 * instance's template id, its data fits the record and begins with a fragment header.
 */
function hasInlineTemplate(bytes: Uint8Array, view: DataView, at: number, size: number): boolean {
  const instance = at + RECORD_HEADER_SIZE + 4;
  const definition = at + INLINE_TEMPLATE_AT;
  if (INLINE_TEMPLATE_AT + TEMPLATE_HEADER_SIZE + 1 > size - 4) return false;

  const sameId = view.getUint32(instance + 2, true) === view.getUint32(definition + 4, true);
  const dataSize = view.getUint32(definition + 20, true);
  const fits = INLINE_TEMPLATE_AT + TEMPLATE_HEADER_SIZE + dataSize <= size - 4;
  const fragment = baseToken(bytes[definition + TEMPLATE_HEADER_SIZE]!) === Token.FragmentHeader;
  return sameId && fits && fragment;
}

/** Reads the record from a blank chunk with the record put back at `position`. */
function readPlaced(
  record: Uint8Array,
  position: number,
  recordId: bigint,
  offset: number,
  name: string,
): StructuredRecord {
  const chunk = new Uint8Array(CHUNK_SIZE);
  chunk.set(record, position);
  const context = new ChunkContext(chunk, offset - position);
  const parser = new BinXmlParser(context);

  const start = position + RECORD_HEADER_SIZE;
  const end = position + record.length - 4;
  const body = parser.readTemplateRecord(start, end) ?? parser.parseFragment(start, end);
  return new EvtxRecord(context, body, recordId, offset, -1, name).toStructured();
}
