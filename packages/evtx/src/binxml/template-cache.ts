/**
 * Templates compiled in earlier chunks of a file, for the chunks that define them again.
 * Windows writes a template's definition anew in every chunk that uses it, and a log gathered
 * from many computers uses dozens in each chunk (the computer's name is literal text in the
 * System template, so every computer has a template of its own): compiling each of them once
 * per chunk was the largest cost of such a log after the values themselves.
 *
 * A compiled template is reused only where the new chunk's definition has the same bytes, but
 * for the fields that hold chunk offsets (each name offset, and an inline name's link to the
 * next name in its hash bucket), and where each of those fields gives the same name with the
 * same layout. Two chunks that define one GUID differently so get a tree each.
 */
import { EvtxError } from '../errors.js';
import { CHUNK_HEADER_SIZE, type ChunkContext, type ChunkName } from './chunk-context.js';
import { elementNameField } from './element-name.js';
import type { ContentNode, TemplateDefinition, TemplatePlans } from './nodes.js';
import { Utf16Cache } from '../text.js';
import { ValueTextCache } from '../values/text-cache.js';

/** Definition bytes one file's cache keeps; templates past it are compiled in each chunk. */
export const MAX_CACHED_TEMPLATE_BYTES = 4 * 1024 * 1024;

/**
 * Definitions kept per GUID. One template is written in a few ways (its names inline when it
 * is the chunk's first to use them, else referenced), and each way is compared in turn.
 */
export const MAX_VARIANTS_PER_GUID = 8;

/** A template's header before its body: next-template link, GUID, body size. */
const HEADER_SIZE = 24;
/** The header's first field, the link to the next template, is a chunk offset. */
const LINK_SIZE = 4;

/** A name-offset field met compiling a template, by its offset from the definition's start. */
interface NameField {
  readonly at: number;
  /** The offset of the element's token when the field is an element's name, else -1. */
  readonly elementAt: number;
  /** True when the name structure follows the field, inside the template's own bytes. */
  readonly inline: boolean;
  readonly name: string;
  readonly issue: string | undefined;
}

/** What the parser notes while compiling one template: its fields that hold chunk offsets. */
export class TemplateRecording {
  readonly fields: NameField[] = [];
  /** False when the body holds a template instance, whose offset names another template. */
  reusable = true;

  constructor(
    /** Chunk offset of the definition. */
    readonly offset: number,
  ) {}

  /** The name-offset field at chunk offset `field` gave `name`. */
  name(field: number, elementAt: number, inline: boolean, name: ChunkName): void {
    this.fields.push({
      at: field - this.offset,
      elementAt: elementAt < 0 ? -1 : elementAt - this.offset,
      inline,
      name: name.name,
      issue: name.issue,
    });
  }
}

interface CachedTemplate {
  /** The definition's bytes past its link: GUID, body size, body. */
  readonly bytes: Uint8Array;
  readonly view: DataView;
  readonly fields: readonly NameField[];
  /** The nesting it was compiled at; deeper, the parser's depth limit could be met. */
  readonly depth: number;
  readonly children: readonly ContentNode[];
  readonly plans: TemplatePlans;
  /** File offset of the first chunk known to define it (lowered when an earlier one is met). */
  chunkOffset: number;
}

/** One file's compiled templates by GUID; made per pass over the file, never shared. */
export class TemplateCache {
  /** Short strings decoded from the file's values, kept alongside its templates. */
  readonly strings = new Utf16Cache();
  /** GUIDs, SIDs and keywords rendered from the file's values. */
  readonly values = new ValueTextCache();
  private readonly byGuid = new Map<string, CachedTemplate[]>();
  private bytes = 0;

  /** The template at `offset` of `chunk` compiled from an identical definition, if any. */
  find(
    chunk: ChunkContext,
    offset: number,
    guid: string,
    depth: number,
  ): TemplateDefinition | undefined {
    const variants = this.byGuid.get(guid);
    if (variants === undefined) return undefined;
    for (const cached of variants) {
      if (matches(chunk, offset, depth, cached)) {
        cached.chunkOffset = Math.min(cached.chunkOffset, chunk.fileOffset);
        return { offset, guid, children: cached.children, plans: cached.plans };
      }
    }
    return undefined;
  }

  /**
   * For a record whose template definition was destroyed: the one template compiled from an
   * earlier chunk whose GUID starts with `templateId`, the first four GUID bytes a template
   * instance repeats. Undefined when none does, or when two different GUIDs share those bytes
   * (the instance cannot tell which it meant). Only chunks before file offset `before` are
   * asked, so a reader that parsed later chunks first (a worker) borrows as a sequential one.
   */
  borrow(templateId: number, before: number): Omit<TemplateDefinition, 'offset'> | undefined {
    const [guid, ...others] = this.guidsWithId(templateId, before);
    if (guid === undefined || others.length > 0) return undefined;
    const cached = this.byGuid.get(guid)?.find((variant) => variant.chunkOffset < before);
    return cached && { guid, children: cached.children, plans: cached.plans };
  }

  /**
   * The GUIDs of the templates kept from chunks before file offset `before` that start with
   * `templateId`: one for a template `borrow` can lend, several when the id is ambiguous.
   */
  guidsWithId(templateId: number, before: number): string[] {
    const prefix = `{${templateId.toString(16).padStart(8, '0')}-`;
    const guids: string[] = [];
    for (const [guid, variants] of this.byGuid) {
      if (!guid.startsWith(prefix)) continue;
      if (variants.some((variant) => variant.chunkOffset < before)) guids.push(guid);
    }
    return guids;
  }

  /** Keeps a template just compiled from `chunk`, within the cache's limits. */
  add(
    chunk: ChunkContext,
    definition: TemplateDefinition,
    depth: number,
    recording: TemplateRecording,
  ): void {
    const start = definition.offset + LINK_SIZE;
    const size = HEADER_SIZE - LINK_SIZE + chunk.view.getUint32(definition.offset + 20, true);
    if (!recording.reusable || !fieldsInOrder(recording.fields, size + LINK_SIZE)) return;
    if (this.bytes + size > MAX_CACHED_TEMPLATE_BYTES) return;
    const variants = this.byGuid.get(definition.guid) ?? [];
    if (variants.length >= MAX_VARIANTS_PER_GUID) return;

    const bytes = chunk.bytes.slice(start, start + size);
    variants.push({
      bytes,
      view: new DataView(bytes.buffer),
      fields: recording.fields,
      depth,
      children: definition.children,
      plans: definition.plans,
      chunkOffset: chunk.fileOffset,
    });
    this.byGuid.set(definition.guid, variants);
    this.bytes += size;
  }
}

/** True when the fields lie in the body, one after another, so `sameBytes` can step over them. */
function fieldsInOrder(fields: readonly NameField[], end: number): boolean {
  let from = HEADER_SIZE;
  for (const field of fields) {
    if (field.at < from) return false;
    from = field.at + skipped(field);
  }
  return from <= end;
}

/** Bytes of a field that hold chunk offsets: the name offset, and an inline name's link. */
function skipped(field: NameField): number {
  return field.inline ? 8 : 4;
}

function matches(chunk: ChunkContext, offset: number, depth: number, cached: CachedTemplate) {
  if (depth > cached.depth || !sameBytes(chunk, offset, cached)) return false;
  try {
    return cached.fields.every((field) => sameName(chunk, offset, field));
  } catch (error) {
    // A name the new chunk cannot read: the parser will meet it and report it.
    if (error instanceof EvtxError) return false;
    throw error;
  }
}

/** The definition's bytes equal the cached ones, but for the fields that hold chunk offsets. */
function sameBytes(chunk: ChunkContext, offset: number, cached: CachedTemplate): boolean {
  const kept = cached.bytes;
  const base = offset + LINK_SIZE;
  if (base + kept.length > chunk.bytes.length) return false;

  let from = 0;
  for (const field of cached.fields) {
    const to = field.at - LINK_SIZE;
    if (!sameRange(chunk.view, base, cached.view, from, to)) return false;
    from = to + skipped(field);
  }
  return sameRange(chunk.view, base, cached.view, from, kept.length);
}

/** `[from, to)` of the kept bytes equals the same range at `base` in the chunk. */
function sameRange(chunk: DataView, base: number, kept: DataView, from: number, to: number) {
  let i = from;
  // Four bytes a step: a template is up to a few KiB, compared in every chunk that defines it.
  for (; i + 4 <= to; i += 4) {
    if (chunk.getUint32(base + i, true) !== kept.getUint32(i, true)) return false;
  }
  for (; i < to; i++) if (chunk.getUint8(base + i) !== kept.getUint8(i)) return false;
  return true;
}

/** The field at the same place gives the same name, inline or referenced as before. */
function sameName(chunk: ChunkContext, offset: number, field: NameField): boolean {
  const at = offset + field.at;
  const nameOffset = chunk.view.getUint32(at, true);
  if (field.elementAt >= 0 && !sameLayout(chunk, offset + field.elementAt, at, nameOffset)) {
    return false;
  }
  // An inline name's bytes were compared with the template's.
  if (field.inline || nameOffset === at + 4) return field.inline && nameOffset === at + 4;
  // Templates of a chunk share its names: one read or compared before is found by its offset.
  const known = chunk.names.get(nameOffset);
  if (known !== undefined) return known.name === field.name && known.issue === field.issue;
  if (field.issue === undefined && holdsName(chunk, nameOffset, field.name)) {
    // What readName would make of it: the same units decode to the same name, with no problem.
    chunk.names.set(nameOffset, { name: field.name, end: nameOffset + 10 + 2 * field.name.length });
    return true;
  }
  const name = chunk.readName(nameOffset);
  return name.name === field.name && name.issue === field.issue;
}

/**
 * True when the name structure at `offset` holds exactly the units of `name`, compared in
 * place: a name decoded without a problem and equal unit for unit decodes the same again, so
 * the chunk's copy need not be made. Anything else is left to `readName`.
 */
function holdsName(chunk: ChunkContext, offset: number, name: string): boolean {
  const { bytes, view } = chunk;
  if (offset + 8 > bytes.length) return false;
  const count = view.getUint16(offset + 6, true);
  if (count !== name.length || offset + 8 + 2 * count + 2 > bytes.length) return false;
  for (let i = 0; i < count; i++) {
    if (view.getUint16(offset + 8 + 2 * i, true) !== name.charCodeAt(i)) return false;
  }
  return true;
}

/**
 * The element at `elementAt` has its name field at `at`, as `elementNameField` finds it. The
 * usual layout, a dependency identifier and a name written earlier, is checked in line.
 */
function sameLayout(chunk: ChunkContext, elementAt: number, at: number, nameOffset: number) {
  const usual = at === elementAt + 7 && nameOffset >= CHUNK_HEADER_SIZE && nameOffset < at;
  if (usual && nameOffset + 10 <= chunk.bytes.length) return true;
  return elementNameField(chunk, elementAt, false) === at;
}
