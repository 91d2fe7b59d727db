/**
 * Globs for allowlists: `*` stands for any run of characters, `?` for exactly one, everything
 * else for itself, ignoring case, and the glob must cover the whole text. Matching is the query
 * language's linear-time wildcard matcher (query/glob.ts) over lower-cased text; this adds the
 * length limit an allowlist line is held to.
 */
import { compileGlob } from '../query/glob.js';

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
export function compileAllowGlob(glob: string): Glob {
  if (glob.length > GLOB_LENGTH_LIMIT) throw new GlobTooLongError(glob.length);

  const matches = compileGlob(folded(glob));
  return { source: glob, test: (text) => matches(folded(text)) };
}

/**
 * `text` in lower case, character by character; a character whose lower case is longer than
 * itself (`İ` becomes `i` and a combining dot) is kept as written, so one `?` still matches it.
 */
function folded(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  return Array.from(text, (char) => {
    const one = char.toLowerCase();
    return one.length === char.length ? one : char;
  }).join('');
}
