/**
 * Event times kept as numbers: milliseconds since 1970 in a Float64Array and the remaining
 * 100-ns ticks (0-9999) in a Uint16Array, so the parser's seven-digit ISO text is rebuilt
 * exactly without keeping a string per row. Text that does not round-trip (absent, a year
 * past 9999, a FILETIME the parser could not date) is kept as it was, aside.
 */
import { parseIsoTime } from '@evtxhunt/hunt';

import { GrowableArray } from './growable.js';

const ISO_7 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/;
const MINUTE_MS = 60_000;

/** The time of every row. */
export class TimeColumn {
  readonly #ms = new GrowableArray(Float64Array);
  readonly #ticks = new GrowableArray(Uint16Array);
  readonly #irregular = new Map<number, string | undefined>();
  readonly #text = new TimeText();

  get length(): number {
    return this.#ms.length;
  }

  get byteLength(): number {
    return this.#ms.byteLength + this.#ticks.byteLength;
  }

  push(text: string | undefined): void {
    const parsed = text === undefined ? undefined : parseIso7(text);
    if (parsed === undefined) this.pushIrregular(text);
    else this.pushParsed(parsed.ms, parsed.ticks);
  }

  /** Appends a time parseIso7 has split (RowColumns carry times so). */
  pushParsed(ms: number, ticks: number): void {
    this.#ms.push(ms);
    this.#ticks.push(ticks);
  }

  /** Appends a time that is absent or not seven-digit ISO text. */
  pushIrregular(text: string | undefined): void {
    const row = this.#ms.length;
    // Kept as written for display and export, but still placed in time for sorting and the
    // histogram when it is ISO text of another precision.
    const loose = text === undefined ? undefined : parseIsoAny(text);
    this.#ms.push(loose?.ms ?? Number.NaN);
    this.#ticks.push(loose?.ticks ?? 0);
    this.#irregular.set(row, text);
  }

  /** Milliseconds since 1970 (UTC), NaN when the row has no usable time. */
  ms(row: number): number {
    return this.#ms.get(row);
  }

  /**
   * Milliseconds of rows `start` to `end`, in an array of their own; the rows whose time is
   * kept as written go to `odd` with their text, numbered from `start`.
   */
  view(start: number, end: number, odd: [number, string | undefined][]): Float64Array {
    for (let row = start; this.#irregular.size > 0 && row < end; row++) {
      if (this.#irregular.has(row)) odd.push([row - start, this.#irregular.get(row)]);
    }
    return this.#ms.view().slice(start, end);
  }

  /** Ticks of rows `start` to `end`, in an array of their own. */
  ticksView(start: number, end: number): Uint16Array {
    return this.#ticks.view().slice(start, end);
  }

  /** True when row `row`'s time is kept as written (absent or not seven-digit ISO text). */
  irregular(row: number): boolean {
    return this.#irregular.has(row);
  }

  /** The 100-ns ticks past the millisecond, 0-9999. */
  ticks(row: number): number {
    return this.#ticks.get(row);
  }

  /**
   * The time as the parser wrote it. Filters read it for every row, so the date and minute are
   * formatted once per minute and only the seconds and fraction per row.
   */
  text(row: number): string | undefined {
    if (this.#irregular.has(row)) return this.#irregular.get(row);
    return this.#text.text(this.#ms.get(row), this.#ticks.get(row));
  }

  trim(): void {
    this.#ms.trim();
    this.#ticks.trim();
  }
}

/** Writes times as seven-digit ISO text, row after row. */
export class TimeText {
  /** The last minute written as text (`2017-09-03T12:53:`): rows near in time share it. */
  #minute = Number.NaN;
  #minuteText = '';

  /** The text of `ms` since 1970 and `ticks` (100 ns, 0-9999) past them. */
  text(ms: number, ticks: number): string {
    const minute = Math.floor(ms / MINUTE_MS);
    if (minute !== this.#minute) {
      this.#minute = minute;
      this.#minuteText = new Date(minute * MINUTE_MS).toISOString().slice(0, 17);
    }
    const inMinute = ms - minute * MINUTE_MS;
    const seconds = String(Math.floor(inMinute / 1000)).padStart(2, '0');
    const fraction = String(inMinute % 1000).padStart(3, '0');
    const digits = String(ticks).padStart(4, '0');
    return `${this.#minuteText}${seconds}.${fraction}${digits}Z`;
  }
}

/** Splits seven-digit ISO text into ms and ticks, or undefined when it would not round-trip. */
export function parseIso7(text: string): { ms: number; ticks: number } | undefined {
  if (!ISO_7.test(text)) return undefined;

  const ms = Date.parse(`${text.slice(0, 23)}Z`);
  if (Number.isNaN(ms)) return undefined;
  const ticks = Number(text.slice(23, 27));
  const again = `${new Date(ms).toISOString().slice(0, -1)}${text.slice(23)}`;
  return again === text ? { ms, ticks } : undefined;
}

/**
 * Any other ISO time a provider may store (no fraction, nine digits as some WEC logs write, an
 * offset), as ms and 100-ns ticks, through the engine's parser.
 */
export function parseIsoAny(text: string): { ms: number; ticks: number } | undefined {
  const time = parseIsoTime(text);
  if (time === undefined) return undefined;
  return { ms: Math.floor(time.ms), ticks: Number(time.iso.slice(23, 27)) };
}
