/** Text decoding for the two string encodings EVTX uses: UTF-16LE and the ANSI code page. */

/** Windows-1252 code points for bytes 0x80-0x9F; the other bytes map to Latin-1. */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152,
  0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122,
  0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

const BATCH = 4096;

/** Collects decoding problems for a record without stopping it. */
export interface IssueSink {
  issue(message: string): void;
}

/**
 * Decodes `count` UTF-16LE code units at `offset`. Unpaired surrogates become U+FFFD and are
 * reported to `sink`; trailing NULs are dropped, as Windows drops them when rendering.
 *
 * Code units are gathered into an array and made a string in one call. TextDecoder was
 * measured too (Node 20): its cost per call pays off only on long strings, and it always makes
 * two-byte strings, which halved the speed of JSON output of the records; code units below
 * 256 give V8 one-byte strings.
 */
export function decodeUtf16(
  bytes: Uint8Array,
  offset: number,
  count: number,
  sink?: IssueSink,
): string {
  let end = count;
  while (end > 0 && bytes[offset + 2 * end - 2] === 0 && bytes[offset + 2 * end - 1] === 0) end--;

  const codes: number[] = new Array<number>(end);
  for (let i = 0; i < end; i++) {
    const code = bytes[offset + 2 * i]! | (bytes[offset + 2 * i + 1]! << 8);
    // Surrogates are rare: the first one sends the string down the checking path.
    if ((code & 0xf800) === 0xd800) return decodeWithSurrogates(bytes, offset, end, sink);
    codes[i] = code;
  }
  return fromCodes(codes);
}

/** The slow path: every surrogate is checked and an unpaired one is replaced and counted. */
function decodeWithSurrogates(
  bytes: Uint8Array,
  offset: number,
  end: number,
  sink: IssueSink | undefined,
): string {
  const codes: number[] = new Array<number>(end);
  let unpaired = 0;
  for (let i = 0; i < end; i++) {
    const code = bytes[offset + 2 * i]! | (bytes[offset + 2 * i + 1]! << 8);
    codes[i] = code;
    if (code >= 0xd800 && code <= 0xdfff) unpaired += checkSurrogate(bytes, offset, i, end, codes);
  }

  if (unpaired > 0) sink?.issue(`unpaired UTF-16 surrogate replaced by U+FFFD (${unpaired}x)`);
  return fromCodes(codes);
}

/** Returns 1 and replaces the unit when the surrogate at `i` has no partner. */
function checkSurrogate(
  bytes: Uint8Array,
  offset: number,
  i: number,
  end: number,
  codes: number[],
): number {
  const code = codes[i]!;
  const at = (k: number) => bytes[offset + 2 * k]! | (bytes[offset + 2 * k + 1]! << 8);
  const isHigh = code <= 0xdbff;
  const paired = isHigh
    ? i + 1 < end && at(i + 1) >= 0xdc00 && at(i + 1) <= 0xdfff
    : i > 0 && at(i - 1) >= 0xd800 && at(i - 1) <= 0xdbff;
  if (paired) return 0;
  codes[i] = 0xfffd;
  return 1;
}

/** Decodes `length` bytes of Windows-1252 text; trailing NULs are dropped. */
export function decodeAnsi(bytes: Uint8Array, offset: number, length: number): string {
  let end = length;
  while (end > 0 && bytes[offset + end - 1] === 0) end--;

  const codes: number[] = new Array<number>(end);
  for (let i = 0; i < end; i++) {
    const byte = bytes[offset + i]!;
    codes[i] = byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80]! : byte;
  }
  return fromCodes(codes);
}

function fromCodes(codes: number[]): string {
  if (codes.length <= BATCH) return String.fromCharCode(...codes);
  let text = '';
  for (let i = 0; i < codes.length; i += BATCH) {
    text += String.fromCharCode(...codes.slice(i, i + BATCH));
  }
  return text;
}

/** Strings up to this many code units are kept; longer ones (command lines) rarely repeat. */
export const MAX_CACHED_UNITS = 64;
/** Slots in a file's cache: a power of two, so a hash picks one with a mask. */
const CACHE_SLOTS = 2048;
/**
 * Strings up to this many units are made in an array kept for their length: at most 257 KB of
 * arrays, where longer strings each allocate their own.
 */
const MAX_REUSED_UNITS = 256;
/** Bytes of a slot's key: the longest string kept. */
const KEY_BYTES = 2 * MAX_CACHED_UNITS;

/**
 * UTF-16 strings decoded before, found again by their bytes. A Sysmon log repeats most of its
 * strings (provider, channel, image paths, user and host names), and comparing the bytes with
 * the bytes of a string already made costs less than making it again and collecting it later.
 * Each slot keeps the string's bytes, compared four at a time (comparing the string's units
 * with the bytes measured twice the time). One slot per hash: a string that collides replaces
 * the one before. Strings with surrogates are never kept, so every unpaired one is still
 * reported where it is met.
 */
export class Utf16Cache implements IssueSink {
  private readonly texts: Array<string | undefined>;
  /** Per slot: the kept string's bytes, KEY_BYTES apart. */
  private readonly keys: Uint8Array;
  private readonly keyView: DataView;
  /** Per slot: the kept string's length in units, 0 when the slot is empty. */
  private readonly lengths: Uint8Array;
  /** A view of the bytes last decoded from (most calls come from one chunk after another). */
  private bytes: Uint8Array | undefined;
  private view: DataView | undefined;
  /** The caller's sink while a missed string is decoded, and whether it was told anything. */
  private outer: IssueSink | undefined;
  private reported = false;
  /** Code units of a missed string, one array per length, reused (an array a miss was garbage). */
  private readonly units: number[][] = [];

  /** `slots`: a power of two; a cache for a single record needs only a few. */
  constructor(private readonly slots = CACHE_SLOTS) {
    this.texts = new Array<string | undefined>(slots);
    this.keys = new Uint8Array(slots * KEY_BYTES);
    this.keyView = new DataView(this.keys.buffer);
    this.lengths = new Uint8Array(slots);
  }

  /** `decodeUtf16(bytes, offset, count, sink)`, from the cache when the same bytes were seen. */
  decode(bytes: Uint8Array, offset: number, count: number, sink?: IssueSink): string {
    let end = count;
    while (end > 0 && bytes[offset + 2 * end - 2] === 0 && bytes[offset + 2 * end - 1] === 0) {
      end--;
    }
    if (end === 0) return '';
    if (end > MAX_CACHED_UNITS) return this.uncached(bytes, offset, end, sink);

    // The length and a few units pick the slot; the whole string is compared when one is there.
    let hash = Math.imul(end ^ unitAt(bytes, offset, 0), 0x01000193);
    hash = Math.imul(hash ^ unitAt(bytes, offset, end - 1), 0x01000193);
    hash = Math.imul(hash ^ unitAt(bytes, offset, end >>> 1), 0x01000193);
    hash = Math.imul(hash ^ unitAt(bytes, offset, end >>> 2), 0x01000193);
    const slot = (hash ^ (hash >>> 15)) & (this.slots - 1);
    if (this.lengths[slot] === end && this.sameBytes(slot, bytes, offset, 2 * end)) {
      return this.texts[slot]!;
    }
    return this.decodeMissed(slot, bytes, offset, end, sink);
  }

  /** Passes on a problem met decoding a string the cache did not have. */
  issue(message: string): void {
    this.reported = true;
    this.outer?.issue(message);
  }

  private decodeMissed(
    slot: number,
    bytes: Uint8Array,
    offset: number,
    end: number,
    sink: IssueSink | undefined,
  ): string {
    const text = this.unitsText(bytes, offset, end) ?? this.checkedText(bytes, offset, end, sink);
    // A string with a problem is not kept, so each record that holds it reports it.
    if (this.reported) return text;

    this.texts[slot] = text;
    this.lengths[slot] = end;
    // Copied byte by byte: a subarray to copy from was an object per string missed.
    const key = slot * KEY_BYTES;
    for (let i = 0; i < 2 * end; i++) this.keys[key + i] = bytes[offset + i]!;
    return text;
  }

  /** A string too long to keep (a command line, hashes), made in a reused array when short. */
  private uncached(bytes: Uint8Array, offset: number, end: number, sink?: IssueSink): string {
    if (end > MAX_REUSED_UNITS) return decodeUtf16(bytes, offset, end, sink);
    return this.unitsText(bytes, offset, end) ?? decodeUtf16(bytes, offset, end, sink);
  }

  /** The string of `end` units at `offset`; undefined when one is a surrogate. */
  private unitsText(bytes: Uint8Array, offset: number, end: number): string | undefined {
    this.reported = false;
    let units = this.units[end];
    if (units === undefined) {
      units = new Array<number>(end).fill(0);
      this.units[end] = units;
    }
    for (let i = 0; i < end; i++) {
      const unit = unitAt(bytes, offset, i);
      if ((unit & 0xf800) === 0xd800) return undefined;
      units[i] = unit;
    }
    return String.fromCharCode(...units);
  }

  /** `decodeUtf16`, noting in `reported` whether it met a problem. */
  private checkedText(bytes: Uint8Array, offset: number, end: number, sink?: IssueSink): string {
    this.outer = sink;
    const text = decodeUtf16(bytes, offset, end, this);
    this.outer = undefined;
    return text;
  }

  /** True when the slot's key is the `size` bytes at `offset`. */
  private sameBytes(slot: number, bytes: Uint8Array, offset: number, size: number): boolean {
    const view = this.viewOf(bytes);
    const keys = this.keyView;
    const key = slot * KEY_BYTES;
    let i = 0;
    for (; i + 4 <= size; i += 4) {
      if (view.getUint32(offset + i, true) !== keys.getUint32(key + i, true)) return false;
    }
    // A string of an odd number of units ends with one unit.
    return i === size || view.getUint16(offset + i, true) === keys.getUint16(key + i, true);
  }

  private viewOf(bytes: Uint8Array): DataView {
    if (bytes !== this.bytes || this.view === undefined) {
      this.bytes = bytes;
      this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
    }
    return this.view;
  }
}

/** The `i`th little-endian code unit from `offset`. */
function unitAt(bytes: Uint8Array, offset: number, i: number): number {
  return bytes[offset + 2 * i]! | (bytes[offset + 2 * i + 1]! << 8);
}
