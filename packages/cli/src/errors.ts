/**
 * Exit statuses and the two error types a command throws to stop with status 2: UsageError when
 * the command line was wrong, InputError when something it names cannot be used.
 */

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

/**
 * A file the command was given that cannot be used: an unreadable or malformed configuration or
 * allowlist, a report that cannot be written, an output that would overwrite an input. The
 * message says what and where; no usage hint follows it, since the command line was right.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/** The worse of two exit statuses. */
export function worstStatus(a: number, b: number): number {
  return Math.max(a, b);
}
