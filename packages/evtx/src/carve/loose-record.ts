/**
 * A record found outside any chunk (its chunk header destroyed, or the record alone left in
 * free space): checked by its header and trailing size copy, then read where it can be. A
 * record's names and template usually live earlier in its chunk, which is gone. A record that
 * carries its template inline (the first record of its kind in a chunk) is read alone; one that
 * names a template defined earlier borrows it, by the template id its instance names, from the
 * chunks carved from the same image, and is then flagged recovered. When two templates of the
 * carved chunks share that id (the first four bytes of their GUIDs), the record is not read:
 * which one it used cannot be told.
 */
import { ChunkContext } from '../binxml/chunk-context.js';
import { BinXmlParser } from '../binxml/parser.js';
import type { TemplateCache } from '../binxml/template-cache.js';
import { baseToken, Token } from '../binxml/tokens.js';
import { CHUNK_HEADER_SIZE, CHUNK_SIZE } from '../chunk-header.js';
import { EvtxError, hex } from '../errors.js';
import { EvtxRecord } from '../record.js';
import { recordAt, RECORD_HEADER_SIZE, type RecordCandidate } from '../recover/record-scan.js';
import { readRecoveredRecord, recoverySite } from '../recover/recovered-record.js';
import type { StructuredRecord } from '../types.js';

/** Record header, fragment header (4 bytes), template instance (10 bytes): an inline template. */
const INLINE_TEMPLATE_AT = RECORD_HEADER_SIZE + 4 + 10;
/** A template definition's header: next definition's offset, GUID, data size. */
const TEMPLATE_HEADER_SIZE = 24;
/** Where the template instance of a record's fragment starts. */
const INSTANCE_AT = RECORD_HEADER_SIZE + 4;

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
 * The record at `at` in `bytes` when the parser's record scanner believes it (signature, size,
 * trailing size copy, written time) and its BinXml starts with a fragment header, as every
 * record's does: in an image of random bytes the scanner alone lets a rare false hit through.
 */
export function looseRecordAt(bytes: Uint8Array, at: number): RecordCandidate | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const candidate = recordAt(view, at, bytes.length);
  if (candidate === undefined) return undefined;
  return baseToken(bytes[at + RECORD_HEADER_SIZE]!) === Token.FragmentHeader
    ? candidate
    : undefined;
}

/**
 * Reads the record `candidate` (from looseRecordAt) at `at` in `bytes`, which lies at `offset`
 * in the image `name`. `templates`, those of the image's carved chunks, lends the template of
 * a record that does not carry its own. Never throws for bad data: a record that cannot be read
 * says why.
 */
export function readLooseRecord(
  bytes: Uint8Array,
  at: number,
  candidate: RecordCandidate,
  offset: number,
  name: string,
  templates?: TemplateCache,
): LooseRecord {
  const { size, recordId, writtenTime } = candidate;
  const found = { offset, size, recordId, writtenTime };

  const place = placeInChunk(bytes, at, size);
  if (typeof place === 'string' && templates !== undefined && carriesInstance(bytes, at)) {
    return {
      ...found,
      ...readBorrowing(bytes.subarray(at, at + size), candidate, offset, name, templates),
    };
  }
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
  const instance = at + INSTANCE_AT;
  if (!carriesInstance(bytes, at)) {
    return 'not a template instance; a record without one cannot be read outside its chunk';
  }

  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const definition = view.getUint32(instance + 6, true);
  const position = definition - INLINE_TEMPLATE_AT;
  const inChunk = position >= CHUNK_HEADER_SIZE && position + size <= CHUNK_SIZE;
  if (!inChunk || !hasInlineTemplate(bytes, view, at, size)) {
    return (
      `its template (chunk offset ${hex(definition)}) is not in the record: ` +
      'it was defined earlier in its lost chunk'
    );
  }
  return position;
}

/** True when the record's fragment is a template instance, as every event's is. */
function carriesInstance(bytes: Uint8Array, at: number): boolean {
  return baseToken(bytes[at + INSTANCE_AT]!) === Token.TemplateInstance;
}

/** True when the record at `at` needs a template from elsewhere: it carries none of its own. */
export function needsTemplate(bytes: Uint8Array, at: number, size: number): boolean {
  return carriesInstance(bytes, at) && typeof placeInChunk(bytes, at, size) === 'string';
}

/**
 * Reads a record whose template was defined earlier in its lost chunk with the one template of
 * `templates` that has the id its instance names, the record put in a blank chunk away from the
 * template's offset; flagged recovered. Otherwise says why not.
 */
function readBorrowing(
  record: Uint8Array,
  candidate: RecordCandidate,
  offset: number,
  name: string,
  templates: TemplateCache,
): { record: StructuredRecord } | { problem: string } {
  const view = new DataView(record.buffer, record.byteOffset, record.length);
  const templateId = view.getUint32(INSTANCE_AT + 2, true);
  const definition = view.getUint32(INSTANCE_AT + 6, true);
  const refused = borrowProblem(templates.guidsWithId(templateId, Infinity), templateId);
  if (refused !== undefined) return { problem: refused };

  const position = placeAwayFrom(definition, record.length);
  if (position === undefined) {
    return { problem: `its template's chunk offset ${hex(definition)} leaves no room for it` };
  }
  const chunk = new Uint8Array(CHUNK_SIZE);
  chunk.set(record, position);
  const context = new ChunkContext(chunk, offset - position, templates);
  try {
    const site = recoverySite(context, -1, name, Infinity);
    return { record: readRecoveredRecord(site, { ...candidate, offset: position }).toStructured() };
  } catch (error) {
    if (!(error instanceof EvtxError)) throw error;
    return { problem: `${error.message}; a template or name it uses was in its lost chunk` };
  }
}

/** Why a template with id `templateId` cannot be borrowed, given the GUIDs that have it. */
function borrowProblem(guids: readonly string[], templateId: number): string | undefined {
  const id = hex(templateId);
  if (guids.length === 0) {
    return (
      `its template (id ${id}) is not in the record: it was defined earlier in its lost chunk, ` +
      'and no carved chunk of the image defines a template with that id'
    );
  }
  if (guids.length === 1) return undefined;
  const named = `${guids.length} templates of the carved chunks have its template id ${id}`;
  return `${named} (${guids.join(', ')}): which one it used cannot be told`;
}

/**
 * Where a record of `size` bytes goes in a blank chunk so that it does not cover the template
 * offset its instance names: after it, as it was in its chunk, or else before it.
 */
function placeAwayFrom(definition: number, size: number): number | undefined {
  const after = alignDown(CHUNK_SIZE - size, 8);
  if (after >= definition + TEMPLATE_HEADER_SIZE) return after;
  return CHUNK_HEADER_SIZE + size <= definition ? CHUNK_HEADER_SIZE : undefined;
}

function alignDown(value: number, alignment: number): number {
  return Math.floor(value / alignment) * alignment;
}

/**
 * True when a template definition follows the template instance: its GUID starts with the
 * instance's template id, its data fits the record and begins with a fragment header.
 */
function hasInlineTemplate(bytes: Uint8Array, view: DataView, at: number, size: number): boolean {
  const instance = at + INSTANCE_AT;
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
