/** One file read three ways, for the tests that hold the split and the pool to the original. */
import {
  EvtxFile,
  type ChunkInfo,
  type EvtxFileOptions,
  type FileSummary,
} from '../../src/index.js';
import { ChunkPool, openFileSource } from '../../src/node.js';
import { parseSlots, type SlotReport } from '../../src/slots.js';

/** What one read of a file gave. */
export interface SlotReading {
  chunks: ChunkInfo[];
  /** `recordId@offset` of every record, in the order read. */
  keys: string[];
  summary: FileSummary;
}

/** Today's path: `chunks()`, then `records()`, on one thread. */
export async function readSequential(
  path: string,
  options: EvtxFileOptions = {},
): Promise<SlotReading> {
  const source = await openFileSource(path);
  try {
    const evtx = await EvtxFile.open(source, options);
    const chunks: ChunkInfo[] = [];
    for await (const chunk of evtx.chunks()) chunks.push(chunk);
    const keys: string[] = [];
    for await (const record of evtx.records()) keys.push(`${record.recordId}@${record.offset}`);
    return { chunks, keys, summary: evtx.summary };
  } finally {
    await source.close();
  }
}

/**
 * The split by hand: slots parsed one read each, their reports cloned as a worker's would be
 * (no records cross), and given to the file's accountant in slot order.
 */
export async function readSplit(path: string): Promise<SlotReading> {
  const source = await openFileSource(path);
  try {
    const evtx = await EvtxFile.open(source);
    const accountant = evtx.beginPass<SlotReport & { keys: string[] }>();
    const reading: SlotReading = { chunks: [], keys: [], summary: evtx.summary };
    const take = (released: readonly (SlotReport & { keys: string[] })[]) => {
      for (const slot of released) reading.chunks.push(slot.info);
      for (const slot of released) reading.keys.push(...slot.keys);
    };
    for await (const slot of parseSlots(source, 0, evtx.summary.chunks.slots, 1)) {
      const keys = slot.records.map((record) => `${record.recordId}@${record.offset}`);
      const { info, diagnostics, recordIds } = slot;
      take(accountant.add(structuredClone({ info, diagnostics, recordIds, keys })));
    }
    take(accountant.finish());
    return reading;
  } finally {
    await source.close();
  }
}

/** Through a pool whose job gives `recordId@offset` per record. */
export async function readPooled(
  pool: ChunkPool<string>,
  path: string,
  options: EvtxFileOptions = {},
): Promise<SlotReading> {
  const source = await openFileSource(path);
  try {
    const evtx = await EvtxFile.open(source, options);
    const reading: SlotReading = { chunks: [], keys: [], summary: evtx.summary };
    for await (const { info, output } of pool.read(evtx, path)) {
      reading.chunks.push(info);
      if (output !== undefined && output !== '') reading.keys.push(...output.split(' '));
    }
    return reading;
  } finally {
    await source.close();
  }
}
