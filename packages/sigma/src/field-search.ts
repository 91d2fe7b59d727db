/**
 * One field's search for its literals (see automaton.ts), remembering the literals found in
 * the values it saw last: most values of a log repeat (the same programs, parents, users and
 * paths), and a value seen before then costs one map lookup instead of a pass over it.
 */
import { LiteralAutomaton, type HitSink, type Literal } from './automaton.js';

/** Distinct values remembered per field; past it the memory starts afresh. */
export const REMEMBERED_VALUES = 4096;

/** Characters of the values remembered per field at most, the same way. */
export const REMEMBERED_CHARS = 256 * 1024;

/** Values longer than this are searched each time: long values seldom repeat. */
export const REMEMBERED_LENGTH = 1024;

const NONE = new Int32Array(0);

/** The literals of one field, and the values it saw last with what they hold. */
export class FieldSearch implements HitSink {
  readonly #automaton: LiteralAutomaton;
  readonly #remembered = new Map<string, Int32Array>();
  #rememberedChars = 0;
  /** The ids found in the value being searched, each once (seen[id] marks those kept). */
  readonly #seen: Uint8Array;
  readonly #ids: number[] = [];

  /** `literals` of one field; `ids` the count of all ids (each literal's below it). */
  constructor(literals: readonly Literal[], foldCase: boolean, ids: number) {
    this.#automaton = new LiteralAutomaton(literals, foldCase);
    this.#seen = new Uint8Array(ids);
  }

  /** Reports to `sink` the literals the value holds. */
  search(value: string, sink: HitSink): void {
    if (value.length > REMEMBERED_LENGTH) {
      if (!this.#automaton.scan(value, sink, false)) {
        this.#automaton.scan(value.toLowerCase(), sink, true);
      }
      return;
    }
    let found = this.#remembered.get(value);
    if (found === undefined) {
      found = this.#found(value);
      this.#remember(value, found);
    }
    for (let at = 0; at < found.length; at++) sink.mark(found[at]!);
  }

  /** Takes an id from the automaton (HitSink). */
  mark(id: number): void {
    if (this.#seen[id] === 1) return;
    this.#seen[id] = 1;
    this.#ids.push(id);
  }

  #remember(value: string, found: Int32Array): void {
    const chars = this.#rememberedChars + value.length;
    if (this.#remembered.size >= REMEMBERED_VALUES || chars > REMEMBERED_CHARS) {
      this.#remembered.clear();
      this.#rememberedChars = 0;
    }
    this.#remembered.set(value, found);
    this.#rememberedChars += value.length;
  }

  #found(value: string): Int32Array {
    if (!this.#automaton.scan(value, this, false)) {
      this.#automaton.scan(value.toLowerCase(), this, true);
    }
    if (this.#ids.length === 0) return NONE;
    const found = Int32Array.from(this.#ids);
    for (const id of this.#ids) this.#seen[id] = 0;
    this.#ids.length = 0;
    return found;
  }
}
