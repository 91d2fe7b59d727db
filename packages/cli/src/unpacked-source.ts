/**
 * A log that has to be unpacked before the EVTX parser can read it (a gzipped EVTX, an EVTX
 * member of a zip): the parser needs random access, so the bytes are gathered in memory while
 * they are few, and spill to a temporary file once they pass MEMORY_LIMIT. The file lives in
 * its own directory under the system's temporary folder and is deleted when the source closes.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';

import { bytesSource, openFileSource, type ByteSource } from '@evtxhunt/evtx/node';
import { untilBroken, type ByteChunks, type FormatDiagnostic } from '@evtxhunt/formats/node';

/** Unpacked bytes kept in memory at most; a larger log goes to a temporary file. */
export const MEMORY_LIMIT = 64 * 1024 * 1024;

/**
 * Largest log unpacked at all: Windows' own limit for one log is 4 GiB, so more is no log (or
 * a decompression bomb), and unpacking stops there.
 */
export const MAX_UNPACKED_EVTX = 4 * 1024 * 1024 * 1024;

/** Sizes below the defaults, for tests. */
export interface UnpackLimits {
  readonly memory: number;
  readonly total: number;
}

/**
 * The limits unpacking keeps to: the defaults, unless EVTXHUNT_UNPACK_MEMORY (bytes) lowers the
 * memory limit, which tests of the CLI set to have small logs spill to a temporary file.
 */
export function unpackLimits(env: NodeJS.ProcessEnv = process.env): UnpackLimits {
  const text = env['EVTXHUNT_UNPACK_MEMORY'];
  const memory = text !== undefined && /^\d+$/.test(text) ? Number(text) : MEMORY_LIMIT;
  return { memory: Math.min(memory, MEMORY_LIMIT), total: MAX_UNPACKED_EVTX };
}

/**
 * A source the parser reads, and closes when done (which deletes any temporary file). `breaks`
 * tells where the compressed data ended early or was damaged: the bytes before are the source.
 * `onDisk` is the temporary file the bytes spilled to, which other threads may open while the
 * source is open; undefined when they are in memory only.
 */
export type UnpackedSource = ByteSource & {
  close(): Promise<void>;
  readonly spilled: boolean;
  readonly onDisk: string | undefined;
  readonly breaks: readonly FormatDiagnostic[];
};

/** The bytes of `chunks` as a source named `name`; throws a RangeError past `limits.total`. */
export async function unpackedSource(
  chunks: ByteChunks,
  name: string,
  limits: UnpackLimits = unpackLimits(),
): Promise<UnpackedSource> {
  const breaks: FormatDiagnostic[] = [];
  const report = (diagnostic: FormatDiagnostic) => void breaks.push(diagnostic);
  const iterator = untilBroken(chunks, { structure: 'compressed data', report });
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const next = await iterator.next();
    if (next.done) return { ...memorySource(parts, size, name), breaks };
    parts.push(next.value);
    size += next.value.length;
    if (size > limits.memory)
      return { ...(await spill(parts, iterator, name, limits.total)), breaks };
  }
}

type Unpacked = Omit<UnpackedSource, 'breaks'>;

function memorySource(parts: readonly Uint8Array[], size: number, name: string): Unpacked {
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  const close = () => Promise.resolve();
  return { ...bytesSource(bytes, name), spilled: false, onDisk: undefined, close };
}

/** Writes the parts so far and the rest of `iterator` to a temporary file, and opens it. */
async function spill(
  parts: readonly Uint8Array[],
  iterator: AsyncIterator<Uint8Array>,
  name: string,
  total: number,
): Promise<Unpacked> {
  const dir = await mkdtemp(join(tmpdir(), 'evtxhunt-unpacked-'));
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    const path = join(dir, 'log.evtx');
    await writeAll(path, parts, iterator, { name, total });
    const file = await openFileSource(path);
    const close = async () => {
      await file.close();
      await remove();
    };
    return { ...file, name, spilled: true, onDisk: path, close };
  } catch (error) {
    await iterator.return?.();
    await remove();
    throw error;
  }
}

async function writeAll(
  path: string,
  parts: readonly Uint8Array[],
  iterator: AsyncIterator<Uint8Array>,
  limit: { name: string; total: number },
): Promise<void> {
  const out = createWriteStream(path);
  let size = 0;
  const write = async (part: Uint8Array) => {
    size += part.length;
    if (size > limit.total) {
      throw new RangeError(`${limit.name} unpacks to more than ${limit.total} bytes`);
    }
    if (!out.write(part)) await once(out, 'drain');
  };
  try {
    for (const part of parts) await write(part);
    for (let next = await iterator.next(); next.done !== true; next = await iterator.next()) {
      await write(next.value);
    }
  } finally {
    out.end();
    await finished(out);
  }
}
