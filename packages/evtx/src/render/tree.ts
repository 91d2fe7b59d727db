/**
 * Fills a compiled template with a record's values, giving a plain element tree that the XML
 * and structured renderers share. Values are decoded here, only when a record is rendered.
 */
import type { IssueSink } from '../text.js';
import type {
  ContentNode,
  ElementNode,
  SubstitutionNode,
  SubstitutionValue,
  ValuePart,
} from '../binxml/nodes.js';
import { renderArray, renderScalar } from '../values/render.js';
import { ARRAY_FLAG, ValueType } from '../values/types.js';

export interface XmlElement {
  readonly kind: 'element';
  readonly name: string;
  readonly attributes: ReadonlyArray<readonly [string, string]>;
  readonly children: readonly XmlNode[];
  readonly empty: boolean;
}

export type XmlNode =
  | XmlElement
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'entity'; readonly name: string }
  | { readonly kind: 'charref'; readonly code: number }
  | { readonly kind: 'cdata'; readonly text: string }
  | { readonly kind: 'pi'; readonly target: string; readonly data: string };

/** A resolved substitution: nothing (NULL), one string, the items of an array, or XML. */
type Resolved =
  | { readonly kind: 'null' }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'array'; readonly items: readonly string[] }
  | { readonly kind: 'xml'; readonly nodes: readonly XmlNode[] };

const NULL: Resolved = { kind: 'null' };

export class TreeBuilder {
  constructor(
    private readonly bytes: Uint8Array,
    private readonly sink: IssueSink,
  ) {}

  /** Expands nodes with the values of the template instance they belong to. */
  build(nodes: readonly ContentNode[], values: readonly SubstitutionValue[]): XmlNode[] {
    const out: XmlNode[] = [];
    for (const node of nodes) this.expand(node, values, out);
    return out;
  }

  private expand(node: ContentNode, values: readonly SubstitutionValue[], out: XmlNode[]): void {
    switch (node.kind) {
      case 'element':
        out.push(...this.expandElement(node, values));
        return;
      case 'template':
        out.push(...this.build(node.definition.children, node.values));
        return;
      case 'substitution':
        out.push(...this.substitutionContent(this.resolve(node, values)));
        return;
      case 'text':
        if (node.issue !== undefined) this.sink.issue(node.issue);
        out.push(node);
        return;
      default:
        out.push(node);
    }
  }

  /**
   * One element, or none when an optional substitution in it is NULL, or one copy per item
   * when its content is an array value.
   */
  private expandElement(node: ElementNode, values: readonly SubstitutionValue[]): XmlElement[] {
    const arrayIndex = node.children.findIndex(
      (child) => child.kind === 'substitution' && isArrayValue(values[child.index]),
    );
    if (arrayIndex < 0 && this.isDropped(node, values)) return [];

    const attributes = this.expandAttributes(node, values);
    if (arrayIndex >= 0) return this.expandArrayElement(node, attributes, values, arrayIndex);
    if (node.nameIssue !== undefined) this.sink.issue(node.nameIssue);
    const children = this.build(node.children, values);
    return [{ kind: 'element', name: node.name, attributes, children, empty: node.empty }];
  }

  private expandArrayElement(
    node: ElementNode,
    attributes: XmlElement['attributes'],
    values: readonly SubstitutionValue[],
    arrayIndex: number,
  ): XmlElement[] {
    const hole = node.children[arrayIndex] as SubstitutionNode;
    const resolved = this.resolve(hole, values);
    const items = resolved.kind === 'array' ? resolved.items : [];
    const copies = items.length === 0 ? [''] : items;

    return copies.map((item) => {
      const children: XmlNode[] = [];
      node.children.forEach((child, i) => {
        if (i === arrayIndex) children.push({ kind: 'text', text: item });
        else this.expand(child, values, children);
      });
      return { kind: 'element', name: node.name, attributes, children, empty: node.empty };
    });
  }

  /**
   * An element made only of substitutions disappears when an optional one is NULL, as Windows
   * omits `<Data Name='x'>%1</Data>` for a NULL value; an element with other content stays.
   */
  private isDropped(node: ElementNode, values: readonly SubstitutionValue[]): boolean {
    const onlySubstitutions = node.children.every((child) => child.kind === 'substitution');
    return onlySubstitutions && node.children.some((child) => this.isDroppedBy(child, values));
  }

  private isDroppedBy(child: ContentNode, values: readonly SubstitutionValue[]): boolean {
    return child.kind === 'substitution' && child.optional && isNullValue(values[child.index]);
  }

  private expandAttributes(
    node: ElementNode,
    values: readonly SubstitutionValue[],
  ): Array<readonly [string, string]> {
    const attributes: Array<readonly [string, string]> = [];
    for (const attribute of node.attributes) {
      const dropped = attribute.value.some((part) => this.isDroppedBy(part, values));
      if (dropped) continue;
      attributes.push([attribute.name, this.attributeText(attribute.value, values)]);
    }
    return attributes;
  }

  private attributeText(parts: readonly ValuePart[], values: readonly SubstitutionValue[]): string {
    let text = '';
    for (const part of parts) {
      if (part.kind === 'text') {
        if (part.issue !== undefined) this.sink.issue(part.issue);
        text += part.text;
      } else if (part.kind === 'entity') text += entityText(part.name);
      else if (part.kind === 'charref') text += String.fromCharCode(part.code);
      else text += resolvedText(this.resolve(part, values));
    }
    return text;
  }

  private resolve(node: SubstitutionNode, values: readonly SubstitutionValue[]): Resolved {
    const value = values[node.index];
    if (!value) {
      this.sink.issue(`substitution ${node.index} has no value (${values.length} given)`);
      return NULL;
    }
    if (value.nested) return { kind: 'xml', nodes: this.build(value.nested, []) };
    if (value.type & ARRAY_FLAG) {
      return {
        kind: 'array',
        items: renderArray(this.bytes, value.type, value.offset, value.size, this.sink),
      };
    }
    const text = renderScalar(this.bytes, value.type, value.offset, value.size, this.sink);
    return text === null ? NULL : { kind: 'text', text };
  }

  private substitutionContent(resolved: Resolved): XmlNode[] {
    if (resolved.kind === 'xml') return [...resolved.nodes];
    if (resolved.kind === 'null') return [];
    return [{ kind: 'text', text: resolvedText(resolved) }];
  }
}

function isNullValue(value: SubstitutionValue | undefined): boolean {
  return value === undefined || value.type === ValueType.Null;
}

function isArrayValue(value: SubstitutionValue | undefined): boolean {
  return value !== undefined && (value.type & ARRAY_FLAG) !== 0 && value.type !== ValueType.Null;
}

function resolvedText(resolved: Resolved): string {
  if (resolved.kind === 'text') return resolved.text;
  if (resolved.kind === 'array') return resolved.items.join(' ');
  if (resolved.kind === 'xml') return resolved.nodes.map(nodeText).join('');
  return '';
}

/** The text content of a node, as a structured field would hold it. */
export function nodeText(node: XmlNode): string {
  switch (node.kind) {
    case 'text':
    case 'cdata':
      return node.text;
    case 'entity':
      return entityText(node.name);
    case 'charref':
      return String.fromCharCode(node.code);
    case 'pi':
      return '';
    default:
      return node.children.map(nodeText).join('');
  }
}

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

/** The character an entity stands for; unknown entities keep their `&name;` form. */
export function entityText(name: string): string {
  return ENTITIES[name] ?? `&${name};`;
}
