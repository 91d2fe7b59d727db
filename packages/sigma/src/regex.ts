/**
 * The `re` modifier's expressions. Rules write PCRE; JavaScript reads the subset the
 * specification allows the same way. A leading inline flag group (`(?i)`, `(?is)`), which
 * JavaScript before Node 23 refuses, becomes the expression's flags.
 */
import { riskyShape } from '@evtxhunt/hunt';

import { fail, quoted } from './errors.js';

const LEADING_FLAGS = /^\(\?([ims]+)\)/;

/**
 * A pattern the linear-time engine cannot run: a backreference, or a lookahead or lookbehind.
 * V8 falls back to that engine only for patterns without them.
 */
const NOT_LINEAR = /\\[1-9]|\\k<|\(\?<?[=!]/;

/**
 * The expression with its flags (`i`, `m`, `s`), or a SigmaRuleError saying why not.
 * JavaScript's engine backtracks, so a shape such as `(a+)+$` can take exponential time on an
 * attacker's value. With `linearFallback` (the CLI has V8 move such a match to its linear-time
 * engine once it backtracks too long: packages/cli/src/regex-settings.ts) only a risky shape that
 * engine cannot run is refused; without it (a browser, which cannot be given that V8 flag) every
 * risky shape is, as the query language refuses them.
 * TODO: the shape check is strict: a counted repeat such as `(?:a|b){4}` is refused without the
 * fallback although its cost is bounded (4 public SigmaHQ rules are refused in the browser).
 */
export function compileRegex(source: string, flags: string, linearFallback: boolean): RegExp {
  const leading = LEADING_FLAGS.exec(source);
  const body = leading === null ? source : source.slice(leading[0].length);
  const checked = !linearFallback || NOT_LINEAR.test(body);
  const risk = checked ? riskyShape(body) : undefined;
  if (risk !== undefined) {
    return fail(`${quoted(source)}, character ${risk.at}: ${risk.message}`);
  }
  const all = new Set([...flags, ...(leading?.[1] ?? '')]);
  try {
    return new RegExp(body, [...all].join(''));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail(`regular expression ${quoted(source)} does not compile: ${reason}`);
  }
}
