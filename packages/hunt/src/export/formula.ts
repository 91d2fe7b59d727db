/**
 * Formula neutralisation for CSV cells ("CSV injection", CWE-1236). Every event field is
 * attacker-controlled text, and a spreadsheet that opens a CSV runs any cell that looks like a
 * formula (`=HYPERLINK(...)`, `=cmd|'/c calc'!A0`). A cell is made inert by putting an
 * apostrophe (') in front of it, which spreadsheets read as "this cell is text".
 *
 * Which cells: those whose first character, or first character after leading spaces, is one
 * of the OWASP list (= + - @, tab, carriage return, line feed) or a full-width look-alike
 * (＝ ＋ － ＠, and the Japanese long-vowel mark ー), which Excel also starts a formula with
 * when it runs in Japanese (OWASP www-community issue 1088). Leading spaces count because
 * spreadsheets may skip them before reading a formula. A plain signed number (`-5`, `+1.5`)
 * and a lone "-" (Windows' placeholder for "no value", in most Security events) are left alone:
 * neither is a formula, and neither can call anything.
 */

/** Characters that make a spreadsheet read a cell as a formula when they start it. */
export const FORMULA_TRIGGERS: readonly string[] = [
  '=',
  '+',
  '-',
  '@',
  '\t',
  '\r',
  '\n',
  '\uFF1D', // ＝ full-width equals sign
  '\uFF0B', // ＋ full-width plus sign
  '\uFF0D', // － full-width hyphen-minus
  '\uFF20', // ＠ full-width commercial at
  '\u30FC', // ー katakana long-vowel mark, reported as a minus look-alike
];

/** What is put in front of a neutralised cell. */
export const FORMULA_GUARD = "'";

const TRIGGER_SET = new Set(FORMULA_TRIGGERS);
const SPACE_SEPARATOR = /\p{Zs}/u;
/** Texts that start with a trigger yet are no formula: a signed number, or a lone "-". */
const HARMLESS = /^(?:[+-]\d+(?:\.\d+)?|-)$/;

/** True when a spreadsheet could read this cell text as a formula. */
export function looksLikeFormula(text: string): boolean {
  const first = firstNonSpace(text);
  if (first === undefined || !TRIGGER_SET.has(first)) return false;
  return !HARMLESS.test(text);
}

/**
 * The cell text made inert. Exactly: when the first character, after any leading spaces, is
 * one of FORMULA_TRIGGERS (= + - @, tab, CR, LF, ＝ ＋ － ＠ ー) and the text is not a plain
 * signed number or a lone "-", an apostrophe (') is put in front of the whole text; otherwise
 * it is unchanged.
 */
export function neutraliseFormula(text: string): string {
  return looksLikeFormula(text) ? `${FORMULA_GUARD}${text}` : text;
}

/**
 * One or two sentences saying exactly how cells were neutralised, for the note of an export
 * (its first line, or the text beside the download). With a count, says how many cells.
 */
export function describeFormulaNeutralisation(changedCells?: number): string {
  const how =
    'Formula neutralisation: any cell whose first character (after leading spaces) is = + - @, ' +
    'a tab, a carriage return, a line feed, or the full-width ＝ ＋ － ＠ or ー was prefixed ' +
    "with an apostrophe (') so spreadsheets show it as text; plain signed numbers and a lone - were left as they are.";
  if (changedCells === undefined) return how;

  const cells = changedCells === 1 ? '1 cell was' : `${changedCells} cells were`;
  return `${how} ${cells} changed this way.`;
}

function firstNonSpace(text: string): string | undefined {
  for (const char of text) {
    if (!SPACE_SEPARATOR.test(char)) return char;
  }
  return undefined;
}
