/** The column names of a CSV text's first line, read without the row reader. */

/** The names in the first line of `text`; undefined when the line is not complete in it. */
export function csvHeaderNames(text: string): string[] | undefined {
  const end = text.search(/\r?\n/);
  if (end < 0) return undefined;
  return text
    .slice(0, end)
    .split(',')
    .map((name) => name.trim().replace(/^"(.*)"$/, '$1'));
}
