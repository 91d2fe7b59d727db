/**
 * The value modifiers of the Sigma modifiers appendix, read from a detection key
 * (`CommandLine|base64offset|contains`) and sorted by what they do: transformations of the
 * values, where the value sits in the field, the type of comparison, and how values combine.
 */
import { fail, quoted } from './errors.js';

/** Modifiers that turn each value into other values, applied in the order written. */
export const TRANSFORMS = [
  'base64',
  'base64offset',
  'utf16le',
  'utf16be',
  'utf16',
  'wide',
  'windash',
  'expand',
] as const;
export type Transform = (typeof TRANSFORMS)[number];

const PLACEMENTS = ['contains', 'startswith', 'endswith'] as const;
export type Placement = (typeof PLACEMENTS)[number];

/** Modifiers that change what kind of comparison is made. */
const COMPARISONS = ['re', 'cidr', 'lt', 'lte', 'gt', 'gte', 'fieldref', 'exists'] as const;
export type Comparison = (typeof COMPARISONS)[number];

/** Modifiers that compare a part of a date field (UtcTime, TimeCreated) as a number. */
export const TIME_PARTS = ['minute', 'hour', 'day', 'week', 'month', 'year'] as const;
export type TimePart = (typeof TIME_PARTS)[number];

const REGEX_FLAGS = ['i', 'm', 's'] as const;

/** One detection key's modifiers, sorted. */
export interface Modifiers {
  readonly transforms: readonly Transform[];
  readonly placement: Placement | undefined;
  readonly comparison: Comparison | undefined;
  /** Flags of `re`, as JavaScript writes them. */
  readonly regexFlags: string;
  readonly timePart: TimePart | undefined;
  /** Every value must match (AND) rather than any one (OR). */
  readonly all: boolean;
  /** The field must differ from the values. */
  readonly neq: boolean;
  /** Case-sensitive comparison. */
  readonly cased: boolean;
}

/** The modifiers of a key, in order; throws on an unknown or misplaced one. */
export function parseModifiers(names: readonly string[]): Modifiers {
  const transforms: Transform[] = [];
  let placement: Placement | undefined;
  let comparison: Comparison | undefined;
  let timePart: TimePart | undefined;
  let regexFlags = '';
  let all = false;
  let neq = false;
  let cased = false;

  for (const name of names) {
    if (is(TRANSFORMS, name)) transforms.push(name);
    else if (is(PLACEMENTS, name)) placement = once(placement, name);
    else if (is(COMPARISONS, name)) comparison = once(comparison, name);
    else if (is(TIME_PARTS, name)) timePart = once(timePart, name);
    else if (is(REGEX_FLAGS, name)) {
      if (comparison !== 're') fail(`modifier '${name}' is a flag of 're' and must follow it`);
      regexFlags += name;
    } else if (name === 'all') all = true;
    else if (name === 'neq') neq = true;
    else if (name === 'cased') cased = true;
    else fail(`unknown modifier ${quoted(name, 30)}`);
  }
  return { transforms, placement, comparison, regexFlags, timePart, all, neq, cased };
}

function is<T extends string>(list: readonly T[], name: string): name is T {
  return (list as readonly string[]).includes(name);
}

function once<T extends string>(previous: T | undefined, name: T): T {
  if (previous !== undefined) fail(`modifiers '${previous}' and '${name}' cannot be combined`);
  return name;
}
