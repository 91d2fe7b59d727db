/**
 * A record whose header id lies outside the first-to-last record ids its chunk header names.
 * Windows numbers a chunk's records one after another within that range, so such a record is
 * not vouched for by the header: flagged recovered when the header CRC holds, warned about
 * either way, and never taken as the ids the chunk holds.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ChunkBuilder, chunkOf, evtxFile, sysmonEvent } from '../support/index.js';
import { parse, type Parsed } from '../support/parse.js';

const event = (recordId: number) => sysmonEvent({ eventId: 3, recordId, fields: {} });

/** Chunk 0 holds ids 1, 2, 999, 3 (its header names 1-3); chunk 1 holds 4-5. */
function plantedLog(headerCrc?: number): { bytes: Uint8Array; plantedAt: number } {
  const builder = new ChunkBuilder();
  builder.add(event(1));
  builder.add(event(2));
  const planted = builder.add(event(999));
  builder.add(event(3));
  const first = builder.build(headerCrc === undefined ? {} : { headerCrc });
  return { bytes: evtxFile([first, chunkOf([event(4), event(5)])]), plantedAt: 0x1000 + planted };
}

const said = (parsed: Parsed) =>
  parsed.summary.diagnostics.map(
    (d) =>
      `${d.severity} ${d.structure} ${d.chunkIndex} @0x${d.offset.toString(16)} ${d.recordId}: ${d.message}`,
  );

test('EvtxFile flags a record outside its chunk header range recovered when the header CRC holds', async () => {
  const { bytes, plantedAt } = plantedLog();
  const parsed = await parse(bytes);

  assert.deepEqual(
    parsed.structured.map((r) => [r.headerRecordId, r.recovered ?? false]),
    // Recovered records come after every live one (recover/duplicates.ts).
    [
      ['1', false],
      ['2', false],
      ['3', false],
      ['4', false],
      ['5', false],
      ['999', true],
    ],
  );
  assert.deepEqual(parsed.summary.records, { read: 5, failed: 0, missing: 0, recovered: 1 });
  // No jump from chunk 0 to chunk 1: the planted id does not widen the ids chunk 0 holds.
  assert.deepEqual(said(parsed), [
    `warning record 0 @0x${plantedAt.toString(16)} 999: record id 999 lies outside the ids 1-3 ` +
      'its chunk header names; the header CRC holds, so the record is read as recovered, not live',
  ]);
  assert.equal(parsed.chunks[0]?.damaged, false);
});

test('EvtxFile keeps a record outside the range live, with the warning, when the header CRC fails', async () => {
  const { bytes, plantedAt } = plantedLog(0x12345678);
  const parsed = await parse(bytes);

  assert.deepEqual(
    parsed.records.map((r) => [String(r.recordId), r.recovered]),
    [
      ['1', false],
      ['2', false],
      ['999', false],
      ['3', false],
      ['4', false],
      ['5', false],
    ],
  );
  assert.deepEqual(parsed.summary.records, { read: 6, failed: 0, missing: 0 });
  assert.deepEqual(said(parsed), [
    'warning chunk header 0 @0x1000 undefined: header CRC mismatch (stored 0x12345678); chunk still read',
    `warning record 0 @0x${plantedAt.toString(16)} 999: record id 999 lies outside the ids 1-3 ` +
      'its chunk header names; the header CRC fails, so the range may be what is damaged; the ' +
      'record is read as live',
  ]);
});

test('EvtxFile counts ids missing after a chunk by its header range, not by a record outside it', async () => {
  const builder = new ChunkBuilder();
  builder.add(event(1));
  builder.add(event(1001));
  builder.add(event(2));
  const parsed = await parse(evtxFile([builder.build(), chunkOf([event(1000)])]));

  // Chunk 0 names 1-2; its record 1001 would otherwise hide the jump to chunk 1's 1000.
  assert.deepEqual(parsed.summary.records, { read: 3, failed: 0, missing: 997, recovered: 1 });
  assert.equal(
    parsed.summary.diagnostics.find((d) => d.structure === 'chunk')?.message,
    'record ids jump from chunk 0 to chunk 1: records 3-999 are missing, 997 in all ' +
      '(chunk 0 ends at 2 and chunk 1 starts at 1000, both by their chunk headers)',
  );
});
