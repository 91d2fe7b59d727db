/**
 * The compiled form of BinXml: a template's tree is parsed once per chunk into these nodes,
 * and each record only adds its substitution values, decoded when read.
 */
import type { PlanShape, StructuredPlan } from '../render/plan.js';

export type ContentNode =
  | ElementNode
  | TextNode
  | EntityNode
  | CharRefNode
  | CDataNode
  | PINode
  | SubstitutionNode
  | TemplateInstanceNode;

/** An attribute's value is made of these parts, concatenated. */
export type ValuePart = TextNode | EntityNode | CharRefNode | SubstitutionNode;

export interface ElementNode {
  readonly kind: 'element';
  readonly name: string;
  readonly attributes: readonly AttributeNode[];
  readonly children: readonly ContentNode[];
  /** True when written with a close-empty-element token (`<X/>`). */
  readonly empty: boolean;
  /** A problem met decoding the element's name (it is still used). */
  readonly nameIssue?: string;
}

export interface AttributeNode {
  readonly name: string;
  readonly value: readonly ValuePart[];
}

/** A character reference such as `&#174;`, by code. */
export interface CharRefNode {
  readonly kind: 'charref';
  readonly code: number;
}

/** Literal text, from a value token. */
export interface TextNode {
  readonly kind: 'text';
  readonly text: string;
  /** A problem met decoding the text (it is still used). */
  readonly issue?: string;
}

/** An entity reference such as `&amp;`, by name. */
export interface EntityNode {
  readonly kind: 'entity';
  readonly name: string;
}

export interface CDataNode {
  readonly kind: 'cdata';
  readonly text: string;
}

export interface PINode {
  readonly kind: 'pi';
  readonly target: string;
  readonly data: string;
}

/** A hole in a template, filled from the instance's values by index. */
export interface SubstitutionNode {
  readonly kind: 'substitution';
  readonly index: number;
  /** The type the template declares; the value's own descriptor type wins when rendering. */
  readonly valueType: number;
  /** Optional substitutions drop their element or attribute when the value is NULL. */
  readonly optional: boolean;
}

export interface TemplateInstanceNode {
  readonly kind: 'template';
  readonly definition: TemplateDefinition;
  readonly values: readonly SubstitutionValue[];
}

export interface TemplateDefinition {
  /** Chunk-relative offset of the definition. */
  readonly offset: number;
  readonly guid: string;
  readonly children: readonly ContentNode[];
  /**
   * The structured plans of `children`, compiled on first use: shared by every chunk whose
   * definition is the same (binxml/template-cache.ts), so each is compiled once per file.
   */
  readonly plans: TemplatePlans;
}

/** A template's plan for each way it is used; null where that use has no plan. */
export type TemplatePlans = { [shape in PlanShape]?: StructuredPlan | null };

/** One substitution value: where its bytes are in the chunk, and its type. */
export interface SubstitutionValue {
  readonly type: number;
  readonly offset: number;
  readonly size: number;
  /** For BinXml values (type 0x21): the parsed fragment. */
  readonly nested?: readonly ContentNode[];
}
