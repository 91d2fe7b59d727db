/**
 * The one seam between the parser and storage: asynchronous random access to bytes. A browser
 * `Blob`/`File`, a Node file handle and an in-memory array all fit it, so the parser reads one
 * chunk at a time and never needs the whole file.
 */
export interface ByteSource {
  /** Total size in bytes; may exceed 4 GiB. */
  readonly size: number;
  /** Path or file name, used in diagnostics. */
  readonly name: string;
  /** Reads up to `length` bytes at `offset`; fewer only at the end of the source. */
  read(offset: number, length: number): Promise<Uint8Array>;
}

/** A source over bytes already in memory. */
export function bytesSource(bytes: Uint8Array, name: string): ByteSource {
  return {
    size: bytes.length,
    name,
    read: (offset, length) => Promise.resolve(bytes.subarray(offset, offset + length)),
  };
}

/** A source over a browser `Blob` or `File`, read with `Blob.slice`. */
export function blobSource(blob: Blob, name: string): ByteSource {
  return {
    size: blob.size,
    name,
    read: async (offset, length) => {
      const buffer = await blob.slice(offset, offset + length).arrayBuffer();
      return new Uint8Array(buffer);
    },
  };
}
