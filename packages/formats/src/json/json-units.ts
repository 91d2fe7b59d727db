/**
 * Splitting a JSON input into its records without holding the whole of it: JSON Lines, JSON
 * objects written one after another (pretty-printed or not, as SigmaHQ's regression data is),
 * or one top-level array of objects (Chainsaw's `--json`). Each record's text is handed on with
 * where it starts; a broken record is reported and the split goes on at the next line.
 */
import { TextPosition, type TextEncodingName } from '../text.js';
import type { FormatDiagnostic } from '../types.js';

/** The text of one top-level record, and where it starts in the input. */
export interface JsonUnit {
  readonly text: string;
  readonly offset: number;
  readonly line: number;
}

/** Longest record accepted, in characters; a longer one is reported and skipped. */
export const MAX_RECORD_CHARS = 16 * 1024 * 1024;

/** Splits the text pieces into records; problems between records go to `report`. */
export async function* jsonUnits(
  pieces: AsyncIterable<string>,
  encoding: { name: TextEncodingName; bom: number },
  report: (diagnostic: FormatDiagnostic) => void,
): AsyncGenerator<JsonUnit> {
  const splitter = new Splitter(new TextPosition(encoding.name, encoding.bom), report);
  for await (const piece of pieces) yield* splitter.push(piece);
  yield* splitter.end();
}

class Splitter {
  private buffer = '';
  /** Index in `buffer` of the next character to look at. */
  private at = 0;
  /** Index in `buffer` where the record being read starts; -1 between records. */
  private start = -1;
  private unitPosition = { offset: 0, line: 1 };
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** A top-level `[` was seen: records are the array's elements. */
  private inArray = false;
  private seenAny = false;
  /** Every record so far fit on one line: a line break inside one means it is broken. */
  private lineMode = true;
  /** Skipping to the end of the line after a broken record. */
  private skipping = false;
  private unitsDone = 0;
  /** Index in `buffer` up to which `position` has been moved. */
  private counted = 0;

  constructor(
    private readonly position: TextPosition,
    private readonly report: (diagnostic: FormatDiagnostic) => void,
  ) {}

  *push(piece: string): Generator<JsonUnit> {
    this.buffer += piece;
    yield* this.scan();
    this.compact();
  }

  *end(): Generator<JsonUnit> {
    if (this.start >= 0) {
      this.broken('record cut off at the end of the input');
    }
  }

  private *scan(): Generator<JsonUnit> {
    const text = this.buffer;
    while (this.at < text.length) {
      const code = text.charCodeAt(this.at);
      if (this.skipping) this.skipLine(code);
      else if (this.start < 0) this.between(code);
      else {
        const unit = this.inside(code);
        if (unit) yield unit;
      }
      this.at++;
    }
    if (this.start >= 0 && this.at - this.start > MAX_RECORD_CHARS) {
      this.broken(`record longer than ${MAX_RECORD_CHARS} characters; skipped to the next line`);
    }
  }

  private skipLine(code: number): void {
    if (code !== 0x0a) return;
    this.skipping = false;
    this.moveTo(this.at + 1);
  }

  /** Between records: space, the array's brackets and commas, or the start of a record. */
  private between(code: number): void {
    if (code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09) return;
    if (code === 0x5b && !this.seenAny && !this.inArray) {
      this.inArray = true;
      return;
    }
    if (this.inArray && (code === 0x2c || code === 0x5d)) return;
    this.seenAny = true;
    if (code !== 0x7b) {
      this.moveTo(this.at);
      // A line that is no record is a record that could not be read, as a bad JSON line is.
      this.lineError('text that is no JSON object between records; skipped to the next line');
      this.skipping = true;
      return;
    }
    this.moveTo(this.at);
    this.start = this.at;
    this.unitPosition = this.position.at();
    this.depth = 1;
  }

  /** Inside a record: strings, nesting, and the closing brace that ends it. */
  private inside(code: number): JsonUnit | undefined {
    if (this.inString) {
      if (this.escaped) this.escaped = false;
      else if (code === 0x5c) this.escaped = true;
      else if (code === 0x22) this.inString = false;
      else if (code === 0x0a) this.broken('line break inside a string: record cut off');
      return undefined;
    }
    if (code === 0x22) this.inString = true;
    else if (code === 0x7b || code === 0x5b) this.depth++;
    else if (code === 0x7d || code === 0x5d) return --this.depth === 0 ? this.unit() : undefined;
    else if (code === 0x0a && this.lineMode && this.seenLine()) {
      this.broken('record cut off at the end of its line');
    }
    return undefined;
  }

  /** In JSON Lines, a record that reaches a line break unfinished is cut off. */
  private seenLine(): boolean {
    return this.unitsDone > 0;
  }

  private unit(): JsonUnit {
    const text = this.buffer.slice(this.start, this.at + 1);
    if (this.unitsDone === 0 && text.includes('\n')) this.lineMode = false;
    this.unitsDone++;
    this.start = -1;
    this.moveTo(this.at + 1);
    return { text, ...this.unitPosition };
  }

  /** Reports the record being read as broken and skips past the current line. */
  private broken(message: string): void {
    this.report({ severity: 'error', structure: 'json record', ...this.unitPosition, message });
    this.start = -1;
    this.inString = false;
    this.escaped = false;
    this.skipping = this.buffer.charCodeAt(this.at) !== 0x0a;
    if (!this.skipping) this.moveTo(this.at + 1);
  }

  private lineError(message: string): void {
    this.report({ severity: 'error', structure: 'json record', ...this.position.at(), message });
  }

  /** Counts the text up to `index` as read. */
  private moveTo(index: number): void {
    if (index <= this.counted) return;
    this.position.advance(this.buffer, this.counted, index);
    this.counted = index;
  }

  /** Drops the text already handed on, keeping the record being read. */
  private compact(): void {
    if (this.start < 0) this.moveTo(this.at);
    const drop = this.start >= 0 ? this.start : this.at;
    this.buffer = this.buffer.slice(drop);
    this.at -= drop;
    this.counted -= drop;
    if (this.start >= 0) this.start -= drop;
  }
}
