/**
 * What an event must hold for a rule to have any chance, so most rules are never tried on it.
 * Most process rules require a program by name (`Image|endswith: '\certutil.exe'` or
 * `OriginalFileName: 'CertUtil.exe'`); a rule's need is a list of such requirements of which
 * one must hold. The index of a source's rules looks an event's values up once and marks the
 * rules whose need one of them meets; rules without a need are always tried.
 */
import type { Condition } from './condition.js';
import { identifiersOf } from './condition.js';
import type { EventView } from './fields.js';
import type { Modifiers } from './modifiers.js';
import { ANY_RUN, anchored, parsePattern, type Pattern } from './pattern.js';
import type { Scalar } from './values.js';

/**
 * The field in `slot` must have a value (lower-cased) in `exact`, or one whose base name is in
 * `baseNames`.
 */
export interface Requirement {
  readonly slot: number;
  readonly exact: ReadonlySet<string>;
  readonly baseNames: ReadonlySet<string>;
}

/** Requirements of which one must hold; undefined when nothing is known to be needed. */
export type Need = readonly Requirement[] | undefined;

/** The need of one entry: plain or `*\name` values of a case-insensitive match, else none. */
export function entryNeed(slot: number, modifiers: Modifiers, values: readonly Scalar[]): Need {
  const plain =
    !modifiers.neq &&
    !modifiers.all &&
    !modifiers.cased &&
    modifiers.comparison === undefined &&
    modifiers.timePart === undefined &&
    modifiers.transforms.length === 0;
  if (!plain || values.some((value) => value === null || typeof value === 'boolean'))
    return undefined;

  const before = modifiers.placement === 'contains' || modifiers.placement === 'endswith';
  const after = modifiers.placement === 'contains' || modifiers.placement === 'startswith';
  const exact = new Set<string>();
  const baseNames = new Set<string>();
  for (const value of values) {
    const key = requirementKey(anchored(parsePattern(String(value)), before, after));
    if (key === undefined) return undefined;
    (key.exact ? exact : baseNames).add(key.text.toLowerCase());
  }
  return [{ slot, exact, baseNames }];
}

function requirementKey(pattern: Pattern): { exact: boolean; text: string } | undefined {
  const [first, second] = pattern;
  if (pattern.length === 1 && typeof first === 'string') return { exact: true, text: first };
  const baseName =
    pattern.length === 2 &&
    first === ANY_RUN &&
    typeof second === 'string' &&
    second.startsWith('\\') &&
    second.indexOf('\\', 1) === -1;
  return baseName ? { exact: false, text: second } : undefined;
}

/** The need of an AND: the narrowest need among the operands. */
export function allNeed(needs: readonly Need[]): Need {
  let best: Need;
  for (const need of needs) {
    if (need !== undefined && (best === undefined || need.length < best.length)) best = need;
  }
  return best;
}

/** The need of an OR: every operand's requirements, when each has some. */
export function anyNeed(needs: readonly Need[]): Need {
  if (needs.length === 0 || needs.some((need) => need === undefined)) return undefined;
  return needs.flatMap((need) => need ?? []);
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

/** Rule positions by the values that meet their needs, for one source's rules. */
export class RuleIndex {
  readonly #always: Uint8Array;
  readonly #slots: number[];
  readonly #exact = new Map<number, Map<string, number[]>>();
  readonly #baseNames = new Map<number, Map<string, number[]>>();

  constructor(needs: readonly Need[]) {
    this.#always = new Uint8Array(needs.map((need) => (need === undefined ? 1 : 0)));
    needs.forEach((need, rule) => {
      for (const requirement of need ?? []) {
        for (const key of requirement.exact) add(this.#exact, requirement.slot, key, rule);
        for (const key of requirement.baseNames) add(this.#baseNames, requirement.slot, key, rule);
      }
    });
    this.#slots = [...new Set([...this.#exact.keys(), ...this.#baseNames.keys()])];
  }

  /** One byte per rule: 1 where the rule is worth trying on the event. */
  candidates(view: EventView): Uint8Array {
    const marks = this.#always.slice();
    for (const slot of this.#slots) {
      const exact = this.#exact.get(slot);
      const baseNames = this.#baseNames.get(slot);
      for (const value of view.lowered(slot) ?? []) {
        for (const rule of exact?.get(value) ?? []) marks[rule] = 1;
        for (const rule of baseNames?.get(view.baseName(value)) ?? []) marks[rule] = 1;
      }
    }
    return marks;
  }
}

function add(
  index: Map<number, Map<string, number[]>>,
  slot: number,
  key: string,
  rule: number,
): void {
  let bySlot = index.get(slot);
  if (bySlot === undefined) {
    bySlot = new Map();
    index.set(slot, bySlot);
  }
  const rules = bySlot.get(key);
  if (rules === undefined) bySlot.set(key, [rule]);
  else if (rules[rules.length - 1] !== rule) rules.push(rule);
}
