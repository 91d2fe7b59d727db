/** One event record: its header facts now, its XML and fields when asked for. */
import type { ChunkContext } from './binxml/chunk-context.js';
import type { ContentNode } from './binxml/nodes.js';
import { TreeBuilder, type XmlNode } from './render/tree.js';
import { renderXml } from './render/xml.js';
import { toStructured } from './render/structured.js';
import { filetimeToIso } from './time.js';
import type { StructuredRecord } from './types.js';

export class EvtxRecord {
  constructor(
    private readonly chunk: ChunkContext,
    private readonly nodes: readonly ContentNode[],
    /** The record header's identifier. */
    readonly recordId: bigint,
    /** Absolute byte offset of the record in the file. */
    readonly offset: number,
    /** Index of the chunk slot that holds it. */
    readonly chunkIndex: number,
    /** Source name, copied into structured records. */
    readonly file: string,
  ) {}

  /** The record header's FILETIME (when the record was written), ISO-8601 UTC. */
  get writtenTime(): string {
    const at = this.offset - this.chunk.fileOffset;
    return filetimeToIso(
      this.chunk.view.getUint32(at + 16, true),
      this.chunk.view.getUint32(at + 20, true),
    );
  }

  /** The event as one line of XML, as Windows renders it. */
  toXml(): string {
    return renderXml(this.tree([]));
  }

  /** The event as system fields and data fields by name. */
  toStructured(): StructuredRecord {
    const issues: string[] = [];
    const tree = this.tree(issues);
    const header = {
      file: this.file,
      recordId: this.recordId.toString(),
      writtenTime: this.writtenTime,
    };
    const record = toStructured(tree, header, issues);
    if (issues.length > 0) record.issues = issues;
    return record;
  }

  private tree(issues: string[]): XmlNode[] {
    const sink = { issue: (message: string) => void issues.push(message) };
    return new TreeBuilder(this.chunk.bytes, sink).build(this.nodes, []);
  }
}
