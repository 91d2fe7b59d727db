/**
 * The 64 KiB chunk being written: a cursor over its bytes that refuses to pass the end, and the
 * chunk's name and template caches with a journal so that a record that did not fit can be
 * taken back whole.
 */
import { CHUNK_HEADER_SIZE, CHUNK_SIZE } from '../chunk-header.js';

/** Thrown when a write would pass the end of the chunk; the chunk writer rolls the record back. */
export class ChunkFull extends Error {
  override readonly name = 'ChunkFull';
}

/**
 * Where records must end. libevtx (evtxexport) skips a chunk's last record when it ends exactly
 * at the end of the chunk, and Windows never fills a chunk to the last byte, so 8 bytes are kept
 * free.
 */
export const RECORDS_END = CHUNK_SIZE - 8;

/** Heads of the common string offset table: 64 buckets by name hash. */
export const STRING_BUCKETS = 64;
/** Heads of the template pointer table: 32 buckets. */
export const TEMPLATE_BUCKETS = 32;

interface Mark {
  pos: number;
  names: string[];
  templates: string[];
  heads: Array<[Uint32Array, number, number]>;
}

/** One chunk's bytes, write position and caches. */
export class ChunkBuffer {
  readonly bytes = new Uint8Array(CHUNK_SIZE);
  readonly view = new DataView(this.bytes.buffer);
  pos = CHUNK_HEADER_SIZE;
  /** Chunk offset of each name written, by name. */
  readonly names = new Map<string, number>();
  /** Chunk offset of each template definition written, by lower-case GUID. */
  readonly templates = new Map<string, number>();
  readonly stringTable = new Uint32Array(STRING_BUCKETS);
  readonly templateTable = new Uint32Array(TEMPLATE_BUCKETS);
  #mark: Mark | undefined;

  /** Starts a record: everything written until commit() can be rolled back. */
  begin(): void {
    this.#mark = { pos: this.pos, names: [], templates: [], heads: [] };
  }

  commit(): void {
    this.#mark = undefined;
  }

  /** Takes back everything written since begin(), caches included. */
  rollback(): void {
    const mark = this.#mark;
    if (mark === undefined) return;
    this.bytes.fill(0, mark.pos, this.pos);
    this.pos = mark.pos;
    for (const name of mark.names) this.names.delete(name);
    for (const guid of mark.templates) this.templates.delete(guid);
    for (const [table, bucket, old] of mark.heads.reverse()) table[bucket] = old;
    this.#mark = undefined;
  }

  /** Records a name written at `offset` and makes it its bucket's head. */
  addName(name: string, offset: number, bucket: number): void {
    this.names.set(name, offset);
    this.#mark?.names.push(name);
    this.#setHead(this.stringTable, bucket, offset);
  }

  /** Records a template definition written at `offset` and makes it its bucket's head. */
  addTemplate(guid: string, offset: number, bucket: number): void {
    this.templates.set(guid, offset);
    this.#mark?.templates.push(guid);
    this.#setHead(this.templateTable, bucket, offset);
  }

  #setHead(table: Uint32Array, bucket: number, offset: number): void {
    this.#mark?.heads.push([table, bucket, table[bucket]!]);
    table[bucket] = offset;
  }

  /** Reserves `length` bytes and returns where they start. */
  take(length: number): number {
    const at = this.pos;
    if (at + length > RECORDS_END) throw new ChunkFull();
    this.pos = at + length;
    return at;
  }

  u8(value: number): void {
    this.bytes[this.take(1)] = value;
  }

  u16(value: number): void {
    this.view.setUint16(this.take(2), value, true);
  }

  u32(value: number): void {
    this.view.setUint32(this.take(4), value, true);
  }

  u64(value: bigint): void {
    this.view.setBigUint64(this.take(8), BigInt.asUintN(64, value), true);
  }

  raw(bytes: Uint8Array): void {
    this.bytes.set(bytes, this.take(bytes.length));
  }

  /** UTF-16LE code units of `text`, no terminator. */
  utf16(text: string): void {
    let at = this.take(2 * text.length);
    const { bytes } = this;
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      bytes[at++] = unit & 0xff;
      bytes[at++] = unit >>> 8;
    }
  }

  /** Writes zeros until the position is a multiple of `alignment` minus `before`. */
  alignTo(alignment: number, before: number): void {
    while ((this.pos + before) % alignment !== 0) this.u8(0);
  }
}
