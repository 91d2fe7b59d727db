/** Inputs over a named limit fail their record with an error naming the limit and the offset. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Limits } from '../../src/binxml/tokens.js';
import {
  ChunkBuilder,
  el,
  eventRecord,
  evtxFile,
  nestedElements,
  raw,
  sub,
  sysmonEvent,
  template,
  templateGuid,
  value,
  ValueType,
  type Fragment,
} from '../support/index.js';
import { ids, parse } from '../support/parse.js';

test('EvtxFile names maxElementDepth and the offset of the element too deep', async () => {
  const builder = new ChunkBuilder();
  builder.add(sysmonEvent({ eventId: 1, recordId: 1, fields: { Image: 'a.exe' } }));
  const nameAt = builder.nameOffset('Data') ?? 0;
  const root = el('EventData', {}, raw(nestedElements(100, nameAt)));
  const at =
    0x1000 +
    builder.add(eventRecord({ recordId: 2, eventId: 1 }, template(templateGuid('deep'), root, [])));
  const parsed = await parse(evtxFile([builder.build()]));

  assert.deepEqual(ids(parsed), ['1']);
  const [error] = parsed.summary.diagnostics.filter((d) => d.recordId === '2');
  assert.equal(error?.severity, 'error');
  assert.equal(error.structure, 'binxml');
  assert.equal(error.limit, 'maxElementDepth');
  assert.deepEqual(parsed.summary.limitsHit, { maxElementDepth: 1 });
  assert.equal(
    error.message,
    `element depth 65 over the limit maxElementDepth (${Limits.maxElementDepth})`,
  );
  // The 65th open-element token: 13 bytes per level after the template's own elements.
  assert.ok(error.offset > at && error.offset < at + 2000, `offset 0x${error.offset.toString(16)}`);
});

test('EvtxFile names maxSubstitutions and the offset of the value table', async () => {
  const count = Limits.maxSubstitutions + 1;
  const values = Array.from({ length: count }, () => value.string('x'));
  const root = el('EventData', {}, el('Data', { Name: 'X' }, sub(0, ValueType.String)));
  const builder = new ChunkBuilder();
  const at =
    0x1000 +
    builder.add(
      eventRecord({ recordId: 7, eventId: 1 }, template(templateGuid('wide'), root, values)),
    );
  const file = evtxFile([builder.build()]);
  const parsed = await parse(file);

  assert.deepEqual(parsed.summary.records, { read: 0, failed: 1, missing: 0 });
  assert.deepEqual(parsed.summary.limitsHit, { maxSubstitutions: 1 });
  const [error] = parsed.summary.diagnostics.filter((d) => d.recordId === '7');
  assert.equal(error?.limit, 'maxSubstitutions');
  assert.equal(
    error?.message,
    `${count} substitution values over the limit maxSubstitutions (4096)`,
  );
  // The offset is the value table's, where the count was read.
  assert.ok(error.offset > at);
  assert.equal(new DataView(file.buffer, file.byteOffset).getUint32(error.offset, true), count);
});

test('EvtxFile names maxTemplateDepth for template instances nested in BinXml values', async () => {
  const nest = (levels: number): Fragment => {
    let inner = template(templateGuid('leaf'), el('L', {}, sub(0, ValueType.String)), [
      value.string('x'),
    ]);
    for (let i = 1; i < levels; i++) {
      inner = template(templateGuid('wrap'), el('W', {}, sub(0, ValueType.BinXml)), [
        value.binxml(inner),
      ]);
    }
    return inner;
  };
  const builder = new ChunkBuilder();
  // eventRecord puts the fragment in the event's own template instance: one level more.
  builder.add(eventRecord({ recordId: 1, eventId: 1 }, nest(Limits.maxTemplateDepth - 1)));
  builder.add(eventRecord({ recordId: 2, eventId: 1 }, nest(Limits.maxTemplateDepth)));
  const parsed = await parse(evtxFile([builder.build()]));

  assert.deepEqual(ids(parsed), ['1'], '16 instances deep is within the limit');
  const [error] = parsed.summary.diagnostics.filter((d) => d.recordId === '2');
  assert.equal(error?.severity, 'error');
  assert.equal(error.message, 'template nesting 17 over the limit maxTemplateDepth (16)');
  assert.equal(error.limit, 'maxTemplateDepth');
  assert.deepEqual(parsed.summary.limitsHit, { maxTemplateDepth: 1 });
});

test('EvtxFile counts limits hit by name, and none for a record failed otherwise', async () => {
  const builder = new ChunkBuilder();
  const nameAt = () => builder.nameOffset('Data') ?? 0;
  builder.add(sysmonEvent({ eventId: 1, recordId: 1, fields: { Image: 'a.exe' } }));
  const deep = (id: number) =>
    eventRecord(
      { recordId: id, eventId: 1 },
      template(
        templateGuid(`deep${id}`),
        el('EventData', {}, raw(nestedElements(70, nameAt()))),
        [],
      ),
    );
  builder.add(deep(2));
  builder.add(deep(3));
  const clean = await parse(evtxFile([builder.build()]));

  assert.deepEqual(clean.summary.limitsHit, { maxElementDepth: 2 });
  // A second pass over the same file counts afresh.
  let chunks = 0;
  for await (const chunk of clean.file.chunks()) chunks += chunk.index + 1;
  assert.equal(chunks, 1);
  assert.deepEqual(clean.file.summary.limitsHit, { maxElementDepth: 2 });
  assert.deepEqual(clean.summary.records, { read: 1, failed: 2, missing: 0 });
  const plain = await parse(evtxFile([new ChunkBuilder().build()]));
  assert.equal(plain.summary.limitsHit, undefined);
});
