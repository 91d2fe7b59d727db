/**
 * Finding evidence back to store rows. The engine names each event behind a finding by file,
 * EventRecordID and Event ID; one pass over the store finds those rows, in the evidence's own
 * (time) order, without building a record per row.
 */
import type { Evidence } from '@evtxhunt/hunt';

import type { EventStore } from '../store/event-store.js';
import { slicedLoop, type Pacer, type StillWanted } from './slices.js';

/** The store rows of some evidence, and how many evidence items matched no row. */
export interface EvidenceRows {
  readonly rows: Uint32Array;
  readonly missing: number;
}

/**
 * The rows of `evidence`, in its order; a record found in two files of the same name gives two
 * rows. Resolves to undefined when `wanted` turned false before the pass ended.
 * TODO: two different files opened under one name cannot be told apart, because evidence names
 * a file by the name the record carries; rows with the same record id in both are both listed.
 * A live record and a recovered one with the same id in one file (an older record left in a
 * damaged chunk) are told apart by the evidence's `recovered` flag.
 */
export async function evidenceRows(
  store: EventStore,
  evidence: readonly Evidence[],
  pacer: Pacer,
  wanted?: StillWanted,
): Promise<EvidenceRows | undefined> {
  const positions = evidencePositions(evidence);
  const found: number[][] = evidence.map(() => []);
  const fileWanted = new Map<number, boolean>();
  const visit = (row: number) => {
    const file = store.fileOf(row);
    let known = fileWanted.get(file);
    if (known === undefined) {
      known = positions.files.has(store.fileName(file) ?? '');
      fileWanted.set(file, known);
    }
    if (!known) return;
    const key = evidenceKey(store.fileName(file), store.cell(row, 'recordId') ?? '');
    const recovered = store.recovered(row);
    for (const at of positions.byKey.get(key) ?? []) {
      const item = evidence[at];
      if (item === undefined || (item.recovered === true) !== recovered) continue;
      if (String(item.eventId) === store.cell(row, 'eventId')) found[at]?.push(row);
    }
  };

  const done = await slicedLoop(store.rowCount, visit, pacer, wanted);
  if (!done) return undefined;
  return { rows: Uint32Array.from(found.flat()), missing: found.filter((r) => !r.length).length };
}

function evidencePositions(evidence: readonly Evidence[]) {
  const byKey = new Map<string, number[]>();
  const files = new Set<string>();
  evidence.forEach((item, at) => {
    const key = evidenceKey(item.file, item.recordId);
    const list = byKey.get(key);
    if (list === undefined) byKey.set(key, [at]);
    else list.push(at);
    files.add(item.file ?? '');
  });
  return { byKey, files };
}

function evidenceKey(file: string | undefined, recordId: string): string {
  return `${file ?? ''}\u0000${recordId}`;
}
