/** Runs the parser over built bytes and collects everything a test asserts on. */
import { bytesSource, EvtxFile, type EvtxRecord, type FileSummary } from '../../src/index.js';
import type { Diagnostic, StructuredRecord } from '../../src/types.js';
import type { ChunkInfo } from '../../src/chunk.js';

export interface Parsed {
  file: EvtxFile;
  records: EvtxRecord[];
  structured: StructuredRecord[];
  xml: string[];
  chunks: ChunkInfo[];
  summary: FileSummary;
}

/** Open `bytes` as `name`, read every record and (separately) the chunk table. */
export async function parse(bytes: Uint8Array, name = 'test.evtx'): Promise<Parsed> {
  const file = await EvtxFile.open(bytesSource(bytes, name));
  const records: EvtxRecord[] = [];
  for await (const record of file.records()) records.push(record);
  const chunks: ChunkInfo[] = [];
  const again = await EvtxFile.open(bytesSource(bytes, name));
  for await (const chunk of again.chunks()) chunks.push(chunk);
  return {
    file,
    records,
    structured: records.map((r) => r.toStructured()),
    xml: records.map((r) => r.toXml()),
    chunks,
    summary: file.summary,
  };
}

/** The record ids read, as decimal strings. */
export const ids = (parsed: Parsed): string[] => parsed.records.map((r) => String(r.recordId));

/** Diagnostics reduced to the fields tests pin down (message text is free to change). */
export function where(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.severity} ${d.structure} @${d.offset}`);
}

/** The first record's data, for single-event tests. */
export async function onlyRecord(
  bytes: Uint8Array,
): Promise<{ xml: string; data: StructuredRecord }> {
  const parsed = await parse(bytes);
  const record = parsed.records[0];
  if (parsed.records.length !== 1 || !record) {
    throw new Error(
      `Expected one record, got ${parsed.records.length}: ${where(parsed.summary.diagnostics).join('; ')}`,
    );
  }
  return { xml: record.toXml(), data: record.toStructured() };
}

/** The `<name ...>...</name>` part of a one-line XML event (first match), or '' if absent. */
export function section(xml: string, name: string): string {
  const match = new RegExp(`<${name}[ >/].*?</${name}>|<${name}(?: [^>]*)?/>`).exec(xml);
  return match?.[0] ?? '';
}

/** The chunk counts tests pin down, without fields added later. */
export function chunkCounts(parsed: Parsed): Record<string, number> {
  const { slots, found, valid, damaged, empty } = parsed.summary.chunks;
  return { slots, found, valid, damaged, empty };
}
