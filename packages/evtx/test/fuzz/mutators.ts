/**
 * Mutators of the fuzzer: each takes a real EVTX file and a random stream and returns one
 * mutant, what was done to it in words, and the byte ranges it changed. Every mutant follows
 * from (campaign seed, mutant index) alone, so any failure can be made again.
 */
import { crc32 } from '../../src/crc32.js';

const HEADER_BLOCK = 4096;
const CHUNK_SIZE = 65536;
const CHUNK_HEADER_SIZE = 512;

/** A deterministic random stream (mulberry32), seeded by a 32-bit integer. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A 32-bit unsigned integer. */
  u32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** An integer in [0, n). */
  below(n: number): number {
    return n <= 0 ? 0 : this.u32() % n;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.below(items.length)]!;
  }

  chance(p: number): boolean {
    return this.u32() / 0x100000000 < p;
  }
}

/** The seed of mutant `index` of a campaign: the campaign seed and the index mixed. */
export function mutantSeed(campaign: number, index: number): number {
  return Math.imul(campaign ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35);
}

/** One mutant and how it was made. */
export interface Mutant {
  bytes: Uint8Array;
  /** The mutator's name and what it changed, with file offsets, e.g. `bit-flip 0x1234.3`. */
  description: string;
  /**
   * True when the mutator recomputed the CRCs of what it changed, as an attacker would: the
   * file is then consistent, and a change the parser cannot see is no damage to report.
   */
  crafted: boolean;
}

type Mutator = (file: Uint8Array, random: Random) => Mutant | undefined;

/** Makes mutant `index` of campaign `seed` from `file`. */
export function mutate(file: Uint8Array, seed: number, index: number): Mutant {
  const random = new Random(mutantSeed(seed, index));
  for (;;) {
    const [name, mutator] = random.pick(MUTATORS);
    const mutant = mutator(file, random);
    if (mutant) return { ...mutant, description: `${name}: ${mutant.description}` };
  }
}

/** Offsets of the chunks in `file` (slots carrying the chunk signature). */
export function chunkOffsets(file: Uint8Array): number[] {
  const offsets: number[] = [];
  for (let at = HEADER_BLOCK; at + CHUNK_HEADER_SIZE <= file.length; at += CHUNK_SIZE) {
    if (String.fromCharCode(...file.subarray(at, at + 8)) === 'ElfChnk\0') offsets.push(at);
  }
  return offsets;
}

/** Records of the chunk at `chunk`, walked by their sizes up to the free space offset. */
export function recordOffsets(file: Uint8Array, chunk: number): number[] {
  const view = viewOf(file);
  const end = Math.min(chunk + view.getUint32(chunk + 48, true), chunk + CHUNK_SIZE, file.length);
  const offsets: number[] = [];
  let at = chunk + CHUNK_HEADER_SIZE;
  while (at + 28 <= end && view.getUint32(at, true) === 0x2a2a) {
    const size = view.getUint32(at + 4, true);
    if (size < 28 || at + size > end) break;
    offsets.push(at);
    at += size;
  }
  return offsets;
}

function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
}

function hex(value: number): string {
  return `0x${value.toString(16)}`;
}

/** A value likely to upset a size, count or offset near `typical`. */
function hostileU32(random: Random, typical: number): number {
  const choices = [0, 1, 0xffffffff, 0x7fffffff, 0x10000, 0xffff, 511, 512, 28, 24];
  if (random.chance(0.5)) return random.pick(choices);
  const delta = random.pick([1, 2, 4, 8, 16, 256, 4096]);
  return (random.chance(0.5) ? typical + delta : typical - delta) >>> 0;
}

/** Recomputes the CRCs of the chunk at `chunk` (records, then header) as Windows would. */
function fixChunkCrcs(bytes: Uint8Array, chunk: number): void {
  if (chunk + CHUNK_HEADER_SIZE > bytes.length) return;
  const view = viewOf(bytes);
  const free = view.getUint32(chunk + 48, true);
  const dataEnd = Math.min(chunk + Math.max(free, CHUNK_HEADER_SIZE), bytes.length);
  view.setUint32(chunk + 52, crc32(bytes, chunk + CHUNK_HEADER_SIZE, dataEnd), true);
  const header = crc32(bytes, chunk + 128, chunk + 512, crc32(bytes, chunk, chunk + 120));
  view.setUint32(chunk + 124, header, true);
}

function fixFileHeaderCrc(bytes: Uint8Array): void {
  viewOf(bytes).setUint32(124, crc32(bytes, 0, 120), true);
}

/** The chunk holding `offset`, when that slot is a chunk. */
function chunkOf(file: Uint8Array, offset: number): number | undefined {
  if (offset < HEADER_BLOCK) return undefined;
  const at = HEADER_BLOCK + Math.floor((offset - HEADER_BLOCK) / CHUNK_SIZE) * CHUNK_SIZE;
  return chunkOffsets(file).includes(at) ? at : undefined;
}

/** A random offset, half the time inside the records of a chunk. */
function randomOffset(file: Uint8Array, random: Random): number {
  const chunks = chunkOffsets(file);
  if (chunks.length > 0 && random.chance(0.5)) {
    const chunk = random.pick(chunks);
    const free = viewOf(file).getUint32(chunk + 48, true);
    const span = Math.min(Math.max(free, CHUNK_HEADER_SIZE), CHUNK_SIZE, file.length - chunk);
    return chunk + random.below(span);
  }
  return random.below(file.length);
}

const bitFlips: Mutator = (file, random) => {
  const bytes = file.slice();
  const flips: string[] = [];
  const count = 1 + random.below(8);
  for (let i = 0; i < count; i++) {
    const at = randomOffset(file, random);
    const bit = random.below(8);
    bytes[at]! ^= 1 << bit;
    flips.push(`${hex(at)}.${bit}`);
  }
  return { bytes, description: flips.join(' '), crafted: false };
};

const zeroRun: Mutator = (file, random) => {
  const bytes = file.slice();
  const at = randomOffset(file, random);
  const length = 1 + random.below(random.chance(0.5) ? 64 : 8192);
  bytes.fill(0, at, at + length);
  return { bytes, description: `${length} bytes at ${hex(at)}`, crafted: false };
};

const truncate: Mutator = (file, random) => {
  const chunks = chunkOffsets(file);
  const atBoundary = chunks.length > 0 && random.chance(0.3);
  const at = atBoundary ? random.pick(chunks) : random.below(file.length);
  return { bytes: file.slice(0, at), description: `cut at ${hex(at)}`, crafted: false };
};

/** A chunk copied whole keeps valid CRCs, so its mutants count as crafted. */
const duplicateChunk: Mutator = (file, random) => {
  const chunks = chunkOffsets(file).filter((at) => at + CHUNK_SIZE <= file.length);
  if (chunks.length === 0) return undefined;
  const from = random.pick(chunks);
  const copy = file.subarray(from, from + CHUNK_SIZE);
  const slots = Math.floor((file.length - HEADER_BLOCK) / CHUNK_SIZE);
  const to = HEADER_BLOCK + random.below(slots + 1) * CHUNK_SIZE;

  if (random.chance(0.5) && to + CHUNK_SIZE <= file.length) {
    const bytes = file.slice();
    bytes.set(copy, to);
    return { bytes, description: `chunk ${hex(from)} copied over ${hex(to)}`, crafted: true };
  }
  const bytes = new Uint8Array(file.length + CHUNK_SIZE);
  bytes.set(file.subarray(0, to));
  bytes.set(copy, to);
  bytes.set(file.subarray(to), to + CHUNK_SIZE);
  return { bytes, description: `chunk ${hex(from)} inserted at ${hex(to)}`, crafted: true };
};

/**
 * A chunk's first bytes destroyed (zeroed, or overwritten with noise): its header, and often
 * its templates and first records, are gone; the records after them are to be recovered.
 */
const destroyChunkStart: Mutator = (file, random) => {
  const chunks = chunkOffsets(file);
  if (chunks.length === 0) return undefined;
  const at = random.pick(chunks);
  const length = 8 + random.below(random.chance(0.5) ? 512 : 32768);
  const bytes = file.slice();
  const end = Math.min(at + length, bytes.length);
  const noise = random.chance(0.5);
  for (let i = at; i < end; i++) bytes[i] = noise ? random.below(256) : 0;
  const what = noise ? 'noise' : 'zeros';
  return { bytes, description: `${length} bytes of ${what} at ${hex(at)}`, crafted: false };
};

/** Bytes appended past the end of the file: a partial slot, or whole slots, of noise. */
const trailingBytes: Mutator = (file, random) => {
  const length = 1 + random.below(random.chance(0.5) ? 4096 : 2 * CHUNK_SIZE);
  const bytes = new Uint8Array(file.length + length);
  bytes.set(file);
  for (let i = file.length; i < bytes.length; i++) bytes[i] = random.below(256);
  return { bytes, description: `${length} bytes appended`, crafted: false };
};

/** File header fields: first/last chunk number, next record id, chunk count. */
const fileHeaderField: Mutator = (file, random) => {
  if (file.length < 128) return undefined;
  const bytes = file.slice();
  const view = viewOf(bytes);
  const [name, at, width] = random.pick([
    ['first chunk number', 8, 8],
    ['last chunk number', 16, 8],
    ['next record id', 24, 8],
    ['chunk count', 42, 2],
    ['header block size', 40, 2],
  ] as const);
  const value = hostileU32(
    random,
    width === 2 ? view.getUint16(at, true) : view.getUint32(at, true),
  );
  if (width === 2) view.setUint16(at, value & 0xffff, true);
  else view.setBigUint64(at, BigInt(value), true);
  const crafted = random.chance(0.7);
  if (crafted) fixFileHeaderCrc(bytes);
  return { bytes, description: `file header ${name} = ${hex(value)}`, crafted };
};

/** Chunk header fields: record numbers and ids, last record offset, free space offset. */
const chunkHeaderField: Mutator = (file, random) => {
  const chunks = chunkOffsets(file);
  if (chunks.length === 0) return undefined;
  const chunk = random.pick(chunks);
  const bytes = file.slice();
  const view = viewOf(bytes);
  const [name, at, width] = random.pick([
    ['first record id', 24, 8],
    ['last record id', 32, 8],
    ['last record number', 16, 8],
    ['last record offset', 44, 4],
    ['free space offset', 48, 4],
    ['free space offset', 48, 4],
  ] as const);
  const value = hostileU32(random, view.getUint32(chunk + at, true));
  if (width === 8) view.setBigUint64(chunk + at, BigInt(value), true);
  else view.setUint32(chunk + at, value, true);
  const crafted = random.chance(0.5);
  if (crafted) fixChunkCrcs(bytes, chunk);
  return { bytes, description: `chunk ${hex(chunk)} ${name} = ${hex(value)}`, crafted };
};

/** One entry of a chunk's string table (64 offsets) or template table (32 offsets). */
const tableOffset: Mutator = (file, random) => {
  const chunks = chunkOffsets(file);
  if (chunks.length === 0) return undefined;
  const chunk = random.pick(chunks);
  const bytes = file.slice();
  const view = viewOf(bytes);
  const strings = random.chance(0.5);
  const entry = chunk + (strings ? 128 + 4 * random.below(64) : 384 + 4 * random.below(32));
  const value = hostileU32(random, view.getUint32(entry, true));
  view.setUint32(entry, value, true);
  const crafted = random.chance(0.5);
  if (crafted) fixChunkCrcs(bytes, chunk);
  const table = strings ? 'string' : 'template';
  return { bytes, description: `${table} table entry ${hex(entry)} = ${hex(value)}`, crafted };
};

/** A record's size, its trailing copy or both, or its identifier. */
const recordHeaderField: Mutator = (file, random) => {
  const record = randomRecord(file, random);
  if (record === undefined) return undefined;
  const bytes = file.slice();
  const view = viewOf(bytes);
  const size = view.getUint32(record + 4, true);
  const which = random.below(4);
  let description: string;
  if (which === 3) {
    const id = BigInt(hostileU32(random, view.getUint32(record + 8, true)));
    view.setBigUint64(record + 8, id, true);
    description = `record ${hex(record)} id = ${id}`;
  } else {
    const value = hostileU32(random, size);
    const copyAt = record + (which === 2 ? value : size) - 4;
    if (which !== 1) view.setUint32(record + 4, value, true);
    if (which !== 0 && copyAt >= record && copyAt + 4 <= bytes.length) {
      view.setUint32(copyAt, value, true);
    }
    const part = ['size', 'trailing copy', 'size and copy'][which]!;
    description = `record ${hex(record)} ${part} = ${value}`;
  }
  const crafted = random.chance(0.5);
  if (crafted) fixChunkCrcs(bytes, chunkOf(file, record)!);
  return { bytes, description, crafted };
};

/** A record's template definition offset, or its substitution count or a value's size. */
const templateInstance: Mutator = (file, random) => {
  const record = randomRecord(file, random);
  if (record === undefined) return undefined;
  const chunk = chunkOf(file, record)!;
  const bytes = file.slice();
  const view = viewOf(bytes);
  const instance = record + 24 + 4;
  if (bytes[record + 24] !== 0x0f || (bytes[instance]! & 0xbf) !== 0x0c) return undefined;

  const definition = view.getUint32(instance + 6, true);
  let description: string;
  if (random.chance(0.4)) {
    const templates = templateOffsets(file, chunk);
    const value =
      random.chance(0.6) && templates.length > 0
        ? random.pick(templates)
        : hostileU32(random, definition);
    view.setUint32(instance + 6, value, true);
    description = `record ${hex(record)} template offset ${hex(definition)} -> ${hex(value)}`;
  } else {
    const table = valueTable(view, chunk, instance, definition);
    if (table === undefined || table + 4 > record + view.getUint32(record + 4, true))
      return undefined;
    const count = view.getUint32(table, true);
    if (count === 0 || random.chance(0.3)) {
      const value = hostileU32(random, count);
      view.setUint32(table, value, true);
      description = `record ${hex(record)} substitution count ${count} -> ${value}`;
    } else {
      const slot = table + 4 + 4 * random.below(count);
      const value = hostileU32(random, view.getUint16(slot, true)) & 0xffff;
      view.setUint16(slot, value, true);
      description = `record ${hex(record)} substitution size at ${hex(slot)} = ${value}`;
    }
  }
  const crafted = random.chance(0.5);
  if (crafted) fixChunkCrcs(bytes, chunk);
  return { bytes, description, crafted };
};

function randomRecord(file: Uint8Array, random: Random): number | undefined {
  const chunks = chunkOffsets(file);
  if (chunks.length === 0) return undefined;
  const records = recordOffsets(file, random.pick(chunks));
  return records.length === 0 ? undefined : random.pick(records);
}

/** Non-zero entries of the chunk's template table: chunk offsets of template definitions. */
function templateOffsets(file: Uint8Array, chunk: number): number[] {
  const view = viewOf(file);
  const offsets: number[] = [];
  for (let i = 0; i < 32; i++) {
    const at = view.getUint32(chunk + 384 + 4 * i, true);
    if (at !== 0) offsets.push(at);
  }
  return offsets;
}

/** File offset of the value table of the template instance at `instance`. */
function valueTable(view: DataView, chunk: number, instance: number, definition: number) {
  const inline = chunk + definition === instance + 10;
  if (!inline) return instance + 10;
  const sizeAt = instance + 10 + 20;
  if (sizeAt + 4 > view.byteLength) return undefined;
  return instance + 10 + 24 + view.getUint32(sizeAt, true);
}

const MUTATORS: ReadonlyArray<readonly [string, Mutator]> = [
  ['bit-flip', bitFlips],
  ['bit-flip', bitFlips],
  ['zero-run', zeroRun],
  ['truncate', truncate],
  ['duplicate-chunk', duplicateChunk],
  ['file-header', fileHeaderField],
  ['chunk-header', chunkHeaderField],
  ['table-offset', tableOffset],
  ['record-header', recordHeaderField],
  ['record-header', recordHeaderField],
  ['template-instance', templateInstance],
  ['template-instance', templateInstance],
  ['destroy-chunk-start', destroyChunkStart],
  ['trailing-bytes', trailingBytes],
];
