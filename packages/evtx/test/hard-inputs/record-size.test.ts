/** Records whose size field is zero or absurd: the chunk cannot be walked past them. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ChunkBuilder, chunkOf, evtxFile, sysmonEvent } from '../support/index.js';
import { ids, parse, where } from '../support/parse.js';

const event = (recordId: number, size?: number) => ({
  ...sysmonEvent({ eventId: 3, recordId, fields: { DestinationIp: '10.0.0.1' } }),
  ...(size === undefined ? {} : { size }),
});

async function withBadSecondRecord(size: number) {
  const builder = new ChunkBuilder();
  builder.add(event(1));
  const bad = builder.add(event(2, size));
  const second = chunkOf([event(3)]);
  return { parsed: await parse(evtxFile([builder.build(), second])), at: 0x1000 + bad };
}

for (const [label, size] of [
  ['zero', 0],
  ['smaller than a record header', 16],
  ['absurd (4 GiB - 8)', 0xfffffff8],
  ['past the end of the chunk', 0x10000],
] as const) {
  test(`EvtxFile reports a record of ${label} size and goes on with the next chunk`, async () => {
    const { parsed, at } = await withBadSecondRecord(size);

    assert.deepEqual(ids(parsed), ['1', '3']);
    assert.equal(parsed.summary.records.read, 2);
    assert.equal(parsed.summary.records.failed, 1);
    const record = parsed.summary.diagnostics.filter((d) => d.structure === 'record');
    assert.deepEqual(where(record), [`error record @${at}`]);
    assert.equal(record[0]?.chunkIndex, 0);
  });
}

test('EvtxFile reports a record whose trailing size copy disagrees', async () => {
  const builder = new ChunkBuilder();
  builder.add(event(1));
  const at = 0x1000 + builder.add({ ...event(2), trailingSize: 8 });
  builder.add(event(3));
  const parsed = await parse(evtxFile([builder.build()]));

  assert.equal(parsed.records.length >= 2, true);
  assert.equal(ids(parsed).includes('1') && ids(parsed).includes('3'), true);
  assert.deepEqual(
    parsed.summary.diagnostics.filter((d) => d.structure === 'record').map((d) => d.offset),
    [at],
  );
});
