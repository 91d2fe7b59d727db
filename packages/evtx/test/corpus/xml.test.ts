import { test } from 'node:test';
import assert from 'node:assert/strict';

import { attributeOf, decodeEntities, findAll, parseXml, textOf } from './xml.js';
import type { XmlElement } from './xml.js';

function only(text: string): XmlElement {
  const [node] = parseXml(text);
  assert.ok(node !== undefined && typeof node !== 'string', 'expected one element');
  return node;
}

test('parseXml reads attributes in either quote style', () => {
  const element = only(`<Provider Name='Microsoft-Windows-Sysmon' Guid="{5770385f}"/>`);

  assert.equal(element.name, 'Provider');
  assert.deepEqual(element.attributes, [
    ['Name', 'Microsoft-Windows-Sysmon'],
    ['Guid', '{5770385f}'],
  ]);
  assert.deepEqual(element.children, []);
});

test('parseXml keeps the other quote inside a value', () => {
  const element = only(`<Data a='say "hi"' b="it's">x</Data>`);

  assert.equal(attributeOf(element, 'a'), 'say "hi"');
  assert.equal(attributeOf(element, 'b'), "it's");
});

test('parseXml decodes named and numeric entities in text and attributes', () => {
  const element = only(
    `<Data Name='a&amp;b &apos;q&apos;'>&lt;x&gt; &quot;&#10;&#x41;&#13;</Data>`,
  );

  assert.equal(attributeOf(element, 'Name'), "a&b 'q'");
  assert.equal(textOf(element), '<x> "\nA\r');
});

test('decodeEntities rejects an unknown entity and a bare ampersand', () => {
  assert.throws(() => decodeEntities('&nbsp;'), /unknown entity '&nbsp;'/);
  assert.throws(() => decodeEntities('a & b'), /unterminated reference/);
});

test('parseXml skips a BOM, the declaration and comments, and keeps CDATA as text', () => {
  const nodes = parseXml('\uFEFF<?xml version="1.0"?>\n<!-- c --><a><![CDATA[<b>]]></a>');

  const [a] = findAll(nodes, 'a');
  assert.ok(a !== undefined);
  assert.equal(textOf(a), '<b>');
});

test('parseXml records offsets that slice back to the element', () => {
  const text = `<Events><Event><System/></Event><Event>x</Event></Events>`;
  const events = findAll(parseXml(text), 'Event');

  assert.deepEqual(
    events.map((event) => text.slice(event.start, event.end)),
    ['<Event><System/></Event>', '<Event>x</Event>'],
  );
});

test('parseXml keeps text exactly, including new lines and tabs', () => {
  const element = only('<Data Name="PrivilegeList">SeTcbPrivilege\n\t\t\tSeDebugPrivilege</Data>');

  assert.equal(textOf(element), 'SeTcbPrivilege\n\t\t\tSeDebugPrivilege');
});

test('parseXml names the offset of a mismatched or missing close tag', () => {
  assert.throws(() => parseXml('<a><b></a>'), /offset 6: <\/a> does not close <b>/);
  assert.throws(() => parseXml('<a>text'), /missing <\/a>/);
  assert.throws(() => parseXml(`<a b='x>`), /unterminated value of 'b'/);
});
