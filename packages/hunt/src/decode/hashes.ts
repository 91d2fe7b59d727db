/**
 * Sysmon hash strings (Hashes of Events 1, 6, 7, 15, 23, 24, 26, ...): `ALGORITHM=value` pairs
 * separated by commas, one per algorithm the configuration's HashAlgorithms names (MD5, SHA1,
 * SHA256, IMPHASH). Each pair becomes a part of its own so it can be read and copied alone.
 */
import { decodedParts, type DecodedValue } from './model.js';

/** One algorithm's hash. */
export interface FileHash {
  readonly algorithm: string;
  readonly value: string;
}

/** Most pairs read from one string: Sysmon writes at most four. */
export const HASH_PAIRS_MAX = 8;

const PAIR = /^([A-Za-z][A-Za-z0-9]{0,15})=([0-9A-Fa-f]{1,128})$/;

/**
 * The pairs of a Sysmon hash string, or undefined when any part is not `NAME=hex` (so a field
 * that only looks like one is left as it is).
 */
export function splitHashes(value: string): readonly FileHash[] | undefined {
  const pieces = value.trim().split(',');
  if (pieces.length > HASH_PAIRS_MAX) return undefined;

  const hashes: FileHash[] = [];
  for (const piece of pieces) {
    const pair = PAIR.exec(piece.trim());
    if (pair === null) return undefined;
    hashes.push({ algorithm: (pair[1] ?? '').toUpperCase(), value: pair[2] ?? '' });
  }
  return hashes;
}

/** A hash string as one part per algorithm (`SHA256 abc...`), or undefined when it is not one. */
export function decodeHashes(value: string): DecodedValue | undefined {
  const hashes = splitHashes(value);
  if (hashes === undefined) return undefined;
  return decodedParts(
    hashes.map(({ algorithm, value: hash }) => `${algorithm} ${hash}`),
    '; ',
  );
}
