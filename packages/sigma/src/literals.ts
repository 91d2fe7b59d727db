/**
 * The literal texts the rules of one source look for in its fields (`contains`, `startswith`,
 * `endswith` and whole values), each given an id when a rule is compiled. Per event every field
 * that has some is searched once for all of them (see automaton.ts), and the rules' tests then
 * only ask whether their ids were found.
 */
import type { HitSink, Literal, LiteralKind } from './automaton.js';
import { FieldSearch } from './field-search.js';
import type { EventView } from './fields.js';

/** The literals of one field compared one way (lower-cased or as written). */
interface FieldGroup {
  readonly slot: number;
  readonly cased: boolean;
  readonly literals: Literal[];
}

/**
 * Literal ids of one source, and which of them the event last scanned holds.
 * TODO: each source has its own, so `process_creation` rules bound to Sysmon 1 and to Security
 * 4688 build two automata of the same texts (about 0.1 s more when a log has both).
 */
export class FieldLiterals implements HitSink {
  readonly #ids = new Map<string, number>();
  readonly #groups = new Map<string, FieldGroup>();
  /** Each id's literal. */
  readonly #literals: {
    readonly kind: LiteralKind;
    readonly text: string;
    readonly cased: boolean;
  }[] = [];
  #searches: { slot: number; search: FieldSearch }[] | undefined;
  /** stamps[id] === stamp when the event holds literal id. */
  #stamps = new Int32Array(0);
  #stamp = 0;
  #found = new Int32Array(0);
  #foundCount = 0;

  /**
   * The id of a literal in the field of `slot`; `text` is lower-cased already unless `cased`.
   * The same literal asked again gets the same id.
   */
  add(slot: number, kind: LiteralKind, text: string, cased: boolean): number {
    const key = `${slot}\u0000${cased ? 1 : 0}\u0000${kind}\u0000${text}`;
    const known = this.#ids.get(key);
    if (known !== undefined) return known;

    const id = this.#literals.length;
    this.#ids.set(key, id);
    this.#literals.push({ kind, text, cased });
    const groupKey = `${slot}:${cased}`;
    let group = this.#groups.get(groupKey);
    if (group === undefined) {
      group = { slot, cased, literals: [] };
      this.#groups.set(groupKey, group);
    }
    group.literals.push({ text, kind, id });
    this.#searches = undefined;
    return id;
  }

  /** How many ids were given. */
  get size(): number {
    return this.#literals.length;
  }

  /** The literal of an id as `kind text`, for tests and messages. */
  describe(id: number): string {
    const literal = this.#literals[id];
    if (literal === undefined) return `unknown literal ${id}`;
    return `${literal.kind} ${literal.text}${literal.cased ? ' (cased)' : ''}`;
  }

  /**
   * A guess of how likely an event holds the literal, to pick the rarest of a rule's needs:
   * halved by every two characters (`true` or `.exe` are common, `\\svchost.exe` less so), and
   * doubled for a text found anywhere rather than at one place.
   */
  cost(id: number): number {
    const literal = this.#literals[id];
    if (literal === undefined) return 1;
    return (literal.kind === 'contains' ? 2 : 1) * 2 ** (-literal.text.length / 2);
  }

  /** Searches the event's fields for every literal; has() and found() then answer for it. */
  scan(view: EventView): void {
    const searches = (this.#searches ??= this.#build());
    this.#nextStamp();
    // Read straight from the record: a one-value field then needs no array of its own.
    for (const { slot, search } of searches) {
      const read = view.table.read(slot, view.record);
      if (typeof read === 'string') search.search(read, this);
      else if (read !== undefined) for (const value of read) search.search(value, this);
    }
  }

  /** True when the event last scanned holds the literal. */
  has(id: number): boolean {
    return this.#stamps[id] === this.#stamp;
  }

  /** How many distinct literals the event last scanned holds; found(i) gives the ids. */
  get foundCount(): number {
    return this.#foundCount;
  }

  found(at: number): number {
    return this.#found[at]!;
  }

  /** Notes one literal found (the automata call it). */
  mark(id: number): void {
    if (this.#stamps[id] === this.#stamp) return;
    this.#stamps[id] = this.#stamp;
    this.#found[this.#foundCount++] = id;
  }

  #nextStamp(): void {
    this.#foundCount = 0;
    if (this.#stamp === 0x7fffffff) {
      this.#stamps.fill(0);
      this.#stamp = 0;
    }
    this.#stamp++;
  }

  #build(): { slot: number; search: FieldSearch }[] {
    this.#stamps = new Int32Array(this.size);
    this.#stamp = 0;
    this.#found = new Int32Array(this.size);
    return [...this.#groups.values()].map(({ slot, cased, literals }) => ({
      slot,
      search: new FieldSearch(literals, !cased, this.size),
    }));
  }
}
