/** Damaged name references: a name offset pointing outside the chunk or at garbage. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  ChunkBuilder,
  el,
  eventRecord,
  evtxFile,
  fixChunkCrcs,
  sub,
  sysmonEvent,
  template,
  templateGuid,
  value,
  ValueType,
  withOptions,
} from '../support/index.js';
import { ids, parse } from '../support/parse.js';

/** EventData whose Data element's name is a reference to `nameOffset` instead of "Data". */
function eventWithBadName(recordId: number, nameOffset: number) {
  const data = withOptions(el('Data', { Name: 'Image' }, sub(0, ValueType.String)), { nameOffset });
  const fragment = template(templateGuid(`bad-name:${nameOffset}`), el('EventData', {}, data), [
    value.string('evil.exe'),
  ]);
  return eventRecord({ recordId, eventId: 1 }, fragment);
}

async function middleRecordBroken(nameOffset: number) {
  const builder = new ChunkBuilder();
  builder.add(sysmonEvent({ eventId: 1, recordId: 1, fields: { Image: 'a.exe' } }));
  const at = 0x1000 + builder.add(eventWithBadName(2, nameOffset));
  builder.add(sysmonEvent({ eventId: 1, recordId: 3, fields: { Image: 'c.exe' } }));
  return { parsed: await parse(evtxFile([builder.build()])), at };
}

for (const [label, offset] of [
  ['beyond the chunk', 0x12345678],
  ['whose characters run past the chunk end', 0xfffa],
] as const) {
  test(`EvtxFile reports a record with a name offset ${label} and reads the others`, async () => {
    const { parsed, at } = await middleRecordBroken(offset);

    assert.deepEqual(ids(parsed), ['1', '3']);
    assert.equal(parsed.structured[1]?.data['Image'], 'c.exe');
    assert.deepEqual(parsed.summary.records, { read: 2, failed: 1, missing: 0 });
    const failed = parsed.summary.diagnostics.filter((d) => d.recordId === '2');
    assert.equal(failed.length, 1);
    assert.equal(failed[0]?.severity, 'error');
    assert.equal(failed[0]?.chunkIndex, 0);
    assert.equal(failed[0]!.offset > at && failed[0]!.offset < at + 0x400, true, 'inside record 2');
  });
}

test('EvtxFile ignores a common string offset table full of garbage', async () => {
  const builder = new ChunkBuilder();
  builder.add(sysmonEvent({ eventId: 3, recordId: 1, fields: { Image: 'a.exe' } }));
  builder.add(sysmonEvent({ eventId: 3, recordId: 2, fields: { Image: 'b.exe' } }));
  const chunk = builder.build();
  const view = new DataView(chunk.buffer);
  for (let i = 0; i < 64; i++) view.setUint32(0x80 + i * 4, 0xfffffff0 - i, true);
  for (let i = 0; i < 32; i++) view.setUint32(0x180 + i * 4, 0x0000fff0, true);
  fixChunkCrcs(chunk);
  const parsed = await parse(evtxFile([chunk]));

  assert.deepEqual(ids(parsed), ['1', '2']);
  assert.deepEqual(
    parsed.structured.map((r) => r.data['Image']),
    ['a.exe', 'b.exe'],
  );
  assert.equal(parsed.summary.records.failed, 0);
});
