/** Column widths in pixels: System columns by what they hold, data fields by a default. */
const WIDTHS: Readonly<Record<string, number>> = {
  timeCreated: 290,
  file: 170,
  recordId: 110,
  eventId: 100,
  level: 110,
  provider: 230,
  channel: 260,
  computer: 170,
};

const DATA_WIDTH = 220;

/** The width of column `key`. */
export function columnWidth(key: string): number {
  return WIDTHS[key] ?? DATA_WIDTH;
}

/** A CSS grid template for `keys`. */
export function gridTemplate(keys: readonly string[]): string {
  return keys.map((key) => `${columnWidth(key)}px`).join(' ');
}
