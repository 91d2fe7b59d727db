/**
 * A plain text that every match of a `re` expression holds, so the expression runs only on
 * values that hold it (a plain `includes` is far cheaper than a search that backtracks): the
 * longest run of plain characters at the top level of the expression, none of them repeated or
 * optional. It is a guess that must never be wrong, so anything unusual gives none: an
 * alternation at the top level, a case-insensitive expression, an escape other than a quoted
 * syntax character or a one-letter class.
 * TODO: a case-insensitive expression or a top-level alternation gets no text (each branch's
 * text, lower-cased, would do), so such an expression runs on every value it is given.
 */

/** Characters an expression may quote with a backslash to mean themselves. */
const QUOTED = '^$\\.*+?()[]{}|/-';

/** Escapes of one letter that stand for a class or an assertion, never plain text. */
const LETTER_ESCAPES = 'dDwWsSbBnrtvf';

/** One piece of the expression: a plain character, or something else; where it ends. */
interface Atom {
  readonly char: string | undefined;
  readonly end: number;
}

/**
 * The text every match of `source` holds (`flags` as JavaScript writes them), or undefined
 * when none is known.
 */
export function requiredText(source: string, flags: string): string | undefined {
  if (!/^[ms]*$/.test(flags) || /^\(\?[a-z]*i/.test(source)) return undefined;

  let best = '';
  let run = '';
  for (let at = 0; at < source.length;) {
    const atom = atomAt(source, at);
    if (atom === undefined) return undefined;
    at = atom.end;
    const next = source[at];
    const quantified = next !== undefined && '*+?{'.includes(next);
    if (atom.char !== undefined && !quantified) {
      run += atom.char;
      continue;
    }
    if (run.length > best.length) best = run;
    run = '';
    if (quantified) {
      const end = quantifierEnd(source, at);
      if (end === undefined) return undefined;
      at = end;
    }
  }
  if (run.length > best.length) best = run;
  return best === '' ? undefined : best;
}

function atomAt(source: string, at: number): Atom | undefined {
  const char = source[at]!;
  if (char === '\\') {
    const next = source[at + 1];
    if (next !== undefined && QUOTED.includes(next)) return { char: next, end: at + 2 };
    if (next !== undefined && LETTER_ESCAPES.includes(next))
      return { char: undefined, end: at + 2 };
    return undefined;
  }
  if (char === '(') {
    const end = groupEnd(source, at);
    return end === undefined ? undefined : { char: undefined, end };
  }
  if (char === '[') {
    const end = classEnd(source, at);
    return end === undefined ? undefined : { char: undefined, end };
  }
  if (char === '.' || char === '^' || char === '$') return { char: undefined, end: at + 1 };
  if ('|)]{}*+?'.includes(char)) return undefined;
  return { char, end: at + 1 };
}

/** Past the `)` closing the group opened at `at`, skipping escapes and classes. */
function groupEnd(source: string, at: number): number | undefined {
  let depth = 0;
  for (let position = at; position < source.length; position++) {
    const char = source[position];
    if (char === '\\') position++;
    else if (char === '[') {
      const end = classEnd(source, position);
      if (end === undefined) return undefined;
      position = end - 1;
    } else if (char === '(') depth++;
    else if (char === ')' && --depth === 0) return position + 1;
  }
  return undefined;
}

/** Past the `]` closing the class opened at `at` (the first one not quoted). */
function classEnd(source: string, at: number): number | undefined {
  for (let position = at + 1; position < source.length; position++) {
    const char = source[position];
    if (char === '\\') position++;
    else if (char === ']') return position + 1;
  }
  return undefined;
}

/** Past the quantifier at `at` (`*`, `+`, `?`, `{n,m}`) and its lazy `?`. */
function quantifierEnd(source: string, at: number): number | undefined {
  let end = at + 1;
  if (source[at] === '{') {
    const close = source.indexOf('}', at);
    if (close === -1 || !/^\d+(,\d*)?$/.test(source.slice(at + 1, close))) return undefined;
    end = close + 1;
  }
  return source[end] === '?' ? end + 1 : end;
}
