/**
 * Globs for allowlists: `*` stands for any run of characters, `?` for exactly one, everything
 * else for itself, ignoring case, and the glob must cover the whole text. Matching walks the
 * text once with two pointers and, on a mismatch, goes back only to the last `*` seen, so it
 * takes at most (glob length x text length) steps, needs no recursion and builds no RegExp:
 * no glob can make it backtrack without end.
 */

/** Longest glob accepted, in characters; the allowlist refuses longer ones by line. */
export const GLOB_LENGTH_LIMIT = 1024;

/** A glob made ready for matching. */
export interface Glob {
  /** The glob as written. */
  readonly source: string;
  /** Whether the whole of `text` matches, ignoring case. */
  test(text: string): boolean;
}

/** Thrown for a glob over GLOB_LENGTH_LIMIT characters. */
export class GlobTooLongError extends RangeError {
  constructor(length: number) {
    super(`glob of ${length} characters is over the limit of ${GLOB_LENGTH_LIMIT}`);
    this.name = 'GlobTooLongError';
  }
}

/** Prepares `glob` for matching; throws GlobTooLongError past GLOB_LENGTH_LIMIT characters. */
export function compileGlob(glob: string): Glob {
  if (glob.length > GLOB_LENGTH_LIMIT) throw new GlobTooLongError(glob.length);

  // Runs of `*` match what one `*` matches; one keeps the backtracking short.
  const pattern = foldedPoints(glob).filter((char, i, all) => char !== '*' || all[i - 1] !== '*');
  return { source: glob, test: (text) => matchPoints(pattern, foldedPoints(text)) };
}

/**
 * The classic wildcard walk. `star` is the pattern index of the last `*` met and `resume` the
 * text index that `*` has swallowed up to; on a mismatch the `*` swallows one more character
 * and matching restarts just after it. Earlier stars never need revisiting: whatever an
 * earlier `*` could absorb, the later one can absorb as well.
 */
function matchPoints(pattern: readonly string[], text: readonly string[]): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let resume = 0;

  while (t < text.length) {
    const want = pattern[p];
    if (want !== undefined && want !== '*' && (want === '?' || want === text[t])) {
      p++;
      t++;
    } else if (want === '*') {
      star = p++;
      resume = t;
    } else if (star >= 0) {
      p = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }

  while (pattern[p] === '*') p++;
  return p === pattern.length;
}

/**
 * The code points of `text`, each in lower case. A character whose lower case is longer than
 * itself (`İ` becomes `i` and a combining dot) is kept as written, so one `?` still matches it.
 */
function foldedPoints(text: string): string[] {
  return Array.from(text, (char) => {
    const lower = char.toLowerCase();
    return lower.length === char.length ? lower : char;
  });
}
