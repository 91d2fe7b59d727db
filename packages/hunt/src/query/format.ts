/**
 * formatQuery: a tree back to canonical text. Parsing the text again (with the same regex mode)
 * gives the same tree, less the text ranges: keywords in upper case, one space between terms,
 * parentheses only where OR sits inside AND or NOT, quotes only where a word would read
 * differently, ranges as `[a TO b]`.
 */
import type { QueryNode, RangeMatch, TermNode, ValueMatch } from './ast.js';
import { hasWildcard } from './glob.js';
import { dottedRange } from './values.js';
import { parseTimeSpan } from './time.js';

const NOT_IN_WORD = /[\s()]/;
const FIELD_START = /^[\p{L}_][\p{L}\p{N}_.-]*:/u;
const KEYWORDS: readonly string[] = ['AND', 'OR', 'NOT'];

/**
 * Canonical text of a tree. An `all` node stands for the empty query and formats as nothing,
 * so it belongs only at the root (the builders drop it elsewhere).
 */
export function formatQuery(ast: QueryNode): string {
  switch (ast.kind) {
    case 'all':
      return '';
    case 'and':
      return ast.children.map((child) => grouped(child, child.kind === 'or')).join(' ');
    case 'or':
      return ast.children.map((child) => grouped(child, child.kind === 'or')).join(' OR ');
    case 'not':
      return '-' + grouped(ast.child, ast.child.kind === 'and' || ast.child.kind === 'or');
    case 'term':
      return formatTerm(ast);
  }
}

/** `"..."` with `\"` for a quote and `\\` for a backslash where one would be misread. */
export function quoteText(value: string): string {
  let text = '"';
  for (let at = 0; at < value.length; at++) {
    const char = value[at];
    const next = value[at + 1];
    if (char === '"') text += '\\"';
    else if (char === '\\' && (next === undefined || next === '"' || next === '\\')) text += '\\\\';
    else text += char;
  }
  return text + '"';
}

function grouped(node: QueryNode, parenthesised: boolean): string {
  return parenthesised ? `(${formatQuery(node)})` : formatQuery(node);
}

function formatTerm(term: TermNode): string {
  if (term.field === undefined) return bareText(term.match);
  return `${term.field}:${fieldText(term.match)}`;
}

function bareText(match: ValueMatch): string {
  if (match.kind === 'glob') return match.pattern;
  if (match.kind === 'text')
    return isBareWord(match.value) && !hasWildcard(match.value)
      ? match.value
      : quoteText(match.value);
  if (match.kind === 'regex')
    return isBareWord(match.source) ? match.source : quoteText(match.source);
  return fieldText(match);
}

function fieldText(match: ValueMatch): string {
  switch (match.kind) {
    case 'text':
      return isPlainFieldValue(match.value) ? match.value : quoteText(match.value);
    case 'glob':
      return match.pattern;
    case 'exists':
      return '*';
    case 'compare':
      return match.operator + match.bound.text;
    case 'range':
      return rangeText(match);
    case 'time':
      return match.bound.text;
    case 'regex':
      return `/${regexBody(match.source)}/${match.flags}`;
  }
}

function rangeText(range: RangeMatch): string {
  const open = range.lowInclusive ? '[' : '{';
  const close = range.highInclusive ? ']' : '}';
  return `${open}${range.low?.text ?? '*'} TO ${range.high?.text ?? '*'}${close}`;
}

/** True when the word, unquoted after `field:`, reads back as this plain text. */
function isPlainFieldValue(value: string): boolean {
  if (value === '' || NOT_IN_WORD.test(value) || hasWildcard(value)) return false;
  if ('"/[{<>'.includes(value[0] ?? '')) return false;
  return parseTimeSpan(value) === undefined && dottedRange(value) === undefined;
}

/** True when the word, unquoted and alone, reads back as a bare word. */
function isBareWord(value: string): boolean {
  if (value === '' || NOT_IN_WORD.test(value) || KEYWORDS.includes(value)) return false;
  return value[0] !== '"' && value[0] !== '-' && !FIELD_START.test(value);
}

/** A regular expression's source with every `/` outside a character class escaped. */
function regexBody(source: string): string {
  let body = '';
  let inClass = false;
  for (let at = 0; at < source.length; at++) {
    const char = source[at] ?? '';
    if (char === '\\') {
      body += source.slice(at, at + 2);
      at++;
      continue;
    }

    if (char === '[') inClass = true;
    else if (char === ']') inClass = false;
    body += char === '/' && !inClass ? '\\/' : char;
  }
  return body;
}
