import assert from 'node:assert/strict';
import test from 'node:test';

import { recordXml } from '../../src/xml/render.js';
import { decodeReferences } from '../../src/xml/xml-tokens.js';
import { readAll } from '../helpers.js';

const EVENT = (data: string, system = '<EventID>1</EventID>') =>
  `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>${system}</System><EventData>${data}</EventData></Event>`;

test('decodeReferences resolves the five entities and numeric references only', () => {
  assert.equal(
    decodeReferences('&lt;a&gt; &amp; &quot;&apos; &#13;&#10;&#x1F600;'),
    `<a> & "' \r\n😀`,
  );
  assert.equal(
    decodeReferences('&foo; &constructor; &#0; &#xD800;'),
    '&foo; &constructor; &#0; &#xD800;',
  );
});

test('decodeReferences turns _xHHHH_ back into characters XML cannot hold, and only those', () => {
  assert.equal(decodeReferences('a_x001B_b_x0000_c_xFFFF_'), 'a\x1bb\x00c\uffff');
  assert.equal(decodeReferences('_x0041_ _x0009_ _x00e9_ _x1B_'), '_x0041_ _x0009_ _x00e9_ _x1B_');
});

test('an entity declared in a DOCTYPE is never expanded', async () => {
  const doctype = `<!DOCTYPE Event [<!ENTITY big "${'x'.repeat(100)}"><!ENTITY big2 "&big;&big;">]>`;
  const { records } = await readAll(`${doctype}${EVENT("<Data Name='A'>&big2;</Data>")}`);
  assert.equal(records[0]?.data['A'], '&big2;');
});

test('CDATA, single and double quotes, a prefixed namespace and > in attributes are read', async () => {
  const xml =
    `<e:Event xmlns:e='x'><e:System><e:EventID Qualifiers="16384">7</e:EventID>` +
    `<e:Provider Name='a>b' Guid="{g}"/></e:System><e:EventData>` +
    `<e:Data Name="Cmd"><![CDATA[if a<b & c]]></e:Data></e:EventData></e:Event>`;
  const { records } = await readAll(xml, 3);
  assert.equal(records[0]?.eventId, 7);
  assert.equal(records[0]?.qualifiers, 16384);
  assert.equal(records[0]?.provider, 'a>b');
  assert.equal(records[0]?.data['Cmd'], 'if a<b & c');
});

test('a stream of events with no root (wevtutil qe /f:xml) gives each event', async () => {
  const xml = EVENT("<Data Name='A'>1</Data>") + '\r\n' + EVENT("<Data Name='A'>2</Data>");
  const { records } = await readAll(xml, 11);
  assert.deepEqual(
    records.map((record) => record.data['A']),
    ['1', '2'],
  );
});

test('nesting deeper than the limit skips that event with an error; the next is read', async () => {
  const deep = '<x>'.repeat(80) + '</x>'.repeat(80);
  const xml = EVENT(`<Data Name='A'>${deep}</Data>`) + EVENT("<Data Name='A'>ok</Data>");
  const { records, diagnostics } = await readAll(xml, 64);
  assert.deepEqual(
    records.map((record) => record.data['A']),
    ['ok'],
  );
  assert.equal(diagnostics.length, 1);
  assert.equal(diagnostics[0]?.offset, 0);
  assert.match(diagnostics[0]?.message ?? '', /nested deeper than 64/);
});

test('an event cut off at the end of the input is reported at its start', async () => {
  const first = EVENT("<Data Name='A'>1</Data>");
  const { records, diagnostics } = await readAll(first + '\n<Event><System><EventID>2');
  assert.equal(records.length, 1);
  assert.equal(diagnostics[0]?.offset, first.length + 1);
  assert.equal(diagnostics[0]?.line, 2);
  assert.match(diagnostics[0]?.message ?? '', /cut off/);
});

test('indentation of pretty-printed XML is layout; a value of a line break is kept', async () => {
  const xml = `<Event>\n  <System>\n    <EventID>4</EventID>\n  </System>\n  <EventData>\n    <Data Name='A'>\n    </Data>\n    <Data Name='B'>&#10;</Data>\n    <Data Name='C'>\n</Data>\n  </EventData>\n</Event>`;
  const { records } = await readAll(xml);
  assert.equal(records[0]?.eventId, 4);
  assert.deepEqual({ ...records[0]?.data }, { A: '', B: '\n', C: '\n' });
});

test('text longer than an event may be is dropped with an error, not held; the next event is read', async () => {
  const junk = 'x'.repeat(17 * 1024 * 1024);
  const { records, diagnostics } = await readAll(
    `${EVENT("<Data Name='A'>before</Data>")}${junk}${EVENT("<Data Name='A'>after</Data>")}`,
    1 << 20,
  );
  assert.deepEqual(
    records.map((record) => record.data['A']),
    ['before', 'after'],
  );
  assert.equal(diagnostics.length, 1);
  assert.match(diagnostics[0]?.message ?? '', /longer than 16777216 characters dropped/);
});

test('decodeReferences turns _x005F_ back into the underscore of a literal _xHHHH_', () => {
  assert.equal(decodeReferences('_x005F_x001B_ a_x005F_x005F_b _x005F_'), '_x001B_ a_x005F_b _');
});

test('recordXml writes a literal _xHHHH_ so that it reads back as text, not the character', async () => {
  const values = ['_x001B_', 'a\u001bb_x0041_', '_x005F_x001B_', '__x00e9_', '_x1B_'];
  const record = (await readAll(EVENT("<Data Name='A'>x</Data>"))).records[0];
  assert.ok(record !== undefined);
  record.data = Object.fromEntries(values.map((value, i) => [`F${i}`, value]));
  const xml = recordXml(record);
  assert.match(xml, /<Data Name='F0'>_x005F_x001B_<\/Data>/);
  assert.match(xml, /<Data Name='F1'>a_x001B_b_x005F_x0041_<\/Data>/);

  const back = (await readAll(xml)).records[0];
  assert.deepEqual(back?.data, record.data);
});
