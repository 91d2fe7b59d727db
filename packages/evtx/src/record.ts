/** One event record: its header facts now, its XML and fields when asked for. */
import type { ChunkContext } from './binxml/chunk-context.js';
import {
  bodyNodes,
  isNodes,
  type RecordBody,
  type TemplateRecord,
} from './binxml/template-record.js';
import {
  pickFromStructured,
  readPlanned,
  type FieldPick,
  type PickedFields,
} from './render/field-reader.js';
import type { StructuredPlan } from './render/plan.js';
import { eventPlan, PlanRunner } from './render/planned.js';
import { TreeBuilder, type XmlNode } from './render/tree.js';
import { renderXml } from './render/xml.js';
import { toStructured, type RecordHeaderFacts } from './render/structured.js';
import { filetimeToIso } from './time.js';
import { unsigned64 } from './values/render.js';
import type { FieldValue, StructuredRecord } from './types.js';

export class EvtxRecord {
  constructor(
    private readonly chunk: ChunkContext,
    private readonly body: RecordBody,
    /** The record header's identifier. */
    readonly recordId: bigint,
    /** Absolute byte offset of the record in the file. */
    readonly offset: number,
    /** Index of the chunk slot that holds it. */
    readonly chunkIndex: number,
    /** Source name, copied into structured records. */
    readonly file: string,
    /**
     * True for a record found by its signature rather than read as a live record of a chunk
     * (a chunk whose header was destroyed, the unused space of a chunk, or past damage in a
     * chunk whose CRC fails): real bytes, but no chunk header vouches for them.
     */
    readonly recovered = false,
  ) {}

  /** The record header's FILETIME (when the record was written), ISO-8601 UTC. */
  get writtenTime(): string {
    const at = this.offset - this.chunk.fileOffset;
    return filetimeToIso(
      this.chunk.view.getUint32(at + 16, true),
      this.chunk.view.getUint32(at + 20, true),
    );
  }

  /**
   * System/EventID, decoding nothing else when the record's template has a plan; 0 when the
   * event has none or it is not a number. Equal to `toStructured().eventId`.
   */
  get eventId(): number {
    return this.systemField('EventID').eventId;
  }

  /** System/TimeCreated/@SystemTime, read alone. Equal to `toStructured().timeCreated`. */
  get timeCreated(): string | undefined {
    return this.systemField('TimeCreated').timeCreated;
  }

  /** System/Provider/@Name, read alone. Equal to `toStructured().provider`. */
  get provider(): string {
    return this.systemField('Provider').provider;
  }

  /**
   * One EventData/UserData field by name (Sysmon's `DestinationIp`, `Image`, ...), decoding
   * only the values that can fill it. Equal to `toStructured().data[name]` (an own field;
   * undefined when absent): a repeated name gives every value in order.
   */
  field(name: string): FieldValue | undefined {
    const plan = this.plan();
    if (plan !== undefined) {
      const { found, value } = this.runner().field(this.body as TemplateRecord, plan, name);
      if (found) return value;
    }
    const { data } = this.toStructured();
    return Object.hasOwn(data, name) ? data[name] : undefined;
  }

  /**
   * The fields `pick` names (see compileFieldPick) read into `out` in one pass through the
   * template's plan, decoding only their values; equal to toStructured()'s fields and facts.
   * A record with no plan is built whole and its fields copied.
   */
  pick(pick: FieldPick, out: PickedFields): void {
    const plan = this.plan();
    if (
      plan !== undefined &&
      readPlanned(this.runner(), this.body as TemplateRecord, plan, pick, out)
    ) {
      // No decimal EventRecordID in the System: the header's id stands, as in toStructured().
      if (out.recordId === '' && pick.facts.recordId) out.recordId = this.headerId();
      return;
    }
    pickFromStructured(this.toStructured(), pick, out);
  }

  /** The event as one line of XML, as Windows renders it. */
  toXml(): string {
    return renderXml(this.tree([]));
  }

  /** The event as system fields and data fields by name. */
  toStructured(): StructuredRecord {
    const plan = this.plan();
    if (plan !== undefined) {
      const issues: string[] = [];
      const body = this.body as TemplateRecord;
      const record = this.runner().structured(body, plan, this.header(), issues);
      if (record !== undefined) return this.flagged(withIssues(record, issues));
    }
    return this.toStructuredByTree();
  }

  /**
   * The same record, always built through the element tree (the XML renderer's path). Slower;
   * it is the reference `toStructured` is checked against.
   */
  toStructuredByTree(): StructuredRecord {
    const issues: string[] = [];
    const record = toStructured(this.tree(issues), this.header(), issues);
    return this.flagged(withIssues(record, issues));
  }

  /** Live records are left as they are, so their JSON does not change. */
  private flagged(record: StructuredRecord): StructuredRecord {
    if (this.recovered) record.recovered = true;
    return record;
  }

  private header(): RecordHeaderFacts {
    const at = this.offset - this.chunk.fileOffset;
    const { view } = this.chunk;
    const recordId = this.headerId();
    // Through the runner, which remembers the time for the event's TimeCreated.
    const low = view.getUint32(at + 16, true);
    const writtenTime = this.runner().filetime(low, view.getUint32(at + 20, true));
    return { file: this.file, recordId, writtenTime };
  }

  /** The header's id again, as decimal from its two halves (cheaper than BigInt's toString). */
  private headerId(): string {
    const at = this.offset - this.chunk.fileOffset;
    const { view } = this.chunk;
    return unsigned64(view.getUint32(at + 8, true), view.getUint32(at + 12, true));
  }

  /** A record with the System children named `element` read, by plan or through the tree. */
  private systemField(element: string): StructuredRecord {
    const plan = this.plan();
    const body = this.body as TemplateRecord;
    const record = plan && this.runner().system(body, plan, element);
    return record ?? this.toStructured();
  }

  /** The plan of the record's template, when the record is one template instance with one. */
  private plan(): StructuredPlan | undefined {
    return isNodes(this.body) ? undefined : eventPlan(this.body);
  }

  /** The chunk's runner, made on first use and shared by its records. */
  private runner(): PlanRunner {
    this.chunk.runner ??= new PlanRunner(this.chunk);
    return this.chunk.runner;
  }

  private tree(issues: string[]): XmlNode[] {
    const sink = { issue: (message: string) => void issues.push(message) };
    const builder = new TreeBuilder(this.chunk.bytes, sink);
    return builder.build(bodyNodes(this.body, this.chunk.view), []);
  }
}

function withIssues(record: StructuredRecord, issues: string[]): StructuredRecord {
  if (issues.length > 0) record.issues = issues;
  return record;
}
