/** A file cut off part-way: in a record, in a chunk header, in the file header. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ChunkBuilder, chunkOf, evtxFile, sysmonEvent } from '../support/index.js';
import { ids, parse, where } from '../support/parse.js';

const event = (recordId: number) =>
  sysmonEvent({ eventId: 3, recordId, fields: { DestinationIp: `10.0.0.${recordId}` } });

function twoChunks() {
  const second = new ChunkBuilder();
  const offsets = [4, 5, 6].map((id) => second.add(event(id)));
  const bytes = evtxFile([chunkOf([1, 2, 3].map(event)), second.build()]);
  return { bytes, offsets: offsets.map((o) => 0x11000 + o) };
}

test('EvtxFile reads the whole records before a cut in the middle of a record', async () => {
  const { bytes, offsets } = twoChunks();
  const cut = offsets[1]! + 40;
  const parsed = await parse(bytes.slice(0, cut));

  assert.deepEqual(ids(parsed), ['1', '2', '3', '4']);
  assert.equal(parsed.structured[3]?.data['DestinationIp'], '10.0.0.4');
  assert.deepEqual(
    parsed.chunks.map((c) => [c.index, c.status]),
    [
      [0, 'ok'],
      [1, 'truncated'],
    ],
  );
  assert.equal(parsed.summary.chunks.slots, 2);
  assert.equal(parsed.summary.chunks.damaged, 1);
  const second = parsed.summary.diagnostics.filter((d) => d.chunkIndex === 1);
  assert.deepEqual(where(second.filter((d) => d.structure === 'record')), [
    `error record @${offsets[1]}`,
  ]);
  assert.equal(second[0]?.offset, 0x11000, 'the cut is reported at the chunk first');
});

test('EvtxFile reports a chunk cut inside its header and keeps the earlier records', async () => {
  const { bytes } = twoChunks();
  const parsed = await parse(bytes.slice(0, 0x11000 + 100));

  assert.deepEqual(ids(parsed), ['1', '2', '3']);
  assert.equal(parsed.chunks[1]?.status, 'truncated');
  assert.equal(
    parsed.summary.diagnostics.some((d) => d.chunkIndex === 1 && d.offset === 0x11000),
    true,
  );
});

test('EvtxFile.open accepts a file cut inside its header and reports it', async () => {
  const { bytes } = twoChunks();
  const parsed = await parse(bytes.slice(0, 50));

  assert.equal(parsed.file.header, undefined);
  assert.deepEqual(ids(parsed), []);
  const header = parsed.summary.diagnostics.filter((d) => d.structure === 'file header');
  assert.deepEqual(
    header.map((d) => [d.severity, d.offset]),
    [['error', 0]],
  );
});

test('EvtxFile reads a zero-byte file as no records and one diagnostic', async () => {
  const parsed = await parse(new Uint8Array(0));
  assert.deepEqual(ids(parsed), []);
  assert.equal(parsed.summary.diagnostics.length, 1);
  assert.equal(parsed.summary.diagnostics[0]?.offset, 0);
});
