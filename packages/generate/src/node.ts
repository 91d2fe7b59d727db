/** Node entry: writes a generated log to a file chunk by chunk, and its labels as JSON. */
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';

import { SysmonLogGenerator, type GenerateOptions } from './generator.js';
import type { Label } from './injections.js';

export * from './index.js';

/** What was written. */
export interface GeneratedLog {
  readonly path: string;
  readonly bytes: number;
  readonly records: number;
  readonly labels: readonly Label[];
}

/**
 * Writes the log to `path` with one chunk in memory at a time: a zero header first, the chunks,
 * then the real header over it. Writes the labels to `labelsPath` when given.
 */
export function writeGeneratedLog(
  path: string,
  options: GenerateOptions,
  labelsPath?: string,
): GeneratedLog {
  const generator = new SysmonLogGenerator(options);
  const fd = openSync(path, 'w');
  let bytes = 0;
  try {
    bytes += writeSync(fd, new Uint8Array(4096), 0, 4096, 0);
    for (const chunk of generator.chunks()) bytes += writeSync(fd, chunk, 0, chunk.length, bytes);
    writeSync(fd, generator.fileHeader(), 0, 4096, 0);
  } finally {
    closeSync(fd);
  }

  const labels = generator.labels;
  if (labelsPath !== undefined) writeFileSync(labelsPath, `${JSON.stringify(labels, null, 2)}\n`);
  return { path, bytes, records: generator.records, labels };
}
