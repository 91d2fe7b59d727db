/**
 * A small BinXml document model for tests, and the constructors that make it read like XML:
 * `el('Data', { Name: 'Image' }, sub(4, ValueType.String))`. The bytes are written by
 * `binxml-encoder.ts`.
 */
import type { TypedValue } from './values.js';

/** Text written as one value-text token (0x05, type 0x01). */
export interface TextNode {
  readonly kind: 'text';
  readonly text: string;
}

/** A normal (0x0d) or optional (0x0e) substitution of template value `index`. */
export interface SubstitutionNode {
  readonly kind: 'substitution';
  readonly index: number;
  readonly type: number;
  readonly optional: boolean;
}

/** `&#N;` (0x08). */
export interface CharRefNode {
  readonly kind: 'charRef';
  readonly code: number;
}

/** `&name;` (0x09); the name goes through the chunk's string table like element names. */
export interface EntityRefNode {
  readonly kind: 'entityRef';
  readonly name: string;
}

/** `<![CDATA[...]]>` (0x07). */
export interface CDataNode {
  readonly kind: 'cdata';
  readonly text: string;
}

/** `<?target data?>` (0x0a then 0x0b). */
export interface PINode {
  readonly kind: 'pi';
  readonly target: string;
  readonly data: string;
}

/** Bytes written verbatim where a token would go, for inputs no encoder would produce. */
export interface RawNode {
  readonly kind: 'raw';
  readonly bytes: Uint8Array;
}

/** What an attribute value or text content may hold. */
export type ContentNode = TextNode | SubstitutionNode | CharRefNode | EntityRefNode | RawNode;

export interface Attribute {
  readonly name: string;
  readonly value: readonly ContentNode[];
  /** Reference this chunk offset instead of the name (e.g. to point at garbage). */
  readonly nameOffset?: number;
}

export interface ElementNode {
  readonly kind: 'element';
  readonly name: string;
  readonly attributes: readonly Attribute[];
  readonly children: readonly Node[];
  /** The substitution this element depends on; 0xffff (none) by default. */
  readonly dependencyId?: number;
  /** Reference this chunk offset instead of the name (e.g. to point at garbage). */
  readonly nameOffset?: number;
}

export type Node = ElementNode | ContentNode | CDataNode | PINode;

/** A template definition: identified by its GUID within a chunk. */
export interface TemplateDefinition {
  readonly guid: string;
  readonly root: ElementNode;
}

/** A template instance (0x0c): a definition plus the values for its substitutions. */
export interface TemplateInstance {
  readonly kind: 'template';
  readonly definition: TemplateDefinition;
  readonly values: readonly TypedValue[];
  /** Write this definition offset and no inline definition (e.g. to point at garbage). */
  readonly definitionOffset?: number;
}

/** The body of a BinXml fragment: what follows the fragment header (0x0f 01 01 00). */
export type Fragment = TemplateInstance | ElementNode;

type AttributeValue = string | ContentNode | readonly ContentNode[];

function toContent(v: AttributeValue): readonly ContentNode[] {
  if (typeof v === 'string') return [text(v)];
  return 'kind' in v ? [v as ContentNode] : (v as readonly ContentNode[]);
}

/** An element; strings among `children` become text nodes. */
export function el(
  name: string,
  attributes: Record<string, AttributeValue> = {},
  ...children: (Node | string)[]
): ElementNode {
  return {
    kind: 'element',
    name,
    attributes: Object.entries(attributes).map(([k, v]) => ({ name: k, value: toContent(v) })),
    children: children.map((c) => (typeof c === 'string' ? text(c) : c)),
  };
}

/** The same element with extra fields set (dependency id, name offset). */
export function withOptions(
  element: ElementNode,
  options: { dependencyId?: number; nameOffset?: number },
): ElementNode {
  return { ...element, ...options };
}

export const text = (value: string): TextNode => ({ kind: 'text', text: value });
export const sub = (index: number, type: number): SubstitutionNode => ({
  kind: 'substitution',
  index,
  type,
  optional: false,
});
export const optSub = (index: number, type: number): SubstitutionNode => ({
  kind: 'substitution',
  index,
  type,
  optional: true,
});
export const charRef = (code: number): CharRefNode => ({ kind: 'charRef', code });
export const entityRef = (name: string): EntityRefNode => ({ kind: 'entityRef', name });
export const cdata = (value: string): CDataNode => ({ kind: 'cdata', text: value });
export const pi = (target: string, data: string): PINode => ({ kind: 'pi', target, data });
export const raw = (bytes: Uint8Array | number[]): RawNode => ({
  kind: 'raw',
  bytes: Uint8Array.from(bytes),
});

/** A template instance of `root` under `guid` with `values`. */
export function template(
  guid: string,
  root: ElementNode,
  values: readonly TypedValue[],
): TemplateInstance {
  return { kind: 'template', definition: { guid, root }, values };
}

/**
 * A GUID derived from `seed`, so that equal template structures share one GUID and different
 * ones do not (FNV-1a over the seed, spread over 128 bits).
 */
export function templateGuid(seed: string): string {
  const words: string[] = [];
  for (let round = 0; round < 4; round++) {
    let h = 0x811c9dc5 ^ round;
    for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193);
    words.push((h >>> 0).toString(16).padStart(8, '0'));
  }
  const hex = words.join('');
  return `{${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}}`;
}
