/**
 * Attacker-controlled text made safe to put in Markdown (CommonMark with GitHub's extensions):
 * values become code spans, whose content is never read as markup, HTML or a link; prose (notes,
 * field names from the file, a finding's explanation) has backslash escapes only where Markdown
 * would read a mark: emphasis, code, links, HTML, entities, tables, strike-through, the marks
 * that start a block at the start of a line, and autolinks (`www\.`, `http\://`, `a\@b.c`), so a
 * Windows path stays readable (`C:\Windows\cmd.exe`). In both, line breaks, control characters and
 * bidirectional overrides are shown as visible escapes, so no value can end a block, start a
 * new one, or make the text read other than it is stored.
 */

/** Line breaks, C0 and C1 controls, and the bidi marks, embeddings, overrides and isolates. */
const UNSEEN =
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Marks that mean something wherever they stand; escaped everywhere. */
const ALWAYS = /[`*_[\]<>!&|~@]/g;

/** A backslash before ASCII punctuation or at the end would escape it or break the line. */
const BACKSLASH = /\\(?=[!-/:-@[-`{-~]|$)/g;

/** The colon of a scheme (`http:`, `javascript:`), not of a drive (`C:\`) or a label (`a: b`). */
const SCHEME_COLON = /(?<=[a-z]):(?![\\\s]|$)/gi;

/** The dot of a `www.` autolink. */
const WWW_DOT = /(?<=\bwww)\./gi;

/** What starts a heading, quote, list, rule or setext underline at the start of a line. */
const LINE_START = /^(\s*)([#>+=-]|\d{1,9}(?=[.)]))/;

/** `\u{1b}` for an unseen character: plain text in a code span and in escaped prose alike. */
function visible(text: string): string {
  return text.replace(UNSEEN, (char) => `\\u{${char.codePointAt(0)?.toString(16) ?? ''}}`);
}

/**
 * `value` as a code span. The fence is one backtick longer than the longest run inside, and a
 * space pads a value that starts or ends with a backtick (CommonMark strips one such space).
 */
export function codeSpan(value: string): string {
  const text = visible(value);
  if (text === '') return '(empty)';
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const padded = /^`|`$|^ .* $/.test(text) ? ` ${text} ` : text;
  return `${fence}${padded}${fence}`;
}

/** One line of prose, escaped where Markdown would read a mark, unseen characters shown. */
export function proseLine(text: string): string {
  const escaped = text
    .replace(BACKSLASH, '\\\\')
    .replace(ALWAYS, (mark) => `\\${mark}`)
    .replace(SCHEME_COLON, '\\:')
    .replace(WWW_DOT, '\\.')
    .replace(LINE_START, (_, space: string, mark: string) => escapedStart(space, mark));
  return visible(escaped);
}

/** A line's first mark escaped: `\#`, `\-`; for a list number, the `.` or `)` after it. */
function escapedStart(space: string, mark: string): string {
  return /\d/.test(mark) ? `${space}${mark}\\` : `${space}\\${mark}`;
}

/**
 * A note as a block quote: each line escaped as prose, so a line of the note can start no
 * heading, list, fence or HTML block. Lines are split on CR LF, LF and CR.
 */
export function quotedNote(note: string): string {
  return note
    .split(/\r\n|\n|\r/)
    .map((line) => (line.trim() === '' ? '>' : `> ${proseLine(line.trimStart())}`))
    .join('\n');
}
