/** The byte patterns carving looks for, found at any byte offset. */

/** A chunk header starts with `ElfChnk` and a zero byte. */
export const CHUNK_MAGIC = Uint8Array.from('ElfChnk\0', (c) => c.charCodeAt(0));

/** A record header starts with its signature 0x00002a2a, little-endian. */
export const RECORD_MAGIC = Uint8Array.of(0x2a, 0x2a, 0x00, 0x00);

/**
 * The first offset in `[from, to)` where `pattern` starts, or -1. The pattern may run past
 * `to` as long as it lies inside `bytes`. Each candidate is found with the native
 * `indexOf` on the pattern's first byte, so runs of other bytes are skipped quickly.
 */
export function findPattern(
  bytes: Uint8Array,
  pattern: Uint8Array,
  from: number,
  to: number,
): number {
  const first = pattern[0]!;
  const last = Math.min(to, bytes.length - pattern.length + 1);
  let at = bytes.indexOf(first, from);

  while (at !== -1 && at < last) {
    if (matchesAt(bytes, pattern, at)) return at;
    at = bytes.indexOf(first, at + 1);
  }
  return -1;
}

function matchesAt(bytes: Uint8Array, pattern: Uint8Array, at: number): boolean {
  for (let i = 1; i < pattern.length; i++) if (bytes[at + i] !== pattern[i]) return false;
  return true;
}
