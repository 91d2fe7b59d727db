/**
 * Runs a structured plan over one record's value table. It mirrors, step by step, what the
 * tree path does (TreeBuilder then toStructured): the same values are decoded in the same
 * order, so the record and its issues come out the same. What it does not mirror (an array
 * value that would repeat the whole event, a BinXml value inside a UserData-like leaf) marks
 * the run `unplanned`, and the caller renders the record through the tree instead.
 */
import type { ChunkContext } from '../binxml/chunk-context.js';
import {
  bodyNodes,
  isNodes,
  ValueTable,
  type RecordBody,
  type TemplateRecord,
} from '../binxml/template-record.js';
import { Utf16Cache, type IssueSink } from '../text.js';
import type { FieldValue, StructuredRecord } from '../types.js';
import { filetimeToIso } from '../time.js';
import { renderArray, renderScalar } from '../values/render.js';
import { isCachedType, ValueTextCache } from '../values/text-cache.js';
import { ARRAY_FLAG, ValueType } from '../values/types.js';
import {
  compilePlan,
  type FieldStep,
  type PlanPart,
  type PlanShape,
  type PlanStep,
  type SectionsStep,
} from './plan.js';
import type { StructuredPlan } from './plan.js';
import {
  type AttributeLookup,
  emptyRecord,
  FieldCollector,
  isElement,
  readSection,
  readSystemNumber,
  type RecordHeaderFacts,
  type SystemNumberKey,
} from './structured.js';
import { nodeText, TreeBuilder } from './tree.js';

/** Which steps a run reads: all of them, one System child, or one data field. */
type Want =
  | { readonly kind: 'all' }
  | { readonly kind: 'system'; readonly element: string }
  | { readonly kind: 'field'; readonly name: string };

const ALL: Want = { kind: 'all' };

/** Where the steps of a run write: one per runner, made ready again for each run. */
interface Output {
  record: StructuredRecord;
  readonly data: FieldCollector;
  /** Problems toStructured reports after the tree is built (a non-numeric EventID). */
  readonly late: string[];
}

export class PlanRunner implements AttributeLookup, IssueSink {
  /** Set when the record holds something the plan cannot mirror. */
  private unplanned = false;
  /** Where the run's problems go; undefined when a single value is read and they are not kept. */
  private issues: string[] | undefined;
  private readonly sink: IssueSink = this;
  private want: Want = ALL;
  /** One value table per BinXml nesting level; `table` is the current one. */
  private readonly tables: ValueTable[];
  private table: ValueTable;
  private depth = 0;
  /** The text of each copy of the element last run (one, or one per array item). */
  private readonly texts: string[] = [];
  /** The attributes of the element last run; undefined where one was dropped. */
  private attributeNames: readonly string[] = [];
  private readonly attributeValues: Array<string | undefined> = [];
  /** The file's strings decoded so far, or the chunk's own when the file keeps none. */
  private readonly strings: Utf16Cache;
  private readonly values: ValueTextCache;
  /** Problems met so far; a value whose rendering met one is not kept in `values`. */
  private issueCount = 0;
  /** The FILETIME last rendered: a record's header time is most often its TimeCreated too. */
  private filetimeLow = -1;
  private filetimeHigh = -1;
  private filetimeText = '';
  /**
   * The plan whose data fields are gathered in `pending` to be put in a copy of its data shape
   * at its end, while each gives one value; undefined when fields go straight to the output.
   */
  private shaped: StructuredPlan | undefined;
  private readonly pending: string[] = [];
  private pendingCount = 0;
  private readonly output: Output = {
    record: emptyRecord(NO_HEADER),
    data: new FieldCollector(),
    late: [],
  };

  constructor(private readonly chunk: ChunkContext) {
    this.table = new ValueTable(chunk.bytes, chunk.view);
    this.tables = [this.table];
    // A chunk read without a file's cache (a loose record) gets a small one of its own.
    this.strings = chunk.templateCache?.strings ?? new Utf16Cache(LOOSE_CACHE_SLOTS);
    this.values = chunk.templateCache?.values ?? new ValueTextCache();
  }

  /** The whole record, or undefined when the plan could not mirror it. */
  structured(
    record: TemplateRecord,
    plan: StructuredPlan,
    header: RecordHeaderFacts,
    issues: string[],
  ): StructuredRecord | undefined {
    const output = this.run(record, plan, ALL, issues, header);
    if (output === undefined) return undefined;
    output.record.data = output.data.fields;
    if (output.late.length > 0) issues.push(...output.late);
    return output.record;
  }

  /**
   * A record with only the System children named `element` read into it, for reading one
   * System field: the record header's facts are left empty (decoding them cost the pivot's
   * reads of Event ID a time string and an id string per record).
   */
  system(
    record: TemplateRecord,
    plan: StructuredPlan,
    element: string,
  ): StructuredRecord | undefined {
    return this.run(record, plan, { kind: 'system', element }, undefined, NO_HEADER)?.record;
  }

  /** One EventData or UserData field by name; `found` false when the plan could not say. */
  field(
    record: TemplateRecord,
    plan: StructuredPlan,
    name: string,
  ): { found: boolean; value: FieldValue | undefined } {
    const output = this.run(record, plan, { kind: 'field', name }, undefined, NO_HEADER);
    if (output === undefined) return { found: false, value: undefined };
    const { fields } = output.data;
    return { found: true, value: Object.hasOwn(fields, name) ? fields[name] : undefined };
  }

  /** `filetimeToIso`, remembering the last one. */
  filetime(low: number, high: number): string {
    if (low !== this.filetimeLow || high !== this.filetimeHigh) {
      this.filetimeText = filetimeToIso(low, high);
      this.filetimeLow = low;
      this.filetimeHigh = high;
    }
    return this.filetimeText;
  }

  /** Keeps a problem met decoding a value, when the run keeps them. */
  issue(message: string): void {
    this.issueCount++;
    this.issues?.push(message);
  }

  /** The first attribute kept with this name, of the element last run. */
  get(name: string): string | undefined {
    for (let i = 0; i < this.attributeNames.length; i++) {
      if (this.attributeNames[i] === name && this.attributeValues[i] !== undefined) {
        return this.attributeValues[i];
      }
    }
    return undefined;
  }

  // Hooks for the field reader (field-reader.ts), which walks a plan itself and runs only the
  // field steps it was asked for.

  /** Points the runner at a record's values (as the current table) and keeps no issues. */
  begin(body: TemplateRecord): ValueTable {
    this.issues = undefined;
    this.want = ALL;
    this.unplanned = false;
    this.depth = 0;
    this.table = this.tables[0]!;
    this.table.load(body);
    return this.table;
  }

  /** Makes a BinXml value's table the current one, until `leave()`. */
  enter(body: TemplateRecord): ValueTable {
    this.depth++;
    this.tables[this.depth] ??= new ValueTable(this.chunk.bytes, this.chunk.view);
    this.table = this.tables[this.depth]!;
    this.table.load(body);
    return this.table;
  }

  leave(): void {
    this.depth--;
    this.table = this.tables[this.depth]!;
  }

  /**
   * A System or EventData field step over the current table: how many copies of the element
   * it makes (0 when dropped), their texts in `fieldTexts`, their attributes through get().
   */
  readField(step: FieldStep): number {
    return this.runField(step);
  }

  /** The texts of the copies the last `readField` made. */
  get fieldTexts(): readonly string[] {
    return this.texts;
  }

  private run(
    body: TemplateRecord,
    plan: StructuredPlan,
    want: Want,
    issues: string[] | undefined,
    header: RecordHeaderFacts,
  ): Output | undefined {
    this.issues = issues;
    this.want = want;
    this.unplanned = false;
    this.shaped = undefined;
    this.depth = 0;
    this.table = this.tables[0]!;
    this.table.load(body);
    const { output } = this;
    output.record = emptyRecord(header);
    output.data.reset();
    output.late.length = 0;
    this.runPlan(plan, output);
    return this.unplanned ? undefined : output;
  }

  /** Runs a step; returns how many elements it made (0 when dropped). */
  private runStep(step: PlanStep, output: Output): number {
    if (step.kind === 'sections') {
      this.runSections(step, output);
      return 0;
    }
    if (step.kind === 'container') {
      let made = 0;
      for (const child of step.children) made += this.runStep(child, output);
      if (made === 0) output.data.add(step.name, '');
      return 1;
    }
    if (step.section === 'leaf' && this.holdsNested(step)) return this.runLeafNested(step, output);
    if (!this.wanted(step)) return 1;
    const number = step.systemNumber;
    if (number !== undefined && this.readNumber(step, number, output.record)) return 1;
    const copies = this.runField(step);
    if (step.section !== 'system') return this.addData(step, copies, output);
    const read = step.readSystem!;
    for (let i = 0; i < copies; i++) read(this.texts[i]!, this, output.record, output.late);
    return copies;
  }

  /**
   * A System number from an unsigned value of 8, 16 or 32 bits, whose text would be its
   * decimal digits; false for any other value, which is read as text.
   */
  private readNumber(step: FieldStep, key: SystemNumberKey, record: StructuredRecord): boolean {
    const { table } = this;
    const part = step.parts[0]!;
    if (part.index >= table.count) return false;
    const type = table.type(part.index);
    const size = table.size(part.index);
    const at = table.offset(part.index);
    let value: number;
    if (type === ValueType.UInt16 && size === 2) value = table.view.getUint16(at, true);
    else if (type === ValueType.UInt8 && size === 1) value = table.bytes[at]!;
    else if (type === ValueType.UInt32 && size === 4) value = table.view.getUint32(at, true);
    else return false;
    // Attributes first, as runAny reads them (EventID's Qualifiers).
    if (step.attributes.length > 0) this.runAttributes(step);
    else this.attributeNames = NO_NAMES;
    readSystemNumber(key, value, this, record);
    return true;
  }

  /** Adds the copies of a data field: kept in `pending` while each field gives one. */
  private addData(step: FieldStep, copies: number, output: Output): number {
    if (this.shaped !== undefined && copies === 1) {
      this.pending[this.pendingCount++] = this.texts[0]!;
      return 1;
    }
    this.flushPending(output);
    for (let i = 0; i < copies; i++) output.data.add(step.name, this.texts[i]!);
    return copies;
  }

  /** Puts the fields gathered so far in the output one by one, and gathers no more. */
  private flushPending(output: Output): void {
    const plan = this.shaped;
    if (plan === undefined) return;
    this.shaped = undefined;
    for (let i = 0; i < this.pendingCount; i++) {
      output.data.add(plan.dataNames[i]!, this.pending[i]!);
    }
  }

  /**
   * A leaf whose content is one BinXml value (Windows writes `<UserData>%1</UserData>`): the
   * value's elements are read leaf by leaf, with its own plan when it has one. When none is
   * left the element is a field of its own, empty. Other leaves holding XML have no plan.
   */
  private runLeafNested(step: FieldStep, output: Output): number {
    const body = step.parts.length === 1 ? this.table.nested(step.parts[0]!.index) : undefined;
    if (body === undefined) {
      this.unplanned = true;
      return 1;
    }
    this.runAttributes(step);
    const plan = isNodes(body) ? undefined : cachedPlan(body, 'leaves');
    if (plan === undefined || isNodes(body)) {
      const children = new TreeBuilder(this.chunk.bytes, this.sink).build(this.nodesOf(body), []);
      output.data.addLeaves({
        kind: 'element',
        name: step.element,
        attributes: [],
        children,
        empty: false,
      });
      return 1;
    }
    const want = this.want;
    if (want.kind === 'field' && want.name === step.element) this.want = ALL;
    const made = this.runNestedPlan(body, plan, output);
    this.want = want;
    if (made === 0) output.data.add(step.element, '');
    return 1;
  }

  /** True when a part of the step is a BinXml value. */
  private holdsNested(step: FieldStep): boolean {
    for (const part of step.parts) {
      if (part.index >= 0 && part.index < this.table.count && this.table.nested(part.index)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A plan's steps; returns how many elements they made. Reading one field reads them all
   * where a container could fill it.
   */
  private runPlan(plan: StructuredPlan, output: Output): number {
    const want = this.want;
    if (want.kind === 'field' && plan.hasContainers) this.want = ALL;
    const shaped = this.want.kind === 'all' && plan.dataShape !== undefined && output.data.empty;
    if (shaped) this.startShaped(plan);
    let made = 0;
    for (const step of plan.steps) made += this.runStep(step, output);
    if (shaped) this.endShaped(output);
    this.want = want;
    return made;
  }

  /** Gathers the plan's data fields, which go nowhere else while it runs (see addData). */
  private startShaped(plan: StructuredPlan): void {
    this.shaped = plan;
    this.pendingCount = 0;
  }

  /** The plan's fields in a copy of its shape when each gave one value, else one by one. */
  private endShaped(output: Output): void {
    const plan = this.shaped;
    if (plan !== undefined && this.pendingCount === plan.dataNames.length) {
      output.data.fill(plan.dataShape!, plan.dataNames, this.pending);
      this.shaped = undefined;
    }
    this.flushPending(output);
  }

  /** Runs a BinXml value's plan with the value's table as the current one. */
  private runNestedPlan(body: TemplateRecord, plan: StructuredPlan, output: Output): number {
    this.depth++;
    this.tables[this.depth] ??= new ValueTable(this.chunk.bytes, this.chunk.view);
    this.table = this.tables[this.depth]!;
    this.table.load(body);
    const made = this.runPlan(plan, output);
    this.depth--;
    this.table = this.tables[this.depth]!;
    return made;
  }

  private wanted(step: FieldStep): boolean {
    const want = this.want;
    if (want.kind === 'all') return true;
    if (want.kind === 'system') return step.section === 'system' && step.element === want.element;
    return step.section !== 'system' && step.name === want.name;
  }

  /**
   * The element's copies, as TreeBuilder.expandElement makes them: none when an optional
   * substitution is NULL, one per item when a child substitution is an array, else one.
   */
  private runField(step: FieldStep): number {
    return step.single === undefined ? this.runAny(step) : this.runSingle(step, step.single);
  }

  /** The usual field: no attributes, one substitution as its whole content. */
  private runSingle(step: FieldStep, part: PlanPart): number {
    const { table } = this;
    if (part.index < table.count) {
      const type = table.type(part.index);
      if (type & ARRAY_FLAG) return this.runAny(step);
      if (type === ValueType.Null && part.optional) return 0;
    } else if (part.optional) return 0;

    this.attributeNames = NO_NAMES;
    this.texts[0] = this.valueText(part.index, step.section === 'leaf');
    return 1;
  }

  private runAny(step: FieldStep): number {
    const arrayAt = step.substituted ? this.arrayPart(step.parts) : -1;
    if (arrayAt < 0 && step.droppable && this.isDropped(step.parts)) return 0;

    this.runAttributes(step);
    if (arrayAt >= 0) return this.runArray(step, arrayAt);
    this.texts[0] = this.partsText(step.parts, step.section === 'leaf');
    return 1;
  }

  private runArray(step: FieldStep, arrayAt: number): number {
    const items = this.items(step.parts[arrayAt]!.index);
    const copies = items.length === 0 ? 1 : items.length;
    for (let copy = 0; copy < copies; copy++) {
      let text = '';
      for (let i = 0; i < step.parts.length; i++) {
        if (i === arrayAt) text += items[copy] ?? '';
        else text += this.partText(step.parts[i]!, step.section === 'leaf');
      }
      this.texts[copy] = text;
    }
    return copies;
  }

  /** Attribute values in order; a dropped attribute is undefined, as if absent. */
  private runAttributes(step: FieldStep): void {
    const { attributes } = step;
    for (let i = 0; i < attributes.length; i++) {
      const { parts, droppable } = attributes[i]!;
      const dropped = droppable && this.isDropped(parts);
      this.attributeValues[i] = dropped ? undefined : this.partsText(parts, false);
    }
    this.attributeNames = step.attributeNames;
  }

  /**
   * A substitution among the sections: a BinXml value's sections are read with its own plan
   * (or through the tree when it has none); other values add only text, which is not kept.
   */
  private runSections(step: SectionsStep, output: Output): void {
    const { table } = this;
    if (step.index >= table.count) return void this.missing(step.index);
    const body = table.nested(step.index);
    if (body !== undefined) return this.runNested(body, output);

    const type = table.type(step.index);
    if (type & ARRAY_FLAG && step.inEvent) this.unplanned = true;
    else this.valueText(step.index, false);
  }

  private runNested(body: RecordBody, output: Output): void {
    const plan = isNodes(body) ? undefined : sectionsPlan(body);
    if (plan === undefined || isNodes(body)) return this.readTree(body, output);

    this.runNestedPlan(body, plan, output);
  }

  /** A BinXml value with no plan: its tree, read section by section as toStructured does. */
  private readTree(body: RecordBody, output: Output): void {
    const nodes = new TreeBuilder(this.chunk.bytes, this.sink).build(this.nodesOf(body), []);
    for (const node of nodes) {
      if (isElement(node)) readSection(node, output.record, output.data, output.late);
    }
  }

  /** `inLeaf`: the parts are the content of a UserData-like leaf, where XML cannot go. */
  private partsText(parts: readonly PlanPart[], inLeaf: boolean): string {
    if (parts.length === 1) return this.partText(parts[0]!, inLeaf);
    let text = '';
    for (const part of parts) text += this.partText(part, inLeaf);
    return text;
  }

  private partText(part: PlanPart, inLeaf: boolean): string {
    return part.index < 0 ? part.text : this.valueText(part.index, inLeaf);
  }

  /** A value as text, as the tree's resolve then nodeText make it. */
  private valueText(index: number, inLeaf: boolean): string {
    const { table } = this;
    if (index >= table.count) return this.missing(index);
    const nested = table.nested(index);
    if (nested !== undefined) return this.nestedText(nested, inLeaf);
    const type = table.type(index);
    if (type === ValueType.String) {
      return this.strings.decode(table.bytes, table.offset(index), table.size(index) >>> 1, this);
    }
    if (type & ARRAY_FLAG) return this.items(index).join(' ');
    if (isCachedType(type)) return this.cachedText(type, index);
    if (type === ValueType.FileTime && table.size(index) === 8) {
      const at = table.offset(index);
      return this.filetime(table.view.getUint32(at, true), table.view.getUint32(at + 4, true));
    }
    const text = renderScalar(table.bytes, type, table.offset(index), table.size(index), this.sink);
    return text ?? '';
  }

  /** A GUID, SID or keywords value, rendered once per file and found again by its bytes. */
  private cachedText(type: number, index: number): string {
    const { bytes } = this.table;
    const offset = this.table.offset(index);
    const size = this.table.size(index);
    const kept = this.values.find(bytes, type, offset, size);
    if (kept !== undefined) return kept;

    const issues = this.issueCount;
    const text = renderScalar(bytes, type, offset, size, this.sink) ?? '';
    if (this.issueCount === issues) this.values.keep(bytes, type, offset, size, text);
    return text;
  }

  private missing(index: number): string {
    this.sink.issue(`substitution ${index} has no value (${this.table.count} given)`);
    return '';
  }

  /**
   * A BinXml value's text, through the tree for that one value. In a leaf its elements would
   * turn the leaf into a container, which the plan does not mirror.
   * TODO: a leaf mixing a BinXml value with other content (`<X>a%1</X>`) goes through the tree;
   * no log seen so far writes one, so it has no plan of its own.
   */
  private nestedText(body: RecordBody, inLeaf: boolean): string {
    if (inLeaf) {
      this.unplanned = true;
      return '';
    }
    const nodes = new TreeBuilder(this.chunk.bytes, this.sink).build(this.nodesOf(body), []);
    return nodes.map(nodeText).join('');
  }

  private nodesOf(body: RecordBody): ReturnType<typeof bodyNodes> {
    return bodyNodes(body, this.chunk.view);
  }

  private items(index: number): string[] {
    const { table } = this;
    const type = table.type(index);
    return renderArray(table.bytes, type, table.offset(index), table.size(index), this.sink);
  }

  private arrayPart(parts: readonly PlanPart[]): number {
    for (let i = 0; i < parts.length; i++) {
      const index = parts[i]!.index;
      if (index >= 0 && index < this.table.count && (this.table.type(index) & ARRAY_FLAG) !== 0) {
        return i;
      }
    }
    return -1;
  }

  /** True when an optional substitution among the parts is NULL or has no value at all. */
  private isDropped(parts: readonly PlanPart[]): boolean {
    for (const part of parts) {
      if (!part.optional) continue;
      if (part.index >= this.table.count) return true;
      if (this.table.type(part.index) === ValueType.Null) return true;
    }
    return false;
  }
}

const NO_NAMES: readonly string[] = [];
/** String cache slots for a chunk without a file's cache. */
const LOOSE_CACHE_SLOTS = 64;
const NO_HEADER: RecordHeaderFacts = { file: '', recordId: '', writtenTime: '' };

/** The plan of a record's template, compiled on first use and kept with the template. */
export function eventPlan(body: TemplateRecord): StructuredPlan | undefined {
  return cachedPlan(body, 'event');
}

/** The plan of a BinXml value among the sections (EventData as Windows often writes it). */
export function sectionsPlan(body: TemplateRecord): StructuredPlan | undefined {
  return cachedPlan(body, 'sections');
}

function cachedPlan(body: TemplateRecord, shape: PlanShape): StructuredPlan | undefined {
  const { plans } = body.definition;
  let plan = plans[shape];
  if (plan === undefined) {
    plan = compilePlan(body.definition, shape) ?? null;
    plans[shape] = plan;
  }
  return plan ?? undefined;
}
