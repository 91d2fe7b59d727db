/** One event record: its header facts now, its XML and fields when asked for. */
import type { ChunkContext } from './binxml/chunk-context.js';
import type { ContentNode } from './binxml/nodes.js';
import { TreeBuilder, type XmlNode } from './render/tree.js';
import { renderXml } from './render/xml.js';
import { toStructured } from './render/structured.js';
import type { StructuredRecord } from './types.js';

export class EvtxRecord {
  constructor(
    private readonly chunk: ChunkContext,
    private readonly nodes: readonly ContentNode[],
    /** The record header's identifier. */
    readonly recordId: bigint,
    /** The record header's FILETIME, ISO-8601 UTC. */
    readonly writtenTime: string,
    /** Absolute byte offset of the record in the file. */
    readonly offset: number,
    /** Index of the chunk slot that holds it. */
    readonly chunkIndex: number,
    /** Source name, copied into structured records. */
    readonly file: string,
    /** Problems found while reading the record header (the record was still read). */
    private readonly headerIssues: readonly string[] = [],
  ) {}

  /** The event as one line of XML, as Windows renders it. */
  toXml(): string {
    return renderXml(this.tree([]));
  }

  /** The event as system fields and data fields by name. */
  toStructured(): StructuredRecord {
    const issues = [...this.headerIssues];
    const tree = this.tree(issues);
    const header = { recordId: this.recordId.toString(), writtenTime: this.writtenTime };
    const record = toStructured(tree, header, issues);
    if (issues.length > 0) record.issues = issues;
    return { file: this.file, ...record };
  }

  private tree(issues: string[]): XmlNode[] {
    const sink = { issue: (message: string) => void issues.push(message) };
    return new TreeBuilder(this.chunk.bytes, sink).build(this.nodes, []);
  }
}
