/** The chunk job of `dump --threads`: a worker turns a chunk's records into its output lines. */
import type { ChunkJob } from '@evtxhunt/evtx/node';

import { structuredLineFor, type DumpFormat } from '../export/dump-formats.js';
import { dumpLine, type DumpStyle } from '../record-lines.js';

/** What the main thread tells each worker: the format and the `--query` text. */
export interface DumpJobOptions {
  readonly format: DumpFormat;
  readonly query: string | undefined;
}

const noQuery = { queryOption: () => undefined };

/** This module, for the pool's `job.module`. */
export const DUMP_JOB = new URL('./dump-job.js', import.meta.url);

/**
 * Builds the job: per chunk, its lines, each ending in a newline, as UTF-8 (moved to the main
 * thread without a copy, and written as they are). The query engine is imported only for a
 * query: it would cost every thread some 12 MB. Written bytes go back to the pool (recycle), so
 * they are freed by a worker's frequent collections, not by the main thread's rare ones.
 */
export async function createChunkJob(options: DumpJobOptions): Promise<ChunkJob<Uint8Array>> {
  const utf8 = new TextEncoder();
  const { queryOption } =
    options.query === undefined ? noQuery : await import('../query-option.js');
  const style: DumpStyle = {
    format: options.format,
    line: await structuredLineFor(options.format),
    matches: queryOption(options.query),
  };
  return (records) => {
    const lines: string[] = [];
    for (const record of records) {
      const line = dumpLine(record, record.file, style);
      if (line !== undefined) lines.push(line, '\n');
    }
    return utf8.encode(lines.join(''));
  };
}
