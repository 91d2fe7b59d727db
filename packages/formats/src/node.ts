/** Node glue: files read as streams, gzip through zlib. The core is in index.ts. */
import { createReadStream } from 'node:fs';
import { pipeline, Readable } from 'node:stream';
import { open } from 'node:fs/promises';
import { createGunzip, createInflateRaw } from 'node:zlib';

import { cutError, damagedError } from './decompress-stream.js';
import { FormatError } from './errors.js';
import { openInput, readRecordBatches, type ReadOptions } from './read.js';
import { readZipRecordBatches, sniffZipMembers, type ZipReadOptions } from './zip-records.js';
import type { InflateRaw, RandomAccess } from './zip.js';
import type { ByteChunks, Gunzip, ImportedRecord, InputFormat } from './types.js';

export * from './index.js';

/** Bytes read from the file at `path`, 1 MiB at a time. */
export function fileChunks(path: string): ByteChunks {
  return createReadStream(path, { highWaterMark: 1024 * 1024 });
}

/** Decompresses gzip with Node's zlib, as a stream. */
export const nodeGunzip: Gunzip = (compressed: ByteChunks) =>
  through(compressed, createGunzip(), 'gzip');

/** Inflates a zip member's raw deflate data with Node's zlib, as a stream. */
export const nodeInflateRaw: InflateRaw = (compressed: ByteChunks) =>
  through(compressed, createInflateRaw(), 'deflate-raw');

/**
 * The output of `transform` fed `compressed`; a break ends it with a CompressedDataError that
 * says where in the compressed bytes it was found.
 */
async function* through(
  compressed: ByteChunks,
  transform: NodeJS.ReadWriteStream & Readable,
  format: 'gzip' | 'deflate-raw',
): AsyncGenerator<Uint8Array> {
  const fed = { bytes: 0 };
  // A failing source or corrupt data ends the output with the error, for its reader to see.
  pipeline(Readable.from(counted(compressed, fed)), transform, (error) => {
    if (error) transform.destroy(error);
  });
  try {
    for await (const part of transform) yield part as Uint8Array;
  } catch (error) {
    // zlib's errors have codes Z_…; Z_BUF_ERROR ("unexpected end of file") when the data
    // stops short. Others (a file that could not be read) are passed on as they are.
    const code = (error as { code?: unknown }).code;
    if (typeof code !== 'string' || !code.startsWith('Z_')) throw error;
    throw code === 'Z_BUF_ERROR' ? cutError(format, fed.bytes) : damagedError(format, 0, fed.bytes);
  } finally {
    transform.destroy();
  }
}

async function* counted(chunks: ByteChunks, fed: { bytes: number }): AsyncGenerator<Uint8Array> {
  for await (const chunk of chunks) {
    fed.bytes += chunk.length;
    yield chunk;
  }
}

/** Every record of the file at `path`, in batches; gzip is undone with zlib. */
export function readFileRecordBatches(
  path: string,
  options: Omit<ReadOptions, 'file' | 'gunzip'> = {},
): AsyncGenerator<ImportedRecord[]> {
  return readRecordBatches(fileChunks(path), { ...options, file: path, gunzip: nodeGunzip });
}

/** What sniffing found in a file: its format, or why it is none. */
export type SniffedFile =
  | { readonly format: InputFormat; readonly gzipped: boolean }
  | { readonly format: undefined; readonly problem: string };

/**
 * The format of the file at `path` (of what is inside, when gzipped), or why it is no event
 * log this package or the EVTX parser reads. Reads only the first bytes.
 */
export async function sniffFile(path: string): Promise<SniffedFile> {
  const stream = createReadStream(path, { highWaterMark: 64 * 1024 });
  try {
    const input = await openInput(stream, { file: path, gunzip: nodeGunzip });
    return { format: input.format, gzipped: input.gzipped };
  } catch (error) {
    if (error instanceof FormatError) return { format: undefined, problem: error.detail };
    throw error;
  } finally {
    stream.destroy();
  }
}

/** The zip archive at `path`, read at any offset until closed. */
export async function openZipFile(
  path: string,
): Promise<RandomAccess & { close(): Promise<void> }> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const read = (offset: number, length: number) => readAt(handle, offset, length);
    return { size, read, close: () => handle.close() };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/**
 * Every record of every log inside the zip archive at `path`, in batches: exports read here,
 * EVTX members by `options.readEvtx` (reported and passed over without one).
 */
export async function* readZipFileRecordBatches(
  path: string,
  options: Omit<ZipReadOptions, 'file' | 'gunzip'> = {},
): AsyncGenerator<ImportedRecord[]> {
  const zip = await openZipFile(path);
  try {
    const read = { ...options, file: path, gunzip: nodeGunzip };
    yield* readZipRecordBatches(zip, nodeInflateRaw, read);
  } finally {
    await zip.close();
  }
}

async function readAt(
  handle: Awaited<ReturnType<typeof open>>,
  offset: number,
  length: number,
): Promise<Uint8Array> {
  const buffer = new Uint8Array(length);
  const { bytesRead } = await handle.read(buffer, 0, length, offset);
  return buffer.subarray(0, bytesRead);
}

/**
 * True when the file at `path` is an event log: EVTX by its signature, an export when its
 * first record can be read (so a JSON file that only mentions an event key is not taken for
 * one). Reads no further than that first record.
 */
export async function isEventLogFile(path: string): Promise<boolean> {
  const { format } = await sniffFile(path);
  if (format === undefined || format === 'evtx') return format === 'evtx';
  if (format === 'zip' && (await holdsEvtx(path))) return true;
  const read = format === 'zip' ? readZipFileRecordBatches : readFileRecordBatches;
  try {
    for await (const batch of read(path, { batchSize: 1 })) return batch.length > 0;
  } catch (error) {
    if (!(error instanceof FormatError)) throw error;
  }
  return false;
}

/** True when a member of the zip archive at `path` is an EVTX log (gzipped or not). */
async function holdsEvtx(path: string): Promise<boolean> {
  const zip = await openZipFile(path);
  try {
    const members = await sniffZipMembers(zip, nodeInflateRaw, { file: path, gunzip: nodeGunzip });
    return members.some((member) => member.format === 'evtx');
  } catch (error) {
    if (error instanceof FormatError) return false;
    throw error;
  } finally {
    await zip.close();
  }
}
