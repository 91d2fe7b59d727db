/** Parses a file on disk the way a worker does, collecting every row. */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';

import { bytesSource } from '@evtxhunt/evtx';

import type { CompactRow } from '../../src/protocol.js';
import { parseEvtx, type ParseOutcome } from '../../src/worker/parse-job.js';

/** Every row of the file at `path`, and how the parse ended. */
export async function parseFile(
  path: string,
): Promise<{ rows: CompactRow[]; outcome: ParseOutcome }> {
  return parseBytes(new Uint8Array(await readFile(path)), basename(path));
}

/** Parses `bytes` as the file `name` the way a worker does. */
export async function parseBytes(
  bytes: Uint8Array,
  name: string,
): Promise<{ rows: CompactRow[]; outcome: ParseOutcome }> {
  const rows: CompactRow[] = [];
  const sink = {
    rows: (batch: readonly CompactRow[]) => void rows.push(...batch),
    cancelled: () => false,
  };
  const outcome = await parseEvtx(bytesSource(bytes, name), sink);
  return { rows, outcome };
}
