/**
 * A small zip reader: the central directory found from the end-of-central-directory record,
 * each member's bytes streamed from its local header and inflated as they come. Every offset
 * and size read from the archive is checked against the archive's size and a named limit.
 */
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
  readonly localHeaderOffset: number;
}

/** Most members read from one archive. */
export const MAX_ZIP_ENTRIES = 65_535;

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_SIZE = 22;
/** The end record sits at most a 64 KiB comment before the end of the archive. */
const EOCD_SEARCH = EOCD_SIZE + 0xffff;
const PIECE = 1024 * 1024;

/** The archive's members, in central-directory order; directories left out. */
export async function zipEntries(source: RandomAccess, name: string): Promise<ZipEntry[]> {
  const { count, offset, size } = await endRecord(source, name);
  if (offset + size > source.size) {
    throw new FormatError(name, 'zip central directory', offset, `${size} bytes run past the end`);
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

async function endRecord(source: RandomAccess, name: string) {
  const start = Math.max(0, source.size - EOCD_SEARCH);
  const tail = await source.read(start, source.size - start);
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  for (let at = tail.length - EOCD_SIZE; at >= 0; at--) {
    if (view.getUint32(at, true) !== EOCD_SIGNATURE) continue;
    const count = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 12, true);
    const offset = view.getUint32(at + 16, true);
    // TODO: zip64 archives (over 4 GiB or 65,535 members) are refused: their sizes sit in
    // another record this reader does not look for.
    if (count === 0xffff || offset === 0xffffffff) {
      throw new FormatError(name, 'zip end record', start + at, 'zip64 archives are not read');
    }
    if (count > MAX_ZIP_ENTRIES)
      throw new FormatError(name, 'zip end record', start + at, `${count} members`);
    return { count, offset, size };
  }
  throw new FormatError(name, 'zip', source.size, 'no end-of-central-directory record');
}

function centralEntry(view: DataView, bytes: Uint8Array, at: number, name: string, base: number) {
  const need = (length: number) => {
    if (at + length > bytes.length) {
      throw new FormatError(
        name,
        'zip central directory',
        base + at,
        'entry runs past the directory',
      );
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
  const entry: ZipEntry = {
    name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    method: view.getUint16(at + 10, true),
    compressedSize: view.getUint32(at + 20, true),
    localHeaderOffset: view.getUint32(at + 42, true),
  };
  return { entry, next: at + 46 + nameLength + extraLength + commentLength };
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

/** Runs `compressed` through a DecompressionStream of `format`. */
export async function* decompress(
  compressed: ByteChunks,
  format: 'gzip' | 'deflate-raw',
): AsyncGenerator<Uint8Array> {
  const stream = new DecompressionStream(format);
  const writer = stream.writable.getWriter();
  const pump = (async () => {
    for await (const chunk of compressed) await writer.write(chunk as Uint8Array<ArrayBuffer>);
    await writer.close();
  })();
  // A failed write shows as a failed read below; this keeps it from going unhandled.
  pump.catch(() => undefined);
  const reader = stream.readable.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    yield value as Uint8Array;
  }
  await pump;
}
