/** A strict reader for the corpus's tab-separated tables (header row, no quoting). */

/** One data row keyed by the header's column names. */
export type TsvRow = Readonly<Record<string, string>>;

/** Splits `text` into rows, checking every row has exactly the header's column count. */
export function parseTsv(text: string, name: string): TsvRow[] {
  const lines = text.split(/\r?\n/).filter((line) => line !== '');
  const header = lines[0]?.split('\t');
  if (header === undefined) throw new Error(`Cannot parse ${name}: no header row`);

  return lines.slice(1).map((line, index) => {
    const cells = line.split('\t');
    if (cells.length !== header.length) {
      const row = index + 2;
      throw new Error(
        `Cannot parse ${name}: line ${row} has ${cells.length} cells, expected ${header.length}`,
      );
    }
    return Object.fromEntries(header.map((column, i) => [column, cells[i] ?? '']));
  });
}

/** The cell `column` of `row`; a missing column is a bug in the table, so it throws. */
export function cell(row: TsvRow, column: string): string {
  const value = row[column];
  if (value === undefined) throw new Error(`Cannot read column '${column}': not in the table`);
  return value;
}

/** A cell holding a non-negative integer, or undefined when empty. */
export function optionalCount(row: TsvRow, column: string): number | undefined {
  const text = cell(row, column).trim();
  if (text === '') return undefined;
  if (!/^\d+$/.test(text)) throw new Error(`Cannot read column '${column}': '${text}' is no count`);
  return Number(text);
}

/** A cell holding a non-negative integer; empty counts as 0. */
export function count(row: TsvRow, column: string): number {
  return optionalCount(row, column) ?? 0;
}

/** An `EventID:count,EventID:count` histogram; empty text is the empty histogram. */
export function parseHistogram(text: string): Map<number, number> {
  const histogram = new Map<number, number>();
  for (const pair of text.split(',').filter((part) => part !== '')) {
    const match = /^(\d+):(\d+)$/.exec(pair);
    if (match === null) throw new Error(`Cannot parse histogram: bad pair '${pair}' in '${text}'`);
    histogram.set(Number(match[1]), Number(match[2]));
  }
  return histogram;
}

/** Writes a histogram back in the table's own form, Event IDs ascending. */
export function formatHistogram(histogram: ReadonlyMap<number, number>): string {
  return [...histogram.entries()]
    .sort(([a], [b]) => a - b)
    .map(([eventId, n]) => `${eventId}:${n}`)
    .join(',');
}
