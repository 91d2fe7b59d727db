/**
 * Template definitions as the writer takes them: an element tree whose leaves are literal text
 * or substitutions (slots filled by each record's values), identified by a GUID.
 */
import type { ValueTypeName } from './values.js';

/** A node of a template body. */
export type TemplateNode = TemplateElement | TemplateText | TemplateSubstitution;

/** An element with attributes and children; no children writes an empty element. */
export interface TemplateElement {
  readonly kind: 'element';
  readonly name: string;
  readonly attributes: readonly TemplateAttribute[];
  readonly children: readonly TemplateNode[];
}

/** An attribute whose value is literal text or one substitution. */
export interface TemplateAttribute {
  readonly name: string;
  readonly value: TemplateText | TemplateSubstitution;
}

/** Literal text, the same in every record of the template. */
export interface TemplateText {
  readonly kind: 'text';
  readonly text: string;
}

/**
 * A slot filled by the record's value at `index`, declared as `type`. An optional substitution
 * writes nothing when its value is null; a normal one writes an empty value.
 */
export interface TemplateSubstitution {
  readonly kind: 'substitution';
  readonly index: number;
  readonly type: ValueTypeName;
  readonly optional: boolean;
}

/**
 * A template definition. The GUID identifies it: a chunk writes one definition per GUID and
 * every later record of the chunk refers to it, so two different bodies need two GUIDs.
 */
export interface Template {
  readonly guid: string;
  readonly root: TemplateElement;
}

/** An element; `attributes` maps names to text or substitutions, in order. */
export function element(
  name: string,
  attributes: Readonly<Record<string, TemplateText | TemplateSubstitution>> = {},
  ...children: TemplateNode[]
): TemplateElement {
  const list = Object.entries(attributes).map(([key, value]) => ({ name: key, value }));
  return { kind: 'element', name, attributes: list, children };
}

/** Literal text. */
export function text(value: string): TemplateText {
  return { kind: 'text', text: value };
}

/** An optional substitution (Windows' usual kind: absent when the value is null). */
export function optional(index: number, type: ValueTypeName): TemplateSubstitution {
  return { kind: 'substitution', index, type, optional: true };
}

/** A normal substitution (what Windows uses inside EventData templates). */
export function normal(index: number, type: ValueTypeName): TemplateSubstitution {
  return { kind: 'substitution', index, type, optional: false };
}

/**
 * The dependency identifier Windows writes before an element's size: the index of the first
 * optional substitution among its children, or 0xffff when there is none.
 */
export function dependencyId(node: TemplateElement): number {
  for (const child of node.children) {
    if (child.kind === 'substitution' && child.optional) return child.index;
  }
  return 0xffff;
}
