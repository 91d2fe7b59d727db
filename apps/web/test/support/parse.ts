/** Parses a file on disk in one pass (the sequential reference), collecting every row. */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';

import { bytesSource } from '@evtxhunt/evtx';

import type { CompactRow, ParseOutcome } from '../../src/protocol.js';
import type { RowColumns } from '../../src/row-columns.js';
import { rowsOf } from '../../src/row-columns-read.js';
import { parseEvtx } from '../../src/worker/parse-job.js';

/** Every row of the file at `path`, and how the parse ended. */
export async function parseFile(
  path: string,
): Promise<{ rows: CompactRow[]; outcome: ParseOutcome }> {
  return parseBytes(new Uint8Array(await readFile(path)), basename(path));
}

/** Parses `bytes` as the file `name` in one pass. */
export async function parseBytes(
  bytes: Uint8Array,
  name: string,
): Promise<{ rows: CompactRow[]; outcome: ParseOutcome }> {
  const rows: CompactRow[] = [];
  const sink = {
    rows: (batch: RowColumns) => void rows.push(...rowsOf(batch)),
    cancelled: () => false,
  };
  const outcome = await parseEvtx(bytesSource(bytes, name), sink);
  return { rows, outcome };
}
