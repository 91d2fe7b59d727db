/** Real EVTX files from test/fixtures (origins in test/fixtures/ORIGIN.md). */
import { readFileSync } from 'node:fs';
import type { StructuredRecord } from '../../src/types.js';
import { parse, type Parsed } from './parse.js';

/** Absolute path of a fixture, from the compiled test's place under dist/. */
export function fixturePath(name: string): string {
  return new URL(`../../../test/fixtures/${name}`, import.meta.url).pathname;
}

/** Parse a fixture file held in memory. */
export function parseFixture(name: string): Promise<Parsed> {
  return parse(new Uint8Array(readFileSync(fixturePath(name))), name);
}

/** `EventID:count` pairs sorted by EventID, like INVENTORY.tsv's `eventid_counts`. */
export function eventIdCounts(records: readonly StructuredRecord[]): string {
  const counts = new Map<number, number>();
  for (const r of records) counts.set(r.eventId, (counts.get(r.eventId) ?? 0) + 1);
  return [...counts.entries()]
    .sort(([a], [b]) => a - b)
    .map(([id, n]) => `${id}:${n}`)
    .join(',');
}

/** Smallest and largest System/EventRecordID, compared as integers. */
export function recordIdRange(records: readonly StructuredRecord[]): [string, string] {
  const ids = records.map((r) => BigInt(r.recordId)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return [String(ids[0]), String(ids.at(-1))];
}

/** Earliest and latest TimeCreated (ISO strings of equal shape sort as times). */
export function timeRange(records: readonly StructuredRecord[]): [string, string] {
  const times = records.flatMap((r) => (r.timeCreated ? [r.timeCreated] : [])).sort();
  return [times[0] ?? '', times.at(-1) ?? ''];
}
