/**
 * A small zip reader: the central directory found from the end-of-central-directory record
 * (or the zip64 end record it points to), each member's bytes streamed from its local header
 * and inflated as they come. Every offset and size read from the archive is checked against
 * the archive's size and a named limit.
 */
import { decompress } from './decompress-stream.js';
import { FormatError } from './errors.js';
import type { ByteChunks } from './types.js';

/** Bytes at any offset: a file in Node, a Blob in a browser. */
export interface RandomAccess {
  readonly size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
}

/** Inflates raw deflate data (zip's method 8). */
export type InflateRaw = (compressed: ByteChunks) => ByteChunks;

/** One member of the archive. */
export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated; anything else is refused when read. */
  readonly method: number;
  readonly compressedSize: number;
  /** The size the directory claims for the unpacked member: a hint, never trusted. */
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
}

/** Most members read from one archive. */
export const MAX_ZIP_ENTRIES = 65_535;

/** Largest central directory read (it is read whole): some 600,000 entries of 100-byte names. */
export const MAX_ZIP_DIRECTORY = 64 * 1024 * 1024;

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_SIZE = 22;
const ZIP64_LOCATOR_SIZE = 20;
const ZIP64_EOCD_SIZE = 56;
/** The extra field that holds a zip64 member's sizes and offset. */
const ZIP64_EXTRA_ID = 0x0001;
/** A 16- or 32-bit field at its maximum: the value is in the zip64 record instead. */
const MAX16 = 0xffff;
const MAX32 = 0xffffffff;
/** The end record sits at most a 64 KiB comment before the end of the archive. */
const EOCD_SEARCH = EOCD_SIZE + 0xffff;
const PIECE = 1024 * 1024;

/** Where the central directory is and how many entries it has. */
interface Directory {
  readonly count: number;
  readonly offset: number;
  readonly size: number;
}

/** The archive's members, in central-directory order; directories left out. */
export async function zipEntries(source: RandomAccess, name: string): Promise<ZipEntry[]> {
  const { count, offset, size } = await endRecord(source, name);
  if (offset + size > source.size) {
    throw new FormatError(name, 'zip central directory', offset, `${size} bytes run past the end`);
  }
  if (size > MAX_ZIP_DIRECTORY) {
    const limit = `over the ${MAX_ZIP_DIRECTORY}-byte limit`;
    throw new FormatError(name, 'zip central directory', offset, `${size} bytes, ${limit}`);
  }
  const directory = await source.read(offset, size);
  const view = new DataView(directory.buffer, directory.byteOffset, directory.byteLength);
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    const entry = centralEntry(view, directory, at, name, offset);
    at = entry.next;
    if (!entry.entry.name.endsWith('/')) entries.push(entry.entry);
  }
  return entries;
}

async function endRecord(source: RandomAccess, name: string): Promise<Directory> {
  const start = Math.max(0, source.size - EOCD_SEARCH);
  const tail = await source.read(start, source.size - start);
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  for (let at = tail.length - EOCD_SIZE; at >= 0; at--) {
    if (view.getUint32(at, true) !== EOCD_SIGNATURE) continue;
    const directory = {
      count: view.getUint16(at + 10, true),
      size: view.getUint32(at + 12, true),
      offset: view.getUint32(at + 16, true),
    };
    const zip64 = directory.count === MAX16 || directory.size === MAX32;
    const found =
      zip64 || directory.offset === MAX32
        ? await zip64EndRecord(source, name, start + at)
        : directory;
    if (found.count > MAX_ZIP_ENTRIES)
      throw new FormatError(name, 'zip end record', start + at, `${found.count} members`);
    return found;
  }
  // TODO: an archive cut off before its central directory is refused whole, though the members
  // before the cut could be found by their local headers.
  throw new FormatError(name, 'zip', source.size, 'no end-of-central-directory record');
}

/**
 * The directory as the zip64 end record gives it: archives over 4 GiB, or of more than 65,535
 * members, keep the real values there; a locator just before the end record points to it.
 */
async function zip64EndRecord(
  source: RandomAccess,
  name: string,
  eocd: number,
): Promise<Directory> {
  const locatorAt = eocd - ZIP64_LOCATOR_SIZE;
  const locator = locatorAt < 0 ? undefined : await source.read(locatorAt, ZIP64_LOCATOR_SIZE);
  const locatorView = locator && new DataView(locator.buffer, locator.byteOffset, 20);
  if (locatorView === undefined || locatorView.getUint32(0, true) !== ZIP64_LOCATOR_SIGNATURE) {
    throw new FormatError(name, 'zip64 end locator', Math.max(0, locatorAt), 'not found');
  }
  const recordAt = safeNumber(
    locatorView.getBigUint64(8, true),
    name,
    'zip64 end locator',
    locatorAt,
  );
  if (recordAt + ZIP64_EOCD_SIZE > eocd) {
    throw new FormatError(name, 'zip64 end record', recordAt, 'runs past the end record');
  }
  const record = await source.read(recordAt, ZIP64_EOCD_SIZE);
  const view = new DataView(record.buffer, record.byteOffset, record.byteLength);
  if (view.getUint32(0, true) !== ZIP64_EOCD_SIGNATURE) {
    throw new FormatError(name, 'zip64 end record', recordAt, 'bad signature');
  }
  const field = (at: number) =>
    safeNumber(view.getBigUint64(at, true), name, 'zip64 end record', recordAt);
  return { count: field(32), size: field(40), offset: field(48) };
}

/** A 64-bit value as a number; beyond 2^53 it is no size a reader here can use. */
function safeNumber(value: bigint, name: string, structure: string, offset: number): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new FormatError(name, structure, offset, `value ${value} is out of range`);
  }
  return Number(value);
}

function centralEntry(view: DataView, bytes: Uint8Array, at: number, name: string, base: number) {
  const need = (length: number) => {
    if (at + length > bytes.length) {
      const where = base + at;
      throw new FormatError(name, 'zip central directory', where, 'entry runs past the directory');
    }
  };
  need(46);
  if (view.getUint32(at, true) !== CENTRAL_SIGNATURE) {
    throw new FormatError(name, 'zip central directory', base + at, 'bad entry signature');
  }
  const nameLength = view.getUint16(at + 28, true);
  const extraLength = view.getUint16(at + 30, true);
  const commentLength = view.getUint16(at + 32, true);
  need(46 + nameLength + extraLength + commentLength);
  const sizes = {
    uncompressedSize: view.getUint32(at + 24, true),
    compressedSize: view.getUint32(at + 20, true),
    localHeaderOffset: view.getUint32(at + 42, true),
  };
  const extra = bytes.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
  const entry: ZipEntry = {
    name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    method: view.getUint16(at + 10, true),
    ...zip64Sizes(sizes, extra, { name, offset: base + at }),
  };
  return { entry, next: at + 46 + nameLength + extraLength + commentLength };
}

type EntrySizes = Pick<ZipEntry, 'uncompressedSize' | 'compressedSize' | 'localHeaderOffset'>;

/**
 * The entry's sizes and offset, each one at its 32-bit maximum taken from the zip64 extra
 * field instead, where they follow in this order (only those at the maximum are there).
 */
function zip64Sizes(
  sizes: EntrySizes,
  extra: Uint8Array,
  where: { name: string; offset: number },
): EntrySizes {
  const order = ['uncompressedSize', 'compressedSize', 'localHeaderOffset'] as const;
  const wanted = order.filter((key) => sizes[key] === MAX32);
  if (wanted.length === 0) return sizes;

  const field = extraField(extra, ZIP64_EXTRA_ID);
  if (field === undefined || field.length < wanted.length * 8) {
    throw new FormatError(where.name, 'zip central directory', where.offset, 'zip64 sizes missing');
  }
  const view = new DataView(field.buffer, field.byteOffset, field.byteLength);
  const found: Record<string, number> = { ...sizes };
  wanted.forEach((key, i) => {
    const value = view.getBigUint64(i * 8, true);
    found[key] = safeNumber(value, where.name, 'zip central directory', where.offset);
  });
  return found as unknown as EntrySizes;
}

/** The data of the extra field `id` (2-byte id, 2-byte length, data...), if there is one. */
function extraField(extra: Uint8Array, id: number): Uint8Array | undefined {
  const view = new DataView(extra.buffer, extra.byteOffset, extra.byteLength);
  for (let at = 0; at + 4 <= extra.length;) {
    const length = view.getUint16(at + 2, true);
    if (at + 4 + length > extra.length) return undefined;
    if (view.getUint16(at, true) === id) return extra.subarray(at + 4, at + 4 + length);
    at += 4 + length;
  }
  return undefined;
}

/** A member's bytes, decompressed, in pieces. */
export async function* zipEntryBytes(
  source: RandomAccess,
  entry: ZipEntry,
  inflateRaw: InflateRaw,
  name: string,
): AsyncGenerator<Uint8Array> {
  const where = `zip member ${JSON.stringify(entry.name)}`;
  const header = await source.read(entry.localHeaderOffset, 30);
  const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
  if (header.length < 30 || view.getUint32(0, true) !== LOCAL_SIGNATURE) {
    throw new FormatError(name, where, entry.localHeaderOffset, 'bad local header');
  }
  const dataStart =
    entry.localHeaderOffset + 30 + view.getUint16(26, true) + view.getUint16(28, true);
  if (dataStart + entry.compressedSize > source.size) {
    throw new FormatError(name, where, dataStart, `${entry.compressedSize} bytes run past the end`);
  }
  const compressed = pieces(source, dataStart, entry.compressedSize);
  if (entry.method === 0) yield* compressed;
  else if (entry.method === 8) yield* inflateRaw(compressed);
  else
    throw new FormatError(name, where, dataStart, `compression method ${entry.method} is not read`);
}

async function* pieces(
  source: RandomAccess,
  start: number,
  length: number,
): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < length; at += PIECE) {
    yield await source.read(start + at, Math.min(PIECE, length - at));
  }
}

/** Inflates with DecompressionStream('deflate-raw'), in a browser or in Node. */
export const webInflateRaw: InflateRaw = (compressed) => decompress(compressed, 'deflate-raw');
