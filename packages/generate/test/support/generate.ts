/** Generates a log in memory and reads it back with our parser, for tests. */
import { EvtxFile, bytesSource, type StructuredRecord, type FileSummary } from '@evtxhunt/evtx';

import { SysmonLogGenerator, type GenerateOptions } from '../../src/index.js';
import type { Label } from '../../src/injections.js';

export interface Generated {
  readonly bytes: Uint8Array;
  readonly records: number;
  readonly labels: readonly Label[];
}

/** The whole log as bytes: header, then every chunk. */
export function generate(options: GenerateOptions): Generated {
  const generator = new SysmonLogGenerator(options);
  const chunks = [...generator.chunks()];
  const bytes = new Uint8Array(4096 + 65536 * chunks.length);
  bytes.set(generator.fileHeader(), 0);
  chunks.forEach((chunk, i) => bytes.set(chunk, 4096 + 65536 * i));
  return { bytes, records: generator.records, labels: generator.labels };
}

/** Every record as structured data, and the parser's summary. */
export async function readBack(
  bytes: Uint8Array,
): Promise<{ records: StructuredRecord[]; summary: FileSummary }> {
  const file = await EvtxFile.open(bytesSource(bytes, 'generated.evtx'));
  const records: StructuredRecord[] = [];
  for await (const record of file.records()) records.push(record.toStructured());
  return { records, summary: file.summary };
}
