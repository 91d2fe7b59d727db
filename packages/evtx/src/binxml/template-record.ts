/**
 * A record body read without nodes: its template and where its value table lies. Values are
 * decoded from the table only when a rendering asks for them.
 */
import type { ContentNode, SubstitutionValue, TemplateDefinition } from './nodes.js';

/** A record (or BinXml value) that is one template instance: the usual shape Windows writes. */
export interface TemplateRecord {
  readonly definition: TemplateDefinition;
  /** Chunk offset of the value table: a 32-bit count, then 4-byte descriptors, then values. */
  readonly tableAt: number;
  readonly count: number;
  /** BinXml values by index, read when the record was read; undefined when it has none. */
  readonly nested: ReadonlyArray<RecordBody | undefined> | undefined;
}

/**
 * What a record's (or a BinXml value's) BinXml was read into: the parsed nodes, or, for the
 * usual shape of one template instance, just where its values are.
 */
export type RecordBody = readonly ContentNode[] | TemplateRecord;

/** True when the body was parsed into nodes. */
export function isNodes(body: RecordBody): body is readonly ContentNode[] {
  return Array.isArray(body);
}

/** The body as nodes, for the tree renderer. */
export function bodyNodes(body: RecordBody, view: DataView): readonly ContentNode[] {
  if (isNodes(body)) return body;
  const values = substitutionValues(body, view);
  return [{ kind: 'template', definition: body.definition, values }];
}

/**
 * Reads the values of one template record after another without an object per value: `load`
 * points it at a record and works out each value's offset into a reused array.
 */
export class ValueTable {
  private offsets = new Uint32Array(64);
  private tableAt = 0;
  private nestedValues: TemplateRecord['nested'] = undefined;
  /** Values in the record last loaded. */
  count = 0;

  constructor(
    readonly bytes: Uint8Array,
    readonly view: DataView,
  ) {}

  load(record: TemplateRecord): void {
    this.tableAt = record.tableAt;
    this.count = record.count;
    this.nestedValues = record.nested;
    if (this.offsets.length < record.count) this.offsets = new Uint32Array(record.count);

    let data = record.tableAt + 4 + 4 * record.count;
    for (let i = 0; i < record.count; i++) {
      this.offsets[i] = data;
      data += this.view.getUint16(record.tableAt + 4 + 4 * i, true);
    }
  }

  type(index: number): number {
    return this.bytes[this.tableAt + 6 + 4 * index]!;
  }

  size(index: number): number {
    return this.view.getUint16(this.tableAt + 4 + 4 * index, true);
  }

  offset(index: number): number {
    return this.offsets[index]!;
  }

  /** The body of a BinXml value, if the value is one. */
  nested(index: number): RecordBody | undefined {
    return this.nestedValues?.[index];
  }
}

/** The record's values as node-tree values, for the tree renderer. */
export function substitutionValues(record: TemplateRecord, view: DataView): SubstitutionValue[] {
  const values: SubstitutionValue[] = [];
  let data = record.tableAt + 4 + 4 * record.count;
  for (let i = 0; i < record.count; i++) {
    const size = view.getUint16(record.tableAt + 4 + 4 * i, true);
    const type = view.getUint8(record.tableAt + 6 + 4 * i);
    const body = record.nested?.[i];
    const value = { type, offset: data, size };
    values.push(body === undefined ? value : { ...value, nested: bodyNodes(body, view) });
    data += size;
  }
  return values;
}
