/**
 * The shape of one catalogue entry: a sentence with `{name}` parameters, or a plural, one
 * sentence per Intl.PluralRules category, chosen by the `count` parameter.
 */

/** A plural entry: `other` is required; `one` (and any other category) where the language has it. */
export interface PluralMessage {
  readonly zero?: string;
  readonly one?: string;
  readonly two?: string;
  readonly few?: string;
  readonly many?: string;
  readonly other: string;
}

/** One entry of a catalogue. */
export type Message = string | PluralMessage;

/** The parameter names of a sentence: `{count} of {name}` gives `'count' | 'name'`. */
export type ParamsOf<S> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | ParamsOf<Rest>
  : never;

/** The parameter names of an entry, across every plural form. */
export type MessageParams<M> = M extends string ? ParamsOf<M> : ParamsOf<M[keyof M]>;

/** A parameter's value: a number is formatted in the language (1.234), a string set as is. */
export type ParamValue = string | number;

const PARAM = /\{(\w+)\}/g;

/** Every `{name}` of an entry, sorted, each once. */
export function paramNames(message: Message): string[] {
  const texts = typeof message === 'string' ? [message] : Object.values(message);
  const names = new Set<string>();
  for (const text of texts) for (const found of text.matchAll(PARAM)) names.add(found[1] ?? '');
  return [...names].sort();
}

/**
 * `text` with each `{name}` replaced by `format(params[name])`, in one pass: a value that
 * itself holds `{…}` (log text does) is never read as a parameter.
 */
export function fillParams(
  text: string,
  params: Readonly<Record<string, ParamValue>>,
  format: (value: ParamValue) => string,
): string {
  return text.replace(PARAM, (whole, name: string) =>
    Object.hasOwn(params, name) ? format(params[name] ?? '') : whole,
  );
}
