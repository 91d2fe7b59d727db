/**
 * A structured plan: a template's tree walked once per chunk into the list of fields it makes,
 * each with where its text comes from (constant text or a substitution by index). A record of
 * that template then becomes a structured record by decoding only its values, with no element
 * tree. Templates of any other shape have no plan and go through the tree.
 */
import type { ContentNode, ElementNode, TemplateDefinition, ValuePart } from '../binxml/nodes.js';
import {
  SYSTEM_NUMBERS,
  systemFieldReader,
  type SystemFieldReader,
  type SystemNumberKey,
} from './structured.js';
import { entityText } from './tree.js';

/** Constant text (`index` -1), or the substitution that fills the place. */
export interface PlanPart {
  readonly text: string;
  readonly index: number;
  /** Optional substitutions drop their element or attribute when the value is NULL. */
  readonly optional: boolean;
}

export interface PlanAttribute {
  readonly name: string;
  readonly parts: readonly PlanPart[];
  /** True when a part is optional: the attribute is dropped when its value is NULL. */
  readonly droppable: boolean;
}

/** Where a field's values go: a System child, an EventData child, or another section's leaf. */
export type FieldSection = 'system' | 'data' | 'leaf';

/** One element of the template that becomes a field (or a System value) of the record. */
export interface FieldStep {
  readonly kind: 'field';
  readonly section: FieldSection;
  /** The element's name: the System child's name, or the leaf's name. */
  readonly element: string;
  /** The data field it fills: `Data`'s Name attribute, else the element's name. */
  readonly name: string;
  readonly attributes: readonly PlanAttribute[];
  /** The attributes' names, in order. */
  readonly attributeNames: readonly string[];
  readonly parts: readonly PlanPart[];
  /** True when every child is a substitution: an optional NULL one then drops the element. */
  readonly onlySubstitutions: boolean;
  /** The substitution, when it is the whole content and there are no attributes. */
  readonly single: PlanPart | undefined;
  /** True when a part of the content is a substitution (which may be an array). */
  readonly substituted: boolean;
  /** True when `onlySubstitutions` and a part is optional: a NULL value drops the element. */
  readonly droppable: boolean;
  /**
   * For a System child read as a number (EventID, Version, Level, Task, Opcode) whose content
   * is one substitution, the record's key: an unsigned integer value is put there without
   * making its text.
   */
  readonly systemNumber: SystemNumberKey | undefined;
  /** For a System child, `readSystemField` for its name, found when the plan is made. */
  readonly readSystem: SystemFieldReader | undefined;
}

/**
 * An element of a UserData-like section with child elements: its leaves are the fields, and
 * when every leaf is dropped it becomes an empty field of its own name.
 */
export interface ContainerStep {
  readonly kind: 'container';
  readonly name: string;
  readonly children: readonly PlanStep[];
}

/**
 * A substitution among the sections (a child of `Event`, or the top of a BinXml value): Windows
 * puts EventData there as a BinXml value holding a template instance of its own.
 */
export interface SectionsStep {
  readonly kind: 'sections';
  readonly index: number;
  /** True inside `Event`, where an array value would repeat the whole event. */
  readonly inEvent: boolean;
}

export type PlanStep = FieldStep | ContainerStep | SectionsStep;

export interface StructuredPlan {
  /** In document order. */
  readonly steps: readonly PlanStep[];
  /** True when a container can fill a field of its own name: reading one field reads all. */
  readonly hasContainers: boolean;
  /**
   * For a plan of System and EventData fields only, with no data name twice (nor
   * `__proto__`): an object with its data names in order, each empty. A record whose fields
   * each give one value gets a copy of it with the values put in, with no check per field for
   * a name seen before. (V8 copies the shape's layout whole only while the copying site has
   * seen a few shapes; past that it adds the fields one by one.) Undefined for any
   * other plan.
   */
  readonly dataShape: Readonly<Record<string, string>> | undefined;
  /** The keys of `dataShape`, in order; empty when it is undefined. */
  readonly dataNames: readonly string[];
}

/**
 * Where a template is used: `event`, a record's template (one root element whose children are
 * the sections); `sections`, a BinXml value among the sections (the sections themselves);
 * `leaves`, a BinXml value inside a UserData-like element (elements read leaf by leaf).
 */
export type PlanShape = 'event' | 'sections' | 'leaves';

/** Compiles the plan of a template used as `shape`; undefined when its shape has none. */
export function compilePlan(
  definition: TemplateDefinition,
  shape: PlanShape,
): StructuredPlan | undefined {
  if (shape === 'sections') return planOf(sectionsSteps(definition.children, false));
  if (shape === 'leaves') return planOf(leavesSteps(definition.children));
  const [event, ...rest] = definition.children;
  if (rest.length > 0 || event?.kind !== 'element' || event.nameIssue !== undefined) {
    return undefined;
  }
  if (!event.attributes.every((attribute) => isConstant(attribute.value))) return undefined;
  // With no element child, an optional NULL value would drop the whole event.
  if (!event.children.some((child) => child.kind === 'element')) return undefined;
  return planOf(sectionsSteps(event.children, true));
}

function planOf(steps: PlanStep[] | undefined): StructuredPlan | undefined {
  if (steps === undefined) return undefined;
  const dataNames = flatDataNames(steps);
  const dataShape = dataNames === undefined ? undefined : shapeOf(dataNames);
  return {
    steps,
    hasContainers: steps.some(holdsContainer),
    dataShape,
    dataNames: dataNames ?? [],
  };
}

/**
 * The data names of a plan of System and EventData fields, when each is there once and none
 * is `__proto__` (which an object literal's copy would take as its prototype); else undefined.
 */
function flatDataNames(steps: readonly PlanStep[]): string[] | undefined {
  const names: string[] = [];
  for (const step of steps) {
    if (step.kind !== 'field' || step.section === 'leaf') return undefined;
    if (step.section === 'data') names.push(step.name);
  }
  const distinct = new Set(names);
  if (names.length === 0 || distinct.size < names.length || distinct.has('__proto__')) {
    return undefined;
  }
  return names;
}

/** An object with `names` as its keys in order, each empty. */
function shapeOf(names: readonly string[]): Record<string, string> {
  const shape: Record<string, string> = {};
  for (const name of names) shape[name] = '';
  return shape;
}

function holdsContainer(step: PlanStep): boolean {
  return step.kind === 'container';
}

function sectionsSteps(nodes: readonly ContentNode[], inEvent: boolean): PlanStep[] | undefined {
  const steps: PlanStep[] = [];
  for (const node of nodes) {
    if (node.kind === 'substitution') {
      steps.push({ kind: 'sections', index: node.index, inEvent });
      continue;
    }
    if (node.kind !== 'element') return undefined;
    const made = sectionSteps(node);
    if (made === undefined) return undefined;
    steps.push(...made);
  }
  return steps;
}

function leavesSteps(nodes: readonly ContentNode[]): PlanStep[] | undefined {
  const steps: PlanStep[] = [];
  for (const node of nodes) {
    const step = node.kind === 'element' ? leafSteps(node) : undefined;
    if (step === undefined) return undefined;
    steps.push(step);
  }
  return steps;
}

function sectionSteps(section: ElementNode): PlanStep[] | undefined {
  if (section.name === 'System' || section.name === 'EventData') {
    if (!isPlainContainer(section)) return undefined;
    const kind = section.name === 'System' ? 'system' : 'data';
    const fields = (section.children as readonly ElementNode[]).map((e) => fieldStep(e, kind));
    return fields.every((step) => step !== undefined) ? fields : undefined;
  }
  const step = leafSteps(section);
  return step === undefined ? undefined : [step];
}

/** UserData and other sections: leaves are fields, elements with children are containers. */
function leafSteps(element: ElementNode): PlanStep | undefined {
  if (!element.children.some((child) => child.kind === 'element')) {
    return fieldStep(element, 'leaf');
  }
  if (!isPlainContainer(element)) return undefined;
  const children: PlanStep[] = [];
  for (const child of element.children as readonly ElementNode[]) {
    const step = leafSteps(child);
    if (step === undefined) return undefined;
    children.push(step);
  }
  return { kind: 'container', name: element.name, children };
}

/**
 * An element that cannot be dropped or repeated and reports nothing: constant attributes,
 * element children only, a clean name.
 */
function isPlainContainer(element: ElementNode): boolean {
  if (element.nameIssue !== undefined) return false;
  if (!element.children.every((child) => child.kind === 'element')) return false;
  return element.attributes.every((attribute) => isConstant(attribute.value));
}

function isConstant(parts: readonly ValuePart[]): boolean {
  return parts.every((part) => part.kind !== 'substitution' && planPart(part) !== undefined);
}

/** A field element: text, references and substitutions only; undefined for anything else. */
function fieldStep(element: ElementNode, section: FieldSection): FieldStep | undefined {
  if (element.nameIssue !== undefined) return undefined;
  const parts = planParts(element.children);
  const attributes: PlanAttribute[] = [];
  for (const attribute of element.attributes) {
    const attributeParts = planParts(attribute.value);
    if (attributeParts === undefined) return undefined;
    const droppable = attributeParts.some((part) => part.optional);
    attributes.push({ name: attribute.name, parts: attributeParts, droppable });
  }
  const name = section === 'data' ? dataName(element, attributes) : element.name;
  if (parts === undefined || name === undefined) return undefined;

  const onlySubstitutions = element.children.every((child) => child.kind === 'substitution');
  const attributeNames = attributes.map((attribute) => attribute.name);
  const [first] = parts;
  const isSingle = parts.length === 1 && first!.index >= 0 && attributes.length === 0;
  const isNumber = parts.length === 1 && first!.index >= 0 && section === 'system';
  return {
    kind: 'field',
    section,
    element: element.name,
    name,
    attributes,
    attributeNames,
    parts,
    onlySubstitutions,
    single: isSingle ? first : undefined,
    substituted: parts.some((part) => part.index >= 0),
    droppable: onlySubstitutions && parts.some((part) => part.optional),
    systemNumber: isNumber ? SYSTEM_NUMBERS.get(element.name) : undefined,
    readSystem: section === 'system' ? systemFieldReader(element.name) : undefined,
  };
}

/**
 * `Data` takes its Name attribute (which must be constant), else the element's name.
 * TODO: a Name filled by a substitution leaves the whole template to the tree path; Windows
 * manifests always write constant names, so none of the corpus needs it.
 */
function dataName(element: ElementNode, attributes: readonly PlanAttribute[]): string | undefined {
  if (element.name !== 'Data') return element.name;
  const attribute = attributes.find((candidate) => candidate.name === 'Name');
  if (attribute === undefined) return 'Data';
  if (attribute.parts.some((part) => part.index >= 0)) return undefined;
  return attribute.parts.map((part) => part.text).join('');
}

function planParts(nodes: readonly ContentNode[]): PlanPart[] | undefined {
  const parts: PlanPart[] = [];
  for (const node of nodes) {
    const part = planPart(node);
    if (part === undefined) return undefined;
    parts.push(part);
  }
  return parts;
}

/** A node as a part; undefined for nodes a plan does not cover (and text with a problem). */
function planPart(node: ContentNode): PlanPart | undefined {
  switch (node.kind) {
    case 'text':
      return node.issue === undefined ? constant(node.text) : undefined;
    case 'entity':
      return constant(entityText(node.name));
    case 'charref':
      return constant(String.fromCharCode(node.code));
    case 'substitution':
      return { text: '', index: node.index, optional: node.optional };
    default:
      return undefined;
  }
}

function constant(text: string): PlanPart {
  return { text, index: -1, optional: false };
}
