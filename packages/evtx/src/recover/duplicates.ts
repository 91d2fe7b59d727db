/**
 * Recovered records are never mixed up with live ones. A record found by its signature (in a
 * chunk's unused space, behind a destroyed chunk header, past damage in a chunk whose records
 * CRC fails) may be a copy of a live record anywhere in the file, or of another recovered one.
 * Which is only known once every slot has been read, since a live record read later wins over
 * an earlier recovered copy: the finder keeps the keys of every live record (ids and hashes,
 * recover/record-keys.ts) and of every recovered one through the pass, and at its end says
 * which recovered records are new, to be read again and output after the live ones.
 */
import { hex } from '../errors.js';
import type { Diagnostic } from '../types.js';
import { liveId, type LiveKeys, type RecoveredKey, type SlotKeys } from './record-keys.js';

/** The recovered records of one slot that repeat no other record, to be read again. */
export interface RecoveredToRead {
  readonly index: number;
  /** Absolute file offsets of the records, in file order. */
  readonly offsets: readonly number[];
  /**
   * Those of `offsets` whose template no earlier chunk defines, read with the templates of
   * every chunk (recover/late-records.ts).
   */
  readonly late: readonly number[];
}

/** What the finder decided once the pass was over. */
export interface DuplicateVerdict {
  /** Recovered records that repeat a live record or an earlier recovered one. */
  readonly duplicates: number;
  /** Of those, the ones that waited for templates of later chunks (not counted recovered). */
  readonly lateDuplicates: number;
  /** One `info` per duplicate, naming its offset and the offset of the record it repeats. */
  readonly diagnostics: Diagnostic[];
  /** The other recovered records, slot by slot in file order. */
  readonly toRead: RecoveredToRead[];
}

interface LiveSlot {
  readonly index: number;
  readonly offset: number;
  readonly keys: LiveKeys;
}

interface Recovered {
  readonly index: number;
  readonly key: RecoveredKey;
  /** What it repeats: the record's offset and kind, once known. */
  twin?: { offset: number; index: number; kind: 'live' | 'recovered' };
}

/**
 * Collects the keys of every slot in slot order, then judges the recovered records.
 * TODO: a recovered record's key is an object of some 100 bytes, kept to the end of the pass;
 * a file of little but recovered records (1 GB of destroyed chunks, some 1.5 million records)
 * would hold about 150 MB. Packing them in typed arrays, as the live keys are, would cut that
 * to some 20 bytes a record.
 */
export class DuplicateFinder {
  private readonly live: LiveSlot[] = [];
  private readonly recovered: Recovered[] = [];

  /** The keys of slot `index` at file offset `offset`; slots come in slot order. */
  add(index: number, offset: number, keys: SlotKeys | undefined): void {
    if (keys === undefined) return;
    if (keys.live !== undefined) this.live.push({ index, offset, keys: keys.live });
    for (const key of keys.recovered) this.recovered.push({ index, key });
  }

  /** Marks every recovered record that repeats another; the first live copy wins, then the
   * first recovered one. */
  finish(): DuplicateVerdict {
    const byId = new Map<bigint, Recovered[]>();
    for (const found of this.recovered) {
      const list = byId.get(found.key.recordId);
      if (list === undefined) byId.set(found.key.recordId, [found]);
      else list.push(found);
    }
    if (byId.size > 0) for (const slot of this.live) matchLive(slot, byId);
    matchRecovered(this.recovered);
    return verdict(this.recovered);
  }
}

/** Marks the recovered records with a live record's id and hash as its copies. */
function matchLive(slot: LiveSlot, byId: ReadonlyMap<bigint, Recovered[]>): void {
  const { keys } = slot;
  for (let i = 0; i < keys.hashes.length; i++) {
    const copies = byId.get(liveId(keys, i));
    if (copies === undefined) continue;
    for (const copy of copies) {
      if (copy.twin?.kind === 'live' || copy.key.hash !== keys.hashes[i]) continue;
      const offset = slot.offset + (keys.offsets[i] as number);
      copy.twin = { offset, index: slot.index, kind: 'live' };
    }
  }
}

/** Of recovered records repeating no live one, marks every one after the first of its kind. */
function matchRecovered(recovered: readonly Recovered[]): void {
  const first = new Map<string, Recovered>();
  for (const found of recovered) {
    if (found.twin !== undefined) continue;
    const key = `${found.key.recordId}:${found.key.hash}`;
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, found);
    else found.twin = { offset: earlier.key.offset, index: earlier.index, kind: 'recovered' };
  }
}

function verdict(recovered: readonly Recovered[]): DuplicateVerdict {
  const diagnostics: Diagnostic[] = [];
  const toRead: { index: number; offsets: number[]; late: number[] }[] = [];
  for (const found of recovered) {
    if (found.twin !== undefined) {
      diagnostics.push(describe(found));
      continue;
    }
    let last = toRead.at(-1);
    if (last?.index !== found.index) {
      last = { index: found.index, offsets: [], late: [] };
      toRead.push(last);
    }
    last.offsets.push(found.key.offset);
    if (found.key.late === true) last.late.push(found.key.offset);
  }
  const late = recovered.filter((found) => found.twin !== undefined && found.key.late === true);
  return { duplicates: diagnostics.length, lateDuplicates: late.length, diagnostics, toRead };
}

function describe({ index, key, twin }: Recovered): Diagnostic {
  const where = `the ${twin?.kind} record at ${hex(twin?.offset ?? 0)} (slot ${twin?.index})`;
  return {
    severity: 'info',
    structure: 'record',
    offset: key.offset,
    chunkIndex: index,
    recordId: key.recordId.toString(),
    message: `recovered record at ${hex(key.offset)} repeats ${where}; not output again`,
  };
}
