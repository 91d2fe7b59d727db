/**
 * What an event must hold for a rule to have any chance, so most rules are never tried on it.
 * Most rules require some literal text in some field (`Image|endswith: '\certutil.exe'`,
 * `CommandLine|contains: 'decode'`, or a piece of a wildcard value); a rule's need is a list
 * of such literals (see literals.ts) of which one must be found. The index of a source's rules
 * turns the literals an event holds into the rules worth trying; rules without a need are
 * always tried.
 */
import type { Condition } from './condition.js';
import { identifiersOf } from './condition.js';
import type { FieldLiterals } from './literals.js';

/** Literal ids of which one must be found, and a guess of how often that is (lower: rarer). */
export interface Requirement {
  readonly ids: readonly number[];
  readonly cost: number;
}

/** What a detection needs; undefined when nothing is known to be needed. */
export type Need = Requirement | undefined;

/** The need of literals of which any one will do. */
export function literalNeed(ids: readonly number[], literals: FieldLiterals): Need {
  if (ids.length === 0) return undefined;
  return { ids, cost: ids.reduce((sum, id) => sum + literals.cost(id), 0) };
}

/** The need of an AND: the operand's need least often met. */
export function allNeed(needs: readonly Need[]): Need {
  let best: Need;
  for (const need of needs) {
    if (need !== undefined && (best === undefined || need.cost < best.cost)) best = need;
  }
  return best;
}

/** The need of an OR: every operand's literals, when each has some. */
export function anyNeed(needs: readonly Need[]): Need {
  if (needs.length === 0 || needs.some((need) => need === undefined)) return undefined;
  if (needs.length === 1) return needs[0];
  return {
    ids: needs.flatMap((need) => need?.ids ?? []),
    cost: needs.reduce((sum, need) => sum + (need?.cost ?? 0), 0),
  };
}

/** The need of a condition over identifiers with these needs. */
export function conditionNeed(condition: Condition, identifiers: ReadonlyMap<string, Need>): Need {
  switch (condition.kind) {
    case 'id':
      return identifiers.get(condition.name);
    case 'not':
      return undefined;
    case 'and':
      return allNeed(condition.operands.map((operand) => conditionNeed(operand, identifiers)));
    case 'or':
      return anyNeed(condition.operands.map((operand) => conditionNeed(operand, identifiers)));
    case 'of': {
      const names = identifiersOf(condition.pattern, [...identifiers.keys()]);
      const needs = names.map((name) => identifiers.get(name));
      return condition.quantifier === 'all' ? allNeed(needs) : anyNeed(needs);
    }
  }
}

/** Candidates kept in a sorted list up to this many; past it the marks are read in order. */
const SORTED_CANDIDATES = 64;

/** Rule positions by the literals that meet their needs, for one source's rules. */
export class RuleIndex {
  /** Rules tried on every event, in order. */
  readonly #always: Int32Array;
  /** Rules needing literal id are #rules[#start[id]] up to #rules[#start[id + 1]]. */
  readonly #start: Int32Array;
  readonly #rules: Int32Array;
  /** Scratch of candidates(): a mark per rule, and the rules marked in order. */
  readonly #marks: Uint8Array;
  readonly #list: Int32Array;
  #count = 0;

  constructor(needs: readonly Need[]) {
    const byId: number[][] = [];
    needs.forEach((need, rule) => {
      for (const id of new Set(need?.ids ?? [])) (byId[id] ??= []).push(rule);
    });
    this.#start = new Int32Array(byId.length + 1);
    for (let id = 0; id < byId.length; id++) {
      this.#start[id + 1] = this.#start[id]! + (byId[id]?.length ?? 0);
    }
    this.#rules = Int32Array.from(byId.flatMap((rules) => rules ?? []));
    this.#always = Int32Array.from(
      needs.flatMap((need, rule) => (need === undefined ? [rule] : [])),
    );
    this.#marks = new Uint8Array(needs.length);
    this.#list = new Int32Array(needs.length);
  }

  /**
   * The rules worth trying on the event `literals` last scanned, in rule order: their count;
   * candidate(i) gives the positions. Both answer until the next call.
   */
  candidates(literals: FieldLiterals): number {
    this.#count = 0;
    for (const rule of this.#always) this.#add(rule);
    const known = this.#start.length - 1;
    for (let at = 0; at < literals.foundCount; at++) {
      const id = literals.found(at);
      if (id >= known) continue;
      const end = this.#start[id + 1]!;
      for (let rule = this.#start[id]!; rule < end; rule++) this.#add(this.#rules[rule]!);
    }
    this.#sort();
    for (let at = 0; at < this.#count; at++) this.#marks[this.#list[at]!] = 0;
    return this.#count;
  }

  candidate(at: number): number {
    return this.#list[at]!;
  }

  #add(rule: number): void {
    if (this.#marks[rule] === 1) return;
    this.#marks[rule] = 1;
    this.#list[this.#count++] = rule;
  }

  /** Few candidates by insertion; many by reading the marks in rule order. */
  #sort(): void {
    const list = this.#list;
    if (this.#count > SORTED_CANDIDATES) {
      let count = 0;
      for (let rule = 0; rule < this.#marks.length; rule++) {
        if (this.#marks[rule] === 1) list[count++] = rule;
      }
      return;
    }
    for (let at = 1; at < this.#count; at++) {
      const rule = list[at]!;
      let to = at;
      for (; to > 0 && list[to - 1]! > rule; to--) list[to] = list[to - 1]!;
      list[to] = rule;
    }
  }
}
