/**
 * Terminal safety. Every event field is attacker-controlled text; printed raw, an escape
 * sequence could rewrite the screen, retitle the window or hide lines. Text output shows such
 * characters as escapes (`\x1b`, `\u202e`) instead of emitting them.
 */
import { TERMINAL_UNSAFE } from '@evtxhunt/hunt';

/**
 * What a terminal may act on besides C0 controls, as the inside of a regular-expression
 * character class: DEL and C1 controls, bidirectional marks, overrides and isolates, line and
 * paragraph separators, the byte-order mark, the interlinear annotation controls and the
 * noncharacters U+FFFE and U+FFFF. One set for every output that reaches a terminal, the
 * exports' JSON included (it lives beside them in @evtxhunt/hunt).
 */
export { TERMINAL_UNSAFE };

const HIGH_ALONE = '[\\ud800-\\udbff](?![\\udc00-\\udfff])';
const LOW_ALONE = '(?<![\\ud800-\\udbff])[\\udc00-\\udfff]';

/** C0 controls, everything in TERMINAL_UNSAFE, and unpaired surrogates. */
const UNSAFE = new RegExp(`[\\u0000-\\u001f${TERMINAL_UNSAFE}]|${HIGH_ALONE}|${LOW_ALONE}`, 'g');

const NAMED: Readonly<Record<string, string>> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/**
 * The text with every unsafe character shown as an escape. Backslashes are left alone: Windows
 * paths are full of them, and doubling each would make every path hard to read.
 */
export function escapeText(text: string): string {
  return text.replace(UNSAFE, escapeChar);
}

function escapeChar(char: string): string {
  const named = NAMED[char];
  if (named !== undefined) return named;

  const code = char.charCodeAt(0);
  const hex = code.toString(16).padStart(code <= 0xff ? 2 : 4, '0');
  return code <= 0xff ? `\\x${hex}` : `\\u${hex}`;
}
