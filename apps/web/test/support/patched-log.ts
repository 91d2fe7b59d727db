/**
 * A real log with one string changed, for tests that need a value no sample has (a cell that
 * starts with `=`): every UTF-16LE occurrence of `from` is overwritten by `to` (same length),
 * and the CRCs of each chunk touched are computed again, so the parser reads it as clean.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { crc32 } from '@evtxhunt/evtx';

const FILE_HEADER = 0x1000;
const CHUNK = 0x10000;
const CHUNK_HEADER = 0x200;

/** Writes the patched copy of `path` to a fresh temporary folder and returns its path. */
export async function patchedLog(path: string, from: string, to: string): Promise<string> {
  if (from.length !== to.length)
    throw new RangeError(`patchedLog: '${from}' and '${to}' differ in length`);
  const bytes = new Uint8Array(await readFile(path));
  const chunks = replaceAll(bytes, utf16(from), utf16(to));
  if (chunks.size === 0) throw new RangeError(`patchedLog: '${from}' is not in ${path}`);
  for (const chunk of chunks) fixChunkCrcs(bytes, FILE_HEADER + chunk * CHUNK);

  const out = join(
    await mkdtemp(join(tmpdir(), 'evtxhunt-patched-')),
    `patched-${Date.now()}.evtx`,
  );
  await writeFile(out, bytes);
  return out;
}

function utf16(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'utf16le'));
}

/** Overwrites every occurrence; returns the chunk indexes it wrote into. */
function replaceAll(bytes: Uint8Array, from: Uint8Array, to: Uint8Array): Set<number> {
  const chunks = new Set<number>();
  const haystack = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = haystack.indexOf(from); at >= 0; at = haystack.indexOf(from, at + from.length)) {
    bytes.set(to, at);
    chunks.add(Math.floor((at - FILE_HEADER) / CHUNK));
  }
  return chunks;
}

/** The records CRC (over the records up to the free space offset), then the header CRC. */
function fixChunkCrcs(bytes: Uint8Array, start: number): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset + start, CHUNK);
  const chunk = bytes.subarray(start, start + CHUNK);
  const freeSpace = view.getUint32(48, true);
  view.setUint32(52, crc32(chunk, CHUNK_HEADER, freeSpace), true);
  view.setUint32(124, crc32(chunk, 128, CHUNK_HEADER, crc32(chunk, 0, 120)), true);
}
