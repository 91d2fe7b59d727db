/**
 * The file-wide template cache: a chunk that defines a template the same way as an earlier one
 * reuses its compiled tree, and one that defines it differently (other bytes, or a referenced
 * name that reads otherwise in this chunk) gets its own. Every test checks the records against
 * the same chunks read one by one without a cache.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ChunkContext } from '../../src/binxml/chunk-context.js';
import type { TemplateDefinition } from '../../src/binxml/nodes.js';
import { MAX_VARIANTS_PER_GUID, TemplateCache } from '../../src/binxml/template-cache.js';
import { readChunk } from '../../src/chunk.js';
import type { EvtxRecord } from '../../src/record.js';
import {
  ChunkBuilder,
  el,
  sub,
  template,
  templateGuid,
  value,
  ValueType,
  withOptions,
  type ElementNode,
} from '../support/index.js';

const GUID = templateGuid('cache test');

/** One record of `root` under GUID with one string value. */
function record(recordId: number, root: ElementNode, text: string, guid = GUID) {
  return { recordId, body: template(guid, root, [value.string(text)]) };
}

function event(name: string): ElementNode {
  return el('Event', {}, el(name, {}, sub(0, ValueType.String)));
}

/** Reads `chunks` in turn through one cache; returns records and each chunk's templates. */
function readWithCache(chunks: Uint8Array[]) {
  const cache = new TemplateCache();
  const read = chunks.map((bytes, index) => readChunk(bytes, index, 0x1000, 'c.evtx', cache));
  return read.map(({ records }) => ({ records, templates: templatesOf(records) }));
}

function templatesOf(records: readonly EvtxRecord[]): TemplateDefinition[] {
  const first = records[0] as unknown as { chunk: ChunkContext } | undefined;
  return first === undefined ? [] : [...first.chunk.templates.values()];
}

/** Each chunk read alone, as it was before the cache: the reference. */
function readAlone(chunks: Uint8Array[]) {
  return chunks.map((bytes, index) => readChunk(bytes, index, 0x1000, 'c.evtx').records);
}

function same(chunks: Uint8Array[]) {
  const cached = readWithCache(chunks);
  const alone = readAlone(chunks);
  cached.forEach(({ records }, i) => {
    assert.deepEqual(
      records.map((r) => r.toStructured()),
      alone[i]!.map((r) => r.toStructured()),
    );
    assert.deepEqual(
      records.map((r) => r.toXml()),
      alone[i]!.map((r) => r.toXml()),
    );
  });
  return cached;
}

test('TemplateCache reuses a template defined the same way at another offset', () => {
  // First in its chunk: every name is written inline.
  const first = new ChunkBuilder();
  first.add(record(1, event('Image'), 'a.exe'));
  // After another template: `Event` is a name written before, referenced by offset.
  const second = new ChunkBuilder();
  second.add(record(2, event('Other'), 'x', templateGuid('other')));
  second.add(record(3, event('Image'), 'b.exe'));
  // After a record of plain elements: `Event` again referenced, at another offset.
  const third = new ChunkBuilder();
  third.add({ recordId: 4, body: el('Other', {}, el('Padding'), el('Event')) });
  third.add(record(5, event('Image'), 'c.exe'));
  third.add(record(6, event('Image'), 'd.exe'));

  const [one, two, three] = same([first.build(), second.build(), third.build()]);
  const image = (chunk: typeof one) => chunk!.templates.find((t) => t.guid === GUID)!;
  assert.notEqual(image(three).offset, image(two).offset, 'defined at another offset');
  assert.equal(image(three).children, image(two).children, 'the same compiled tree');
  assert.equal(image(three).plans, image(two).plans, 'and the same plans');
  assert.notEqual(image(two).children, image(one).children, 'names inline: written otherwise');
  assert.deepEqual(
    three!.records.map((r) => r.field('Image')),
    [undefined, 'c.exe', 'd.exe'],
  );
});

test('TemplateCache compiles again a GUID whose definition differs', () => {
  const first = new ChunkBuilder();
  first.add(record(1, event('Image'), 'a.exe'));
  const second = new ChunkBuilder();
  second.add(record(2, event('Query'), 'example.org'));

  const [one, two] = same([first.build(), second.build()]);
  assert.notEqual(two!.templates[0]?.children, one!.templates[0]?.children);
  assert.equal(two!.records[0]?.field('Query'), 'example.org');
  assert.equal(two!.records[0]?.field('Image'), undefined);
});

test('TemplateCache compiles again when a referenced name reads otherwise in the chunk', () => {
  // Both chunks write `Alpha` or `Gamma` at the same offset, then a template whose element
  // names that offset: its bytes are equal in both chunks, its element name is not.
  const chunks = ['Alpha', 'Gamma'].map((name, i) => {
    const builder = new ChunkBuilder();
    builder.add(record(1 + 2 * i, event(name), 'first', templateGuid(`lead ${name}`)));
    const nameAt = builder.nameOffset(name);
    assert.ok(nameAt !== undefined);
    const leaf = withOptions(el('Placeholder', {}, sub(0, ValueType.String)), {
      nameOffset: nameAt,
    });
    builder.add(record(2 + 2 * i, el('Event', {}, leaf), 'second'));
    return builder.build();
  });

  const [one, two] = same(chunks);
  assert.equal(one!.records[1]?.field('Alpha'), 'second');
  assert.equal(two!.records[1]?.field('Gamma'), 'second');
  assert.equal(two!.records[1]?.field('Alpha'), undefined);
});

test('TemplateCache keeps at most MAX_VARIANTS_PER_GUID definitions of one GUID', () => {
  const names = Array.from({ length: MAX_VARIANTS_PER_GUID + 2 }, (_, i) => `Field${i}`);
  const chunks = names.map((name, i) => {
    const builder = new ChunkBuilder();
    builder.add(record(i + 1, event(name), `value ${i}`));
    return builder.build();
  });
  const read = same(chunks);
  read.forEach(({ records }, i) => assert.equal(records[0]?.field(`Field${i}`), `value ${i}`));
  // Past the limit nothing is kept: a chunk defining the last one again compiles it again.
  const again = readWithCache([...chunks, chunks.at(-1)!]);
  assert.notEqual(again.at(-1)!.templates[0]?.children, again.at(-2)!.templates[0]?.children);
  // Within it, the first is reused.
  const early = readWithCache([chunks[0]!, chunks[0]!]);
  assert.equal(early[1]!.templates[0]?.children, early[0]!.templates[0]?.children);
});
