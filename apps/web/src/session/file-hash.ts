/**
 * The SHA-256 of a file read piece by piece from its Blob, the way the hash worker reads it
 * beside the parse workers: never more than one piece of the file in memory.
 */
import { Sha256 } from './sha256.js';

/** Bytes read from the file at a time. */
export const HASH_PIECE_BYTES = 4 * 1024 * 1024;

/** How a file is hashed. */
export interface HashOptions {
  /** Bytes read at a time (HASH_PIECE_BYTES by default). */
  readonly pieceBytes?: number;
  /** Stops the hash between pieces; the promise then rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  /** Called after each piece with the bytes hashed so far. */
  readonly onProgress?: (bytes: number) => void;
}

/** Resolves to the 64 hex digits of `blob`'s SHA-256, as `sha256sum` prints them. */
export async function hashBlob(blob: Blob, options: HashOptions = {}): Promise<string> {
  const piece = options.pieceBytes ?? HASH_PIECE_BYTES;
  if (!Number.isInteger(piece) || piece < 1) throw new RangeError(`hash: piece size ${piece}`);
  const hash = new Sha256();
  for (let at = 0; at < blob.size; at += piece) {
    options.signal?.throwIfAborted();
    const bytes = new Uint8Array(await blob.slice(at, at + piece).arrayBuffer());
    hash.update(bytes);
    options.onProgress?.(at + bytes.length);
  }
  options.signal?.throwIfAborted();
  return hash.hex();
}
