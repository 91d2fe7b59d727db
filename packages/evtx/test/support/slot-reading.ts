/** One file read three ways, for the tests that hold the split and the pool to the original. */
import {
  EvtxFile,
  type ChunkInfo,
  type EvtxFileOptions,
  type FileSummary,
} from '../../src/index.js';
import { ChunkPool, openFileSource } from '../../src/node.js';
import type { EvtxRecord } from '../../src/record.js';
import { liveRecords, parseSlots, type SlotReport } from '../../src/slots.js';

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
    const accountant = evtx.beginPass<SlotReport & { names: string[] }>();
    const reading: SlotReading = { chunks: [], keys: [], summary: evtx.summary };
    const take = (released: readonly (SlotReport & { names: string[] })[]) => {
      for (const slot of released) reading.chunks.push(slot.info);
      for (const slot of released) reading.keys.push(...slot.names);
    };
    // Recovered records come after every slot, those that repeat no other: held here by offset.
    const recovered = new Map<number, string>();
    const name = (record: EvtxRecord) => `${record.recordId}@${record.offset}`;
    for await (const slot of parseSlots(source, 0, evtx.summary.chunks.slots, 1)) {
      const names = liveRecords(slot.records).map(name);
      for (const record of slot.records)
        if (record.recovered) recovered.set(record.offset, name(record));
      const { info, diagnostics, recordIds, keys } = slot;
      take(accountant.add(structuredClone({ info, diagnostics, recordIds, keys, names })));
    }
    take(accountant.finish());
    for (const { offsets } of accountant.recoveredToRead()) {
      for (const offset of offsets) reading.keys.push(recovered.get(offset) as string);
    }
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
    for await (const { info, output, recovered } of pool.read(evtx, path)) {
      if (recovered !== true) reading.chunks.push(info);
      if (output !== undefined && output !== '') reading.keys.push(...output.split(' '));
    }
    return reading;
  } finally {
    await source.close();
  }
}
