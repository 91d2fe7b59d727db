/** A byte source over a file on disk, for Node. */
import { open } from 'node:fs/promises';
import type { ByteSource } from './source.js';

/** A byte source over a file on disk; call `close()` when done. */
export async function openFileSource(
  path: string,
): Promise<ByteSource & { close(): Promise<void> }> {
  const handle = await open(path, 'r');
  const { size } = await handle.stat();

  async function read(offset: number, length: number): Promise<Uint8Array> {
    const wanted = Math.max(0, Math.min(length, size - offset));
    const bytes = new Uint8Array(wanted);
    let done = 0;
    while (done < wanted) {
      const { bytesRead } = await handle.read(bytes, done, wanted - done, offset + done);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    return done === wanted ? bytes : bytes.subarray(0, done);
  }

  return { size, name: path, read, close: () => handle.close() };
}
