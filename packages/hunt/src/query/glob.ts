/**
 * Wildcard patterns without regular expressions: `*` matches any run of characters, `?` exactly
 * one UTF-16 code unit. The pattern is cut at its stars; the first piece must start the value,
 * the last must end it, and each piece between is taken at its leftmost place after the one
 * before. Taking the leftmost place is never wrong, so nothing is retried: the searches move
 * forward through the value, each character costing one step per 32 characters of the piece.
 *
 * TODO: `?` matches one UTF-16 code unit, so a character outside the Basic Multilingual Plane
 * (most emoji) needs `??`; matching by code point would need the value walked by code point.
 */

const QUESTION_MARK = 0x3f;

/** A compiled pattern: true when the whole of `value` matches. */
export type GlobMatcher = (value: string) => boolean;

/** Compiles a pattern, as written (callers fold case on both sides when they want to). */
export function compileGlob(pattern: string): GlobMatcher {
  const pieces = pattern.split('*');
  const first = pieces[0] ?? '';
  if (pieces.length === 1) {
    return (value) => value.length === first.length && pieceAt(value, 0, first);
  }

  const last = pieces[pieces.length - 1] ?? '';
  const middle = pieces
    .slice(1, -1)
    .filter((text) => text !== '')
    .map(piece);
  const least = pieces.reduce((sum, piece) => sum + piece.length, 0);
  return (value) =>
    value.length >= least &&
    pieceAt(value, 0, first) &&
    pieceAt(value, value.length - last.length, last) &&
    middleInOrder(value, middle, first.length, value.length - last.length);
}

/** True when `pattern` has a wildcard. */
export function hasWildcard(pattern: string): boolean {
  return pattern.includes('*') || pattern.includes('?');
}

/** Each piece at its leftmost place at or after `from`, all ending by `limit`. */
function middleInOrder(value: string, pieces: readonly Piece[], from: number, limit: number) {
  let at = from;
  for (const piece of pieces) {
    const found = piece.find(value, at, limit);
    if (found < 0) return false;
    at = found + piece.length;
  }
  return true;
}

/** A piece between stars, and how to find its first place in a value. */
interface Piece {
  readonly length: number;
  /** The first place at or after `from` where the piece matches and ends by `limit`, or -1. */
  find(value: string, from: number, limit: number): number;
}

function piece(text: string): Piece {
  if (text.includes('?')) return new WildPiece(text);
  return {
    length: text.length,
    find(value, from, limit) {
      const found = value.indexOf(text, from);
      return found >= 0 && found + text.length <= limit ? found : -1;
    },
  };
}

/**
 * A piece holding `?`, found with the shift-and method: one bit per pattern position, set while
 * the pattern's start up to that position matches the text just read. Each character of the
 * value costs one pass over the piece's 32-bit words, so a search is linear in the value.
 */
class WildPiece implements Piece {
  readonly length: number;
  private readonly masks = new Map<number, Uint32Array>();
  private readonly anyMask: Uint32Array;
  private readonly state: Uint32Array;

  constructor(text: string) {
    this.length = text.length;
    const words = Math.ceil(text.length / 32);
    this.anyMask = new Uint32Array(words);
    this.state = new Uint32Array(words);
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === QUESTION_MARK) setBit(this.anyMask, i);
    }
    for (let i = 0; i < text.length; i++) setBit(this.maskFor(text.charCodeAt(i)), i);
  }

  find(value: string, from: number, limit: number): number {
    const state = this.state;
    const last = this.length - 1;
    state.fill(0);
    for (let at = from; at < limit; at++) {
      const mask = this.masks.get(value.charCodeAt(at)) ?? this.anyMask;
      let carry = 1;
      for (let word = 0; word < state.length; word++) {
        const before = state[word] ?? 0;
        state[word] = ((before << 1) | carry) & (mask[word] ?? 0);
        carry = before >>> 31;
      }
      if (((state[last >>> 5] ?? 0) >>> (last & 31)) & 1) return at - last;
    }
    return -1;
  }

  /** The positions a character matches: its own and every `?`. */
  private maskFor(code: number): Uint32Array {
    let mask = this.masks.get(code);
    if (mask === undefined) {
      mask = this.anyMask.slice();
      this.masks.set(code, mask);
    }
    return mask;
  }
}

function setBit(words: Uint32Array, bit: number): void {
  words[bit >>> 5] = (words[bit >>> 5] ?? 0) | (1 << (bit & 31));
}

/** True when `piece` (with `?` for any one unit) matches `value` at `at`. */
function pieceAt(value: string, at: number, piece: string): boolean {
  if (at < 0 || at + piece.length > value.length) return false;

  for (let i = 0; i < piece.length; i++) {
    const want = piece.charCodeAt(i);
    if (want !== QUESTION_MARK && want !== value.charCodeAt(at + i)) return false;
  }
  return true;
}
