/**
 * Rendered texts of short fixed values, found again by their type and bytes. A Sysmon log
 * repeats its GUIDs (the provider's in every record, each process's in all of its events),
 * SIDs and keywords, and comparing up to 32 bytes costs less than building the text again
 * (a GUID's text is made of a dozen pieces) and collecting it later.
 */
import { ValueType } from './types.js';

/** Values longer than this are rendered each time. */
const MAX_KEY_BYTES = 32;
/** Slots in the cache: a power of two, so a hash picks one with a mask. */
const SLOTS = 1024;

/** The types worth keeping: they repeat, and their text costs more than a comparison. */
export function isCachedType(type: number): boolean {
  return type === ValueType.Guid || type === ValueType.Sid || type === ValueType.HexInt64;
}

export class ValueTextCache {
  private readonly keys = new Uint8Array(SLOTS * MAX_KEY_BYTES);
  /** Per slot: the value's size, 0 when the slot is empty. */
  private readonly sizes = new Uint8Array(SLOTS);
  private readonly types = new Uint8Array(SLOTS);
  private readonly texts: Array<string | undefined> = new Array<string | undefined>(SLOTS);
  /** The slot the last `find` looked in, where `keep` puts the text it did not find. */
  private slot = 0;

  /** The text kept for this value, if any; undefined when it has to be rendered. */
  find(bytes: Uint8Array, type: number, offset: number, size: number): string | undefined {
    if (size === 0 || size > MAX_KEY_BYTES) {
      this.slot = -1;
      return undefined;
    }
    const hash = hashOf(bytes, type, offset, size);
    const slot = (hash ^ (hash >>> 15)) & (SLOTS - 1);
    this.slot = slot;
    if (this.sizes[slot] !== size || this.types[slot] !== type) return undefined;

    const key = slot * MAX_KEY_BYTES;
    for (let i = 0; i < size; i++) if (this.keys[key + i] !== bytes[offset + i]) return undefined;
    return this.texts[slot];
  }

  /** Keeps `text` as the rendering of the value the last `find` missed. */
  keep(bytes: Uint8Array, type: number, offset: number, size: number, text: string): void {
    const { slot } = this;
    if (slot < 0) return;
    // Copied byte by byte: a subarray to copy from would be an object per value kept.
    const key = slot * MAX_KEY_BYTES;
    for (let i = 0; i < size; i++) this.keys[key + i] = bytes[offset + i]!;
    this.sizes[slot] = size;
    this.types[slot] = type;
    this.texts[slot] = text;
  }
}

/** FNV-1a-like hash of the type, size and bytes, four bytes a step (a GUID in four). */
function hashOf(bytes: Uint8Array, type: number, offset: number, size: number): number {
  let hash = Math.imul(type ^ size, 0x01000193);
  let i = 0;
  for (; i + 4 <= size; i += 4) {
    const at = offset + i;
    const word =
      bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24);
    hash = Math.imul(hash ^ word, 0x01000193);
  }
  for (; i < size; i++) hash = Math.imul(hash ^ bytes[offset + i]!, 0x01000193);
  return hash;
}
