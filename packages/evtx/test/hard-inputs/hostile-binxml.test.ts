/** Hostile BinXml: bad template offsets, unknown tokens, deep nesting. Never a crash or hang. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
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
  type RecordSpec,
} from '../support/index.js';
import { ids, parse } from '../support/parse.js';

/** Records 1 and 3 are good; record 2 is `middle`. */
async function between(middle: RecordSpec) {
  const builder = new ChunkBuilder();
  builder.add(sysmonEvent({ eventId: 1, recordId: 1, fields: { Image: 'a.exe' } }));
  const at = 0x1000 + builder.add(middle);
  builder.add(sysmonEvent({ eventId: 1, recordId: 3, fields: { Image: 'c.exe' } }));
  return { parsed: await parse(evtxFile([builder.build()])), at };
}

function expectOnlyMiddleFailed(parsed: Awaited<ReturnType<typeof between>>['parsed']): void {
  assert.deepEqual(ids(parsed), ['1', '3']);
  assert.deepEqual(parsed.summary.records, { read: 2, failed: 1, missing: 0 });
  const errors = parsed.summary.diagnostics.filter((d) => d.severity === 'error');
  assert.deepEqual(
    errors.map((d) => d.recordId),
    ['2'],
  );
}

test('EvtxFile reports a template definition offset outside the chunk', async () => {
  const fragment: Fragment = {
    ...template(templateGuid('far'), el('EventData', {}), []),
    definitionOffset: 0x00ffff00,
  };
  const { parsed } = await between(eventRecord({ recordId: 2, eventId: 1 }, fragment));
  expectOnlyMiddleFailed(parsed);
});

test('EvtxFile reports an unknown BinXml token inside a template', async () => {
  const root = el('EventData', {}, el('Data', { Name: 'X' }, raw([0x1f, 0x00, 0x00])));
  const fragment = template(templateGuid('bad-token'), root, []);
  const { parsed } = await between(eventRecord({ recordId: 2, eventId: 1 }, fragment));
  expectOnlyMiddleFailed(parsed);
});

test('EvtxFile does not overflow the stack on 4000 nested elements', async () => {
  const builder = new ChunkBuilder();
  builder.add(sysmonEvent({ eventId: 1, recordId: 1, fields: { Image: 'a.exe' } }));
  const nameAt = builder.nameOffset('Data') ?? 0;
  const root = el('EventData', {}, raw(nestedElements(4000, nameAt)));
  const fragment = template(templateGuid('deep'), root, []);
  builder.add(eventRecord({ recordId: 2, eventId: 1 }, fragment));
  const parsed = await parse(evtxFile([builder.build()]));

  assert.equal(ids(parsed).includes('1'), true);
  assert.equal(parsed.summary.records.read + parsed.summary.records.failed, 2);
  // Refusing it under a nesting budget is fine, but then record 2 must be named.
  const aboutTwo = parsed.summary.diagnostics.filter((d) => d.recordId === '2');
  assert.equal(aboutTwo.length, parsed.summary.records.failed);
});

test('EvtxFile does not loop on BinXml values nested 200 deep', async () => {
  let inner: Fragment = template(templateGuid('leaf'), el('L', {}, sub(0, ValueType.String)), [
    value.string('x'),
  ]);
  for (let i = 0; i < 200; i++) {
    inner = template(templateGuid('wrap'), el('W', {}, sub(0, ValueType.BinXml)), [
      value.binxml(inner),
    ]);
  }
  const { parsed } = await between(eventRecord({ recordId: 2, eventId: 1 }, inner));
  assert.equal(ids(parsed).includes('1') && ids(parsed).includes('3'), true);
  assert.equal(parsed.summary.records.read + parsed.summary.records.failed, 3);
});
