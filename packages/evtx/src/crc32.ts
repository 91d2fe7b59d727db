/** CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320), as the EVTX headers use. */

/**
 * Eight tables of 256 entries for "slicing by 8": table k gives the CRC of a byte followed by
 * k zero bytes, so eight bytes are folded in per step instead of one.
 */
const TABLES = makeTables();

function makeTables(): Uint32Array {
  const tables = new Uint32Array(8 * 256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    tables[n] = c >>> 0;
  }
  for (let n = 0; n < 256; n++) {
    for (let k = 1; k < 8; k++) {
      const previous = tables[(k - 1) * 256 + n]!;
      tables[k * 256 + n] = tables[previous & 0xff]! ^ (previous >>> 8);
    }
  }
  return tables;
}

/** True on little-endian hosts, where a Uint32Array reads the file's byte order. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Continues a CRC over `bytes[start, end)`; start a new one with `crc = 0`. */
export function crc32(bytes: Uint8Array, start = 0, end = bytes.length, crc = 0): number {
  let c = ~crc >>> 0;
  let i = start;
  // Whole words are read four bytes at a time when they are aligned for a Uint32Array view.
  const aligned = (4 - ((bytes.byteOffset + i) & 3)) & 3;
  for (const stop = Math.min(end, i + aligned); i < stop; i++) c = byteStep(c, bytes[i]!);
  if (LITTLE_ENDIAN && end - i >= 8) {
    const words = new Uint32Array(bytes.buffer, bytes.byteOffset + i, (end - i) >>> 2);
    c = wordSteps(c, words);
    i += 4 * (words.length & ~1);
  }
  for (; i < end; i++) c = byteStep(c, bytes[i]!);
  return ~c >>> 0;
}

function byteStep(c: number, byte: number): number {
  return TABLES[(c ^ byte) & 0xff]! ^ (c >>> 8);
}

/** Folds in pairs of little-endian words, eight bytes per step; an odd last word is left. */
function wordSteps(crc: number, words: Uint32Array): number {
  const t = TABLES;
  let c = crc;
  for (let w = 0; w + 1 < words.length; w += 2) {
    const low = c ^ words[w]!;
    const high = words[w + 1]!;
    c =
      t[1792 + (low & 0xff)]! ^
      t[1536 + ((low >>> 8) & 0xff)]! ^
      t[1280 + ((low >>> 16) & 0xff)]! ^
      t[1024 + (low >>> 24)]! ^
      t[768 + (high & 0xff)]! ^
      t[512 + ((high >>> 8) & 0xff)]! ^
      t[256 + ((high >>> 16) & 0xff)]! ^
      t[high >>> 24]!;
  }
  return c;
}
