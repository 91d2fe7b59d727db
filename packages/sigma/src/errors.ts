/**
 * Why a rule could not load. Each message names what was wrong (an unknown modifier, a bad
 * condition and its column, an unknown log source); the rule set adds the file.
 */

/** A rule that cannot be compiled; `message` says what, the loader adds which file. */
export class SigmaRuleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SigmaRuleError';
  }
}

/** Throws a SigmaRuleError: for use in expressions. */
export function fail(message: string): never {
  throw new SigmaRuleError(message);
}

/** Rule text quoted in a message, cut short: every value comes from an untrusted file. */
export function quoted(text: string, limit = 60): string {
  const cut = text.length > limit ? `${text.slice(0, limit)}...` : text;
  return `'${cut}'`;
}
