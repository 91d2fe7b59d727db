/**
 * Correlations tied to what they refer to: each reference (a rule's or correlation's `name`,
 * else its `id`) resolved across every file loaded, chains checked for cycles, and the order
 * found in which a chain's inner correlations come before the ones that use them.
 */
import type { CorrelationDefinition } from './correlation.js';
import { quoted } from './errors.js';

/** A rule or correlation a reference can name. */
export type Target =
  | { readonly kind: 'rule'; readonly index: number }
  | { readonly kind: 'correlation'; readonly index: number }
  | { readonly kind: 'failed' };

/** A document's name and id, and what it became. */
export interface Named {
  readonly name: string | undefined;
  readonly id: string | undefined;
  readonly target: Target;
}

/** One reference of a correlation, resolved. */
export interface Input {
  /** The reference as the correlation writes it (aliases are keyed on it). */
  readonly reference: string;
  readonly target: Target & { readonly kind: 'rule' | 'correlation' };
  readonly positions: readonly number[];
}

/** A correlation whose references all resolved. */
export interface Resolved {
  readonly index: number;
  readonly definition: CorrelationDefinition;
  readonly inputs: readonly Input[];
}

/** What resolving made of the correlations. */
export interface Resolution {
  /** Inner correlations before those using them. */
  readonly resolved: readonly Resolved[];
  readonly failures: ReadonlyMap<number, string>;
}

/** Resolves every correlation's references; one that cannot resolve gets a reason. */
export function resolveCorrelations(
  definitions: readonly CorrelationDefinition[],
  named: readonly Named[],
): Resolution {
  const failures = new Map<number, string>();
  const inputs = definitions.map((definition, index) => {
    try {
      return inputsOf(definition, named);
    } catch (error) {
      failures.set(index, (error as Error).message);
      return [];
    }
  });

  const order: number[] = [];
  const state = new Map<number, 'visiting' | 'done'>();
  const visit = (index: number, path: readonly number[]): string | undefined => {
    const seen = state.get(index);
    if (seen === 'done') return failures.get(index);
    if (seen === 'visiting') {
      const titles = [...path, index].map((at) => quoted(definitions[at]!.info.title));
      return `the correlation chain refers back to itself: ${titles.join(' -> ')}`;
    }
    state.set(index, 'visiting');
    let reason = failures.get(index);
    for (const { target, reference } of inputs[index]!) {
      if (reason !== undefined || target.kind !== 'correlation') continue;
      const inner = visit(target.index, [...path, index]);
      if (inner !== undefined)
        reason = inner.startsWith('the correlation chain')
          ? inner
          : `it refers to ${quoted(reference)}, which did not load`;
    }
    state.set(index, 'done');
    if (reason !== undefined) failures.set(index, reason);
    else order.push(index);
    return reason;
  };
  definitions.forEach((_, index) => visit(index, []));

  const resolved = order.map((index) => ({
    index,
    definition: definitions[index]!,
    inputs: inputs[index]!,
  }));
  return { resolved, failures };
}

function inputsOf(definition: CorrelationDefinition, named: readonly Named[]): Input[] {
  const byReference = new Map<string, Input>();
  definition.rules.forEach((reference, position) => {
    const known = byReference.get(reference);
    if (known !== undefined) {
      byReference.set(reference, { ...known, positions: [...known.positions, position] });
      return;
    }
    const target = lookUp(reference, named);
    byReference.set(reference, { reference, target, positions: [position] });
  });
  return [...byReference.values()];
}

function lookUp(reference: string, named: readonly Named[]): Input['target'] {
  let found = named.filter((item) => item.name === reference);
  if (found.length === 0) found = named.filter((item) => item.id === reference);
  if (found.length === 0)
    throw new Error(`unknown rule ${quoted(reference)} (no rule has that name or id)`);
  if (found.length > 1)
    throw new Error(
      `rule ${quoted(reference)} is ambiguous: ${found.length} rules have that name or id`,
    );
  const target = found[0]!.target;
  if (target.kind === 'failed')
    throw new Error(`it refers to ${quoted(reference)}, which did not load`);
  return target;
}
