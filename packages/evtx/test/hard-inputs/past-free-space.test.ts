/**
 * Records past a chunk header's free space offset that continue its ids: live only in the
 * chunk Windows was writing when a log not closed cleanly was last open, else recovered.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ChunkBuilder, evtxFile, sysmonEvent } from '../support/index.js';
import { ids, parse } from '../support/parse.js';

/** A chunk holding `from`..`to` whose header (both CRCs valid) ends after `headerLast`. */
function staleChunk(from: number, to: number, headerLast: number): Uint8Array {
  const builder = new ChunkBuilder();
  let free = 0;
  for (let id = from; id <= to; id++) {
    const offset = builder.add(sysmonEvent({ eventId: 1, recordId: id, fields: {} }));
    if (id === headerLast + 1) free = offset;
  }
  const last = BigInt(headerLast);
  return builder.build({ lastRecordNumber: last, lastRecordId: last, freeSpaceOffset: free });
}

function freshChunk(from: number, to: number): Uint8Array {
  const builder = new ChunkBuilder();
  for (let id = from; id <= to; id++) {
    builder.add(sysmonEvent({ eventId: 1, recordId: id, fields: {} }));
  }
  return builder.build();
}

const live = (parsed: Awaited<ReturnType<typeof parse>>) =>
  parsed.records.filter((r) => !r.recovered).map((r) => String(r.recordId));

const pastFreeWarnings = (parsed: Awaited<ReturnType<typeof parse>>) =>
  parsed.summary.diagnostics
    .filter((d) => d.message.includes('past the free space offset'))
    .map((d) => `${d.severity} ${d.structure} @${d.offset.toString(16)}: ${d.message}`);

test('a clean log: records past a valid header free space offset are recovered', async () => {
  const parsed = await parse(evtxFile([freshChunk(1, 3), staleChunk(4, 8, 6)]));

  assert.deepEqual(ids(parsed), ['1', '2', '3', '4', '5', '6', '7', '8']);
  assert.deepEqual(live(parsed), ['1', '2', '3', '4', '5', '6']);
  assert.deepEqual(parsed.summary.records, { read: 6, failed: 0, missing: 0, recovered: 2 });
  assert.equal(parsed.chunks[1]?.pastFreeLastId, 8n);
  const free = (parsed.chunks[1]?.header?.freeSpaceOffset ?? 0).toString(16);
  assert.deepEqual(pastFreeWarnings(parsed), [
    `warning chunk header @11000: 2 records (ids 7-8) past the free space offset 0x${free} continue the id sequence; the header CRC holds and this is not the current chunk of a log left open, so they are recovered, not live`,
  ]);
});

test('a log left open: records past its current chunk free space offset are live', async () => {
  const chunks = [freshChunk(1, 3), staleChunk(4, 8, 6)];
  const parsed = await parse(evtxFile(chunks, { flags: 1, lastChunkNumber: 1n }));

  assert.deepEqual(live(parsed), ['1', '2', '3', '4', '5', '6', '7', '8']);
  assert.deepEqual(parsed.summary.records, { read: 8, failed: 0, missing: 0 });
  const free = (parsed.chunks[1]?.header?.freeSpaceOffset ?? 0).toString(16);
  assert.deepEqual(pastFreeWarnings(parsed), [
    `warning chunk header @11000: 2 records (ids 7-8) past the free space offset 0x${free} continue the id sequence; the chunk header is stale: the log was not closed cleanly and this is its current chunk, so they are live`,
  ]);
});

test('a log left open: records past an earlier chunk free space offset are recovered', async () => {
  const chunks = [staleChunk(1, 5, 3), freshChunk(6, 8)];
  const parsed = await parse(evtxFile(chunks, { flags: 1, lastChunkNumber: 1n }));

  assert.deepEqual(live(parsed), ['1', '2', '3', '6', '7', '8']);
  assert.deepEqual(parsed.summary.records, { read: 6, failed: 0, missing: 0, recovered: 2 });
  assert.equal(pastFreeWarnings(parsed).length, 1);
  assert.match(
    pastFreeWarnings(parsed)[0] ?? '',
    /^warning chunk header @1000: 2 records \(ids 4-5\).* so they are recovered, not live$/,
  );
});
