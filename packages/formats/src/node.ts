/** Node glue: files read as streams, gzip through zlib. The core is in index.ts. */
import { createReadStream } from 'node:fs';
import { pipeline, Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

import { FormatError } from './errors.js';
import { openInput, readRecordBatches, type ReadOptions } from './read.js';
import type { ByteChunks, Gunzip, ImportedRecord, InputFormat } from './types.js';

export * from './index.js';

/** Bytes read from the file at `path`, 1 MiB at a time. */
export function fileChunks(path: string): ByteChunks {
  return createReadStream(path, { highWaterMark: 1024 * 1024 });
}

/** Decompresses with Node's zlib, as a stream. */
export const nodeGunzip: Gunzip = (compressed: ByteChunks) => {
  const gunzip = createGunzip();
  // A failing source or corrupt data ends the output with the error, for its reader to see.
  pipeline(Readable.from(compressed), gunzip, (error) => {
    if (error) gunzip.destroy(error);
  });
  return gunzip;
};

/** Every record of the file at `path`, in batches; gzip is undone with zlib. */
export function readFileRecordBatches(
  path: string,
  options: Omit<ReadOptions, 'file' | 'gunzip'> = {},
): AsyncGenerator<ImportedRecord[]> {
  return readRecordBatches(fileChunks(path), { ...options, file: path, gunzip: nodeGunzip });
}

/**
 * The format of the file at `path` (of what is inside, when gzipped), or undefined when it is
 * no event log this package or the EVTX parser reads. Reads only the first bytes.
 */
export async function sniffFile(
  path: string,
): Promise<{ format: InputFormat; gzipped: boolean } | undefined> {
  const stream = createReadStream(path, { highWaterMark: 64 * 1024 });
  try {
    const input = await openInput(stream, { file: path, gunzip: nodeGunzip });
    return { format: input.format, gzipped: input.gzipped };
  } catch (error) {
    if (error instanceof FormatError) return undefined;
    throw error;
  } finally {
    stream.destroy();
  }
}
