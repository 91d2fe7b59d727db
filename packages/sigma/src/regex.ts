/**
 * The `re` modifier's expressions. Rules write PCRE; JavaScript reads the subset the
 * specification allows the same way. A leading inline flag group (`(?i)`, `(?is)`), which
 * JavaScript before Node 23 refuses, becomes the expression's flags.
 */
import { compileSafeRegex, LinearRegexError, type RegexTest } from '@evtxhunt/hunt';

import { fail, quoted } from './errors.js';

const LEADING_FLAGS = /^\(\?([ims]+)\)/;

/**
 * The expression with its flags (`i`, `m`, `s`), or a SigmaRuleError saying why not. Values are
 * attacker-controlled, so a pattern that V8's backtracking engine could take long on (`(a+)+$`,
 * `.*.*=$`) runs on the linear-time matcher of @evtxhunt/hunt, in the CLI and the browser alike;
 * one that matcher cannot run (a backreference, a lookahead or lookbehind) does not load.
 */
export function compileRegex(source: string, flags: string): RegexTest {
  const leading = LEADING_FLAGS.exec(source);
  const body = leading === null ? source : source.slice(leading[0].length);
  const all = [...new Set([...flags, ...(leading?.[1] ?? '')])].join('');
  try {
    return compileSafeRegex(body, all);
  } catch (error) {
    if (error instanceof LinearRegexError) {
      const at = error.at + (leading?.[0].length ?? 0);
      return fail(`${quoted(source)}, character ${at}: ${error.message}`);
    }
    const reason = error instanceof Error ? error.message : String(error);
    return fail(`regular expression ${quoted(source)} does not compile: ${reason}`);
  }
}
