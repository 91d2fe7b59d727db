/**
 * Budgets of the query language. Queries come from URLs anyone can send, so every one of these
 * is checked before the work it bounds, and going over one is a parse error, never a hang.
 */

/** Longest query accepted, in UTF-16 code units. */
export const QUERY_MAX_CHARS = 65_536;

/** Deepest nesting of parentheses and negations. */
export const QUERY_MAX_DEPTH = 64;

/** Most terms in one query; each costs work on every row. */
export const QUERY_MAX_TERMS = 1024;

/** Longest regular expression accepted, between its slashes. */
export const REGEX_MAX_CHARS = 512;
