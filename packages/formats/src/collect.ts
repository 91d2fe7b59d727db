/**
 * Bytes in pieces gathered into one array, for a reader that needs its input whole (the EVTX
 * parser, given a member of a zip or a gzipped log), never past a limit the caller names.
 */
import { FormatError } from './errors.js';
import type { ByteChunks } from './types.js';

/** Where the bytes come from, for the error when there are too many. */
export interface CollectLimit {
  /** Most bytes gathered. */
  readonly maxBytes: number;
  readonly file: string;
  readonly structure: string;
}

/** Every byte of `chunks` in one array; a FormatError once they pass `limit.maxBytes`. */
export async function collectBytes(chunks: ByteChunks, limit: CollectLimit): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const part of chunks) {
    size += part.length;
    // Leaving the loop stops the source (an inflate stream) as well.
    if (size > limit.maxBytes) break;
    parts.push(part);
  }
  if (size > limit.maxBytes) {
    const detail = `unpacks to more than ${limit.maxBytes} bytes, the limit for reading it whole`;
    throw new FormatError(limit.file, limit.structure, 0, detail);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return bytes;
}
