/**
 * Reads one record found by its signature where no chunk header vouches for it. Its template
 * definition may lie in bytes that were destroyed or since reused: it is then borrowed from an
 * earlier chunk of the same file, but only by the template identifier the record itself names.
 */
import type { ChunkContext } from '../binxml/chunk-context.js';
import { BinXmlParser } from '../binxml/parser.js';
import { Limits, Token, baseToken } from '../binxml/tokens.js';
import { EvtxError, hex } from '../errors.js';
import { EvtxRecord } from '../record.js';
import { ValueType } from '../values/types.js';
import { RECORD_HEADER_SIZE, type RecordCandidate } from './record-scan.js';

/** A template instance token: token, one unknown byte, template id, definition offset. */
const INSTANCE_SIZE = 10;

/** Size of a template definition's header: next offset, GUID, data size. */
const DEFINITION_HEADER_SIZE = 24;

/** BinXml values inside BinXml values looked into; deeper ones are left to the parser. */
const MAX_NESTED_VALUES = 4;

/**
 * A found record names a template that is not intact in its chunk and that no chunk read so
 * far (before `borrowBefore`) defines: a later chunk may, so the record is read again at the
 * end of the pass (recover/late-records.ts).
 */
export class MissingTemplateError extends EvtxError {}

/** Where a found record is read: its chunk's bytes and the slot it lies in. */
export interface RecoverySite {
  readonly chunk: ChunkContext;
  readonly parser: BinXmlParser;
  readonly index: number;
  readonly file: string;
  /** Templates are borrowed only from chunks at file offsets below this. */
  readonly borrowBefore: number;
}

/**
 * A site over `chunk` with a parser of its own; templates are borrowed from the chunks before
 * `borrowBefore` (the slot's own offset, or past it when the slot's live chunk was read).
 */
export function recoverySite(
  chunk: ChunkContext,
  index: number,
  file: string,
  borrowBefore: number,
): RecoverySite {
  return { chunk, parser: new BinXmlParser(chunk), index, file, borrowBefore };
}

/**
 * The record at chunk offset `candidate.offset`, flagged recovered. Throws an EvtxError when
 * its BinXml cannot be read or its template is neither intact here nor borrowable.
 */
export function readRecoveredRecord(site: RecoverySite, candidate: RecordCandidate): EvtxRecord {
  const { chunk, parser } = site;
  const start = candidate.offset + RECORD_HEADER_SIZE;
  const end = candidate.offset + candidate.size - 4;
  provideTemplate(site, start, end, 0);

  const body = parser.readTemplateRecord(start, end) ?? parser.parseFragment(start, end);
  const at = chunk.fileOffset + candidate.offset;
  return new EvtxRecord(chunk, body, candidate.recordId, at, site.index, site.file, true);
}

/**
 * When the record is one template instance whose definition is not intact at its offset (the
 * bytes there do not start with the GUID the instance names), puts a template of that GUID
 * from an earlier chunk in the chunk's templates at that offset, where the parser will look.
 */
function provideTemplate(site: RecoverySite, start: number, end: number, depth: number): void {
  const { chunk } = site;
  const { bytes, view } = chunk;
  // A record starts with a fragment header; a BinXml value may start with the instance.
  const at = start < end && baseToken(bytes[start]!) === Token.FragmentHeader ? start + 4 : start;
  if (at + INSTANCE_SIZE > end || baseToken(bytes[at]!) !== Token.TemplateInstance) return;

  const templateId = view.getUint32(at + 2, true);
  const offset = view.getUint32(at + 6, true);
  const inline = offset === at + INSTANCE_SIZE;
  const table = inline ? tableAfterDefinition(chunk, offset) : at + INSTANCE_SIZE;
  if (!inline) ensureDefinition(site, offset, templateId);
  // BinXml values (a Sysmon or AppX event's EventData) carry template instances of their own.
  if (table !== undefined && depth < MAX_NESTED_VALUES) provideNested(site, table, end, depth);
}

/** The template at `offset` if intact (its GUID starts with `templateId`), else a borrowed one. */
function ensureDefinition(site: RecoverySite, offset: number, templateId: number): void {
  const { chunk } = site;
  const { bytes, view } = chunk;
  if (chunk.templates.has(offset)) return;
  if (offset + 8 <= bytes.length && view.getUint32(offset + 4, true) === templateId) return;

  const borrowed = chunk.templateCache?.borrow(templateId, site.borrowBefore);
  if (borrowed === undefined) {
    const id = hex(templateId);
    const which = Number.isFinite(site.borrowBefore) ? 'no earlier chunk' : 'no chunk';
    const reason =
      `template ${id} is not intact at ${hex(chunk.fileOffset + offset)} and ${which} ` +
      'of the file defines one template with that id';
    throw new MissingTemplateError('template definition', chunk.fileOffset + offset, reason);
  }
  chunk.templates.set(offset, { offset, ...borrowed });
}

/** The value table after an inline definition, when the definition's size fits the chunk. */
function tableAfterDefinition(chunk: ChunkContext, offset: number): number | undefined {
  if (offset + DEFINITION_HEADER_SIZE > chunk.bytes.length) return undefined;
  return offset + DEFINITION_HEADER_SIZE + chunk.view.getUint32(offset + 20, true);
}

/** Looks into each BinXml value of the value table at `table`; bounds are checked first. */
function provideNested(site: RecoverySite, table: number, end: number, depth: number): void {
  const { bytes, view } = site.chunk;
  if (table + 4 > end) return;
  const count = view.getUint32(table, true);
  let data = table + 4 + 4 * count;
  if (count > Limits.maxSubstitutions || data > end) return;

  for (let i = 0; i < count; i++) {
    const size = view.getUint16(table + 4 + 4 * i, true);
    const type = bytes[table + 6 + 4 * i]!;
    if (data + size > end) return;
    if (type === ValueType.BinXml && size > 0) provideTemplate(site, data, data + size, depth + 1);
    data += size;
  }
}
