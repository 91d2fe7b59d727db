/**
 * A synthetic disk image for the carving tests: chunks of real fixture logs scattered at
 * unaligned offsets among seeded random bytes, with the damage carving must cope with.
 */
import { readFileSync } from 'node:fs';

import { CHUNK_SIZE } from '../../src/chunk-header.js';
import { FILE_HEADER_BLOCK } from '../../src/file-header.js';
import { fixturePath } from '../support/fixture.js';

/** Seeded random bytes (mulberry32), so every run builds the same image. */
export function randomBytes(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed >>> 0;
  for (let i = 0; i < length; i++) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    bytes[i] = (t ^ (t >>> 14)) & 0xff;
  }
  return bytes;
}

/** Chunk slot `index` of a fixture file: 64 KiB from 4096 + index * 65536. */
export function fixtureChunk(name: string, index: number): Uint8Array {
  const file = new Uint8Array(readFileSync(fixturePath(name)));
  const at = FILE_HEADER_BLOCK + index * CHUNK_SIZE;
  return file.slice(at, at + CHUNK_SIZE);
}

/** The record at chunk offset `at` of a chunk: its size from its header. */
export function recordBytes(chunk: Uint8Array, at: number): Uint8Array {
  const size = new DataView(chunk.buffer, chunk.byteOffset).getUint32(at + 4, true);
  return chunk.slice(at, at + size);
}

/** The pieces laid out one after another, and where each starts. */
export function layOut(pieces: readonly Uint8Array[]): { image: Uint8Array; offsets: number[] } {
  const image = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.length, 0));
  const offsets: number[] = [];
  let at = 0;
  for (const piece of pieces) {
    offsets.push(at);
    image.set(piece, at);
    at += piece.length;
  }
  return { image, offsets };
}

/** The test image and what is where in it. */
export interface CarveImage {
  readonly image: Uint8Array;
  /** Offsets of the sysmon.evtx chunks 0, 1 (bad header CRC) and 2, and of the Security one. */
  readonly sysmon: [number, number, number];
  readonly security: number;
  /** Sysmon chunk 3, of which only the first CUT_BYTES are in the image. */
  readonly cut: number;
  /** The first record of Security_1_record.evtx (template inline) and a record of sysmon chunk 4 whose template is defined by an earlier record. */
  readonly inlineRecord: number;
  readonly referringRecord: number;
}

/** Bytes of sysmon chunk 3 left when the image ends inside it. */
export const CUT_BYTES = 30000;

/**
 * Random bytes, sysmon chunk 0, random, Security's only chunk, random, sysmon chunk 1 with a
 * byte of its header's unused area changed (header CRC fails, records intact), random, a loose
 * record that carries its template, random, sysmon chunk 2, random, a loose record that does
 * not, random, and the first 30000 bytes of sysmon chunk 3 where the image ends. Every gap has
 * an odd length, so nothing is aligned.
 */
export function carveImage(): CarveImage {
  const badCrc = fixtureChunk('sysmon.evtx', 1);
  badCrc[200] = 0x5a;
  const security = fixtureChunk('Security_1_record.evtx', 0);
  const laterChunk = fixtureChunk('sysmon.evtx', 4);

  const { image, offsets } = layOut([
    randomBytes(1001, 1),
    fixtureChunk('sysmon.evtx', 0),
    randomBytes(777, 2),
    fixtureChunk('Security_short_selected.evtx', 0),
    randomBytes(4093, 3),
    badCrc,
    randomBytes(333, 4),
    recordBytes(security, 512),
    randomBytes(65, 5),
    fixtureChunk('sysmon.evtx', 2),
    randomBytes(12345, 6),
    recordBytes(laterChunk, 4048),
    randomBytes(99, 7),
    fixtureChunk('sysmon.evtx', 3).slice(0, CUT_BYTES),
  ]);
  return {
    image,
    sysmon: [offsets[1]!, offsets[5]!, offsets[9]!],
    security: offsets[3]!,
    cut: offsets[13]!,
    inlineRecord: offsets[7]!,
    referringRecord: offsets[11]!,
  };
}
