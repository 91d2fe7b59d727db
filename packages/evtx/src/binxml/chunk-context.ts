/** What BinXml parsing needs from its chunk: the bytes and the per-chunk caches. */
import { EvtxError, hex } from '../errors.js';
import { decodeUtf16 } from '../text.js';
import type { PlanRunner } from '../render/planned.js';
import type { TemplateDefinition } from './nodes.js';
import type { TemplateCache } from './template-cache.js';
import type { LimitName } from './tokens.js';

/** Size of the chunk header; names and templates live after it. */
export const CHUNK_HEADER_SIZE = 512;

export class ChunkContext {
  readonly view: DataView;
  /** Names by chunk offset, shared by every record of the chunk. */
  readonly names = new Map<number, ChunkName>();
  /**
   * Compiled templates by chunk offset, shared by every record of the chunk. Each holds its
   * structured plans, compiled on first use.
   */
  readonly templates = new Map<number, TemplateDefinition>();
  /** Scratch for rendering this chunk's records from their plans, made on first use. */
  runner: PlanRunner | undefined;

  constructor(
    /** The chunk's bytes (64 KiB, or less for a chunk cut off at the end of the file). */
    readonly bytes: Uint8Array,
    /** Absolute file offset of the chunk, for messages. */
    readonly fileOffset: number,
    /** Templates compiled by earlier chunks of the file; without it, a chunk compiles its own. */
    readonly templateCache?: TemplateCache,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  }

  /** Throws the parser's error for a chunk-relative offset, naming the limit gone over if any. */
  fail(structure: string, offset: number, reason: string, limit?: LimitName): never {
    throw new EvtxError(structure, this.fileOffset + offset, reason, limit);
  }

  /** Checks that `[offset, offset + length)` lies inside the chunk. */
  need(structure: string, offset: number, length: number): void {
    if (offset >= 0 && length >= 0 && offset + length <= this.bytes.length) return;

    if (offset < 0 || offset > this.bytes.length) {
      // A damaged offset: name the chunk, since the place it points to is not in the file.
      const where = `at ${hex(offset)} in the chunk, outside its ${this.bytes.length} bytes`;
      throw new EvtxError(structure, this.fileOffset, where);
    }
    const left = this.bytes.length - offset;
    this.fail(structure, offset, `needs ${length} bytes, ${left} left in the chunk`);
  }

  u8(offset: number): number {
    this.need('binxml', offset, 1);
    return this.bytes[offset]!;
  }

  u16(offset: number): number {
    this.need('binxml', offset, 2);
    return this.view.getUint16(offset, true);
  }

  u32(offset: number): number {
    this.need('binxml', offset, 4);
    return this.view.getUint32(offset, true);
  }

  /**
   * Reads the name structure at `offset`; its `end` is the offset just past it (where an
   * inline name's element continues).
   */
  readName(offset: number): ChunkName {
    const cached = this.names.get(offset);
    if (cached !== undefined) return cached;

    this.need('name', offset, 8);
    const count = this.view.getUint16(offset + 6, true);
    const end = offset + 8 + 2 * count + 2;
    this.need('name', offset, end - offset);
    let issue: string | undefined;
    const name = decodeUtf16(this.bytes, offset + 8, count, { issue: (m) => (issue = m) });
    if (!isPlausibleName(name)) {
      this.fail('name', offset, `implausible element name ${quoteShort(name)}`);
    }
    const entry: ChunkName =
      issue === undefined ? { name, end } : { name, end, issue: `name ${issue}` };
    this.names.set(offset, entry);
    return entry;
  }
}

/** A name from the chunk's string table, with the problem met decoding it, if any. */
export interface ChunkName {
  name: string;
  /** The chunk offset just past the name structure. */
  end: number;
  issue?: string;
}

/** Characters of a damaged name quoted in an error; a name can be 65,535 characters of junk. */
const QUOTED_NAME_CHARS = 48;

/** `name` as a JSON string, cut to its first characters with the full length said. */
function quoteShort(name: string): string {
  if (name.length <= QUOTED_NAME_CHARS) return JSON.stringify(name);
  const head = JSON.stringify(name.slice(0, QUOTED_NAME_CHARS));
  return `${head.slice(0, -1)}..." (${name.length} characters)`;
}

/** XML names are printable; anything with control characters means a damaged string entry. */
function isPlausibleName(name: string): boolean {
  if (name.length === 0) return false;
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (code < 0x20 || code === 0x3c || code === 0x3e) return false;
  }
  return true;
}
