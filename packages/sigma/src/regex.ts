/**
 * The `re` modifier's expressions. Rules write PCRE; JavaScript reads the subset the
 * specification allows the same way. A leading inline flag group (`(?i)`, `(?is)`), which
 * JavaScript before Node 23 refuses, becomes the expression's flags.
 */
import { fail, quoted } from './errors.js';

const LEADING_FLAGS = /^\(\?([ims]+)\)/;

/** The expression with its flags (`i`, `m`, `s`), or a SigmaRuleError saying why not. */
export function compileRegex(source: string, flags: string): RegExp {
  const leading = LEADING_FLAGS.exec(source);
  const body = leading === null ? source : source.slice(leading[0].length);
  const all = new Set([...flags, ...(leading?.[1] ?? '')]);
  try {
    return new RegExp(body, [...all].join(''));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail(`regular expression ${quoted(source)} does not compile: ${reason}`);
  }
}
