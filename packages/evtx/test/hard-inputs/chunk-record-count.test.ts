/** A chunk header that claims more records than were written. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ChunkBuilder, evtxFile, sysmonEvent } from '../support/index.js';
import { ids, parse, where } from '../support/parse.js';

function threeRecords(): ChunkBuilder {
  const builder = new ChunkBuilder();
  for (const id of [1, 2, 3]) builder.add(sysmonEvent({ eventId: 3, recordId: id, fields: {} }));
  return builder;
}

test('EvtxFile reads the records that exist when the chunk header claims ten', async () => {
  const chunk = threeRecords().build({ lastRecordNumber: 10n, lastRecordId: 10n });
  const parsed = await parse(evtxFile([chunk]));

  assert.deepEqual(ids(parsed), ['1', '2', '3']);
  // The header's CRC holds, so ids 4-10 are taken as records the chunk no longer has.
  assert.deepEqual(parsed.summary.records, { read: 3, failed: 0, missing: 7 });
  assert.equal(parsed.summary.lost, true);
  assert.equal(parsed.chunks[0]?.firstRecordId, 1n);
  assert.equal(parsed.chunks[0]?.lastRecordId, 10n);
  const chunkHeader = parsed.summary.diagnostics.filter((d) => d.structure === 'chunk header');
  assert.deepEqual(
    chunkHeader.map((d) => [d.severity, d.offset, d.chunkIndex]),
    [['warning', 0x1000, 0]],
  );
});

test('EvtxFile reports zeroed space where the free space offset promises more records', async () => {
  const builder = threeRecords();
  const end = builder.freeSpaceOffset;
  const chunk = builder.build({ lastRecordId: 10n, freeSpaceOffset: end + 4096 });
  const parsed = await parse(evtxFile([chunk]));

  assert.deepEqual(ids(parsed), ['1', '2', '3']);
  assert.equal(parsed.summary.records.read, 3);
  const record = parsed.summary.diagnostics.filter((d) => d.structure === 'record');
  assert.deepEqual(where(record), [`error record @${0x1000 + end}`]);
});
