/** Exit statuses and the one error type that means "the command line was wrong". */

/** 0: everything was read. */
export const EXIT_OK = 0;
/** 1: something was lost: records that failed to parse, damaged chunks, a missing header. */
export const EXIT_LOST = 1;
/** 2: the command line was wrong, or a file could not be opened or read at all. */
export const EXIT_FAILED = 2;

/** A mistake on the command line; the message says what, and usage follows it on stderr. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The worse of two exit statuses. */
export function worstStatus(a: number, b: number): number {
  return Math.max(a, b);
}
