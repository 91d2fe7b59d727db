/**
 * Layout for the text report: labelled facts whose values wrap under themselves, at spaces only.
 * Input is text already escaped for a terminal, so it holds no line breaks or controls of its own.
 *
 * TODO: widths count code points, so a line holding wide (CJK, emoji) or combining characters
 * takes more or fewer terminal columns than counted and may overrun the width a little.
 */

/** Columns before a fact's value: two spaces and the label padded to this width. */
const LABEL_WIDTH = 13;
const VALUE_INDENT = 2 + LABEL_WIDTH;

/** Narrowest value column wrapping will use, however narrow the terminal says it is. */
const MIN_VALUE_WIDTH = 24;

/**
 * A fact as lines: `  label        value`, the value wrapped to `width` columns in all and its
 * later lines indented `hang` more. An empty label continues the fact above.
 */
export function factLines(label: string, value: string, width: number, hang = 0): string[] {
  const first = Math.max(MIN_VALUE_WIDTH, width - VALUE_INDENT);
  const [head = '', ...rest] = wrap(value, first, Math.max(MIN_VALUE_WIDTH, first - hang));
  const pad = ' '.repeat(VALUE_INDENT + hang);

  return [`  ${label.padEnd(LABEL_WIDTH)}${head}`, ...rest.map((line) => pad + line)];
}

/**
 * Text broken at spaces into lines of at most `width` code points, `restWidth` after the first.
 * Words are never cut: a word longer than a line (a long path, a command line without blanks)
 * gets a line of its own and runs past the width, so it can still be copied and searched whole.
 */
export function wrap(text: string, width: number, restWidth = width): string[] {
  const lines: string[] = [];
  const limit = (): number => (lines.length === 0 ? width : restWidth);
  let line = '';

  for (const word of text.split(' ')) {
    const joined = line === '' ? word : `${line} ${word}`;
    if (line === '' || length(joined) <= limit()) {
      line = joined;
      continue;
    }

    lines.push(line.trimEnd());
    line = word;
  }

  lines.push(line.trimEnd());
  return lines;
}

function length(text: string): number {
  return [...text].length;
}
