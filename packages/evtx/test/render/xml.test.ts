/**
 * The XML renderer on crafted records whose names and values are hostile: every output must be
 * well-formed XML 1.0 (checked by test/support/well-formed.ts, written from the specification)
 * and must say exactly what the record held.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { EvtxFile } from '../../src/index.js';
import { openFileSource } from '../../src/node.js';
import { escapeAttribute, escapeText, xmlName } from '../../src/render/xml.js';
import { SAMPLE_PATH, corpusFiles } from '../support/corpus-files.js';
import {
  cdata,
  charRef,
  dataFile,
  el,
  entityRef,
  eventRecord,
  fileWith,
  pi,
  userData,
  value,
} from '../support/index.js';
import { onlyRecord } from '../support/parse.js';
import { wellFormedProblem } from '../support/well-formed.js';

/** Every character XML 1.0 has no room for that a UTF-16 string value can carry, and some. */
const CONTROLS = '\u0000\u0001\u0008\u000b\u000c\u000e\u001b\u001f\ufffe\uffff';

test('escapeText writes markup as entities and invalid characters as _xHHHH_, line breaks raw', () => {
  assert.equal(escapeText('<a href="x">&\'</a>'), '&lt;a href="x"&gt;&amp;\'&lt;/a&gt;');
  assert.equal(escapeText('a\r\nb\tc'), 'a\r\nb\tc');
  assert.equal(escapeText('\u0001\u001b[2J\ufffe'), '_x0001__x001B_[2J_xFFFE_');
  assert.equal(escapeText(']]>'), ']]&gt;');
});

test('escapeText writes unpaired surrogates as _xHHHH_ and keeps pairs', () => {
  assert.equal(escapeText('a\ud800b\udc00c😀'), 'a_xD800_b_xDC00_c😀');
});

test('escapeText keeps a literal _xHHHH_ apart from an escape by escaping its underscore', () => {
  assert.equal(
    escapeText('_x0001_ and _x12_ and __x0041_'),
    '_x005F_x0001_ and _x12_ and __x005F_x0041_',
  );
});

test('escapeAttribute escapes both quotes and keeps tab, LF and CR as references', () => {
  assert.equal(escapeAttribute(`'"\t\n\r<&>`), '&apos;&quot;&#x9;&#xa;&#xd;&lt;&amp;&gt;');
});

test('xmlName keeps XML names and escapes each character that cannot stand where it is', () => {
  assert.equal(xmlName('Data'), 'Data');
  assert.equal(xmlName('ns:Élément-1.x'), 'ns:Élément-1.x');
  assert.equal(xmlName("x onload='a'"), 'x_x0020_onload_x003D__x0027_a_x0027_');
  assert.equal(xmlName('1st'), '_x0031_st');
  assert.equal(xmlName('a>b<c/'), 'a_x003E_b_x003C_c_x002F_');
  assert.equal(xmlName('_x0041_'), '_x005F_x0041_');
  assert.equal(xmlName(''), '_');
});

test('toXml of data values carrying markup, scripts and controls parses and keeps them', async () => {
  const hostile = {
    Script: '<script>alert(1)</script>',
    Handler: `"><img src=x onerror='alert(2)'>`,
    Cdata: ']]><!--',
    Controls: `a${CONTROLS}b`,
    Breaks: 'one\r\ntwo\tthree',
  };
  const { xml } = await onlyRecord(dataFile(hostile));

  assert.equal(wellFormedProblem(xml), undefined);
  assert.ok(xml.includes("<Data Name='Script'>&lt;script&gt;alert(1)&lt;/script&gt;</Data>"));
  assert.ok(xml.includes(`<Data Name='Handler'>"&gt;&lt;img src=x onerror='alert(2)'&gt;</Data>`));
  assert.ok(xml.includes("<Data Name='Cdata'>]]&gt;&lt;!--</Data>"));
  const controls = '_x0000__x0001__x0008__x000B__x000C__x000E__x001B__x001F__xFFFE__xFFFF_';
  assert.ok(xml.includes(`<Data Name='Controls'>a${controls}b</Data>`));
  assert.ok(xml.includes("<Data Name='Breaks'>one\r\ntwo\tthree</Data>"));
});

test('toXml of a hostile Data Name attribute parses and keeps the name as a value', async () => {
  const { xml } = await onlyRecord(dataFile({ [`a' onload='x'\u0001"`]: 'v' }));

  assert.equal(wellFormedProblem(xml), undefined);
  assert.ok(xml.includes("<Data Name='a&apos; onload=&apos;x&apos;_x0001_&quot;'>v</Data>"));
});

test('toXml of element and attribute names that are not XML names escapes them', async () => {
  const root = el(
    'Evil x="1" onload=alert(1) /',
    { 'on load': 'a', '1st': 'b' },
    el('x', {}, 'text'),
    el('Quote"Name', {}),
  );
  const bytes = fileWith(
    eventRecord({ recordId: 1, eventId: 1 }, userData(root, [value.string('unused')])),
  );
  const { xml } = await onlyRecord(bytes);

  assert.equal(wellFormedProblem(xml), undefined);
  const name =
    'Evil_x0020_x_x003D__x0022_1_x0022__x0020_onload_x003D_alert_x0028_1_x0029__x0020__x002F_';
  assert.ok(xml.includes(`<${name} on_x0020_load='a' _x0031_st='b'><x>text</x>`), xml);
  assert.ok(xml.includes(`<Quote_x0022_Name/></${name}>`), xml);
});

test('toXml of references, CDATA and PIs that XML forbids still parses', async () => {
  const root = el(
    'Odd',
    { Ref: [charRef(0xd800), charRef(0x41), entityRef('nbsp')] },
    charRef(0x1),
    charRef(0xfffe),
    charRef(0x20ac),
    entityRef('lt'),
    entityRef('xxe'),
    cdata(`x]]>y\u0002`),
    pi('xml', 'version="1.0"?><evil/>'),
    pi('a b', 'data\u0003'),
  );
  const bytes = fileWith(eventRecord({ recordId: 1, eventId: 1 }, userData(root, [])));
  const { xml } = await onlyRecord(bytes);

  assert.equal(wellFormedProblem(xml), undefined);
  assert.ok(xml.includes("<Odd Ref='_xD800_A&amp;nbsp;'>"), xml);
  assert.ok(xml.includes('_x0001__xFFFE_&#8364;&lt;&amp;xxe;'), xml);
  assert.ok(xml.includes('<![CDATA[x]]]]><![CDATA[>y_x0002_]]>'), xml);
  assert.ok(xml.includes('<?_x0078_ml version="1.0"?_x003E_<evil/>?>'), xml);
  assert.ok(xml.includes('<?a_x0020_b data_x0003_?>'), xml);
});

test('wellFormedProblem finds what the renderer must never write', () => {
  assert.match(wellFormedProblem('<a>&#x1;</a>') ?? '', /reference to U\+1, not a Char/);
  assert.match(wellFormedProblem('<a>\u0001</a>') ?? '', /U\+1 is not an XML Char/);
  assert.match(wellFormedProblem('<a>&nbsp;</a>') ?? '', /undeclared entity &nbsp;/);
  assert.match(wellFormedProblem("<a b='<'/>") ?? '', /'<' in an attribute value/);
  assert.match(wellFormedProblem('<a b c="1"/>') ?? '', /expected '='/);
  assert.match(wellFormedProblem('<a>]]></a>') ?? '', /']]>' in text/);
  assert.match(wellFormedProblem('<a></b>') ?? '', /<\/b> closes <a>/);
  assert.match(wellFormedProblem('<a/><b/>') ?? '', /a second root element/);
  assert.match(wellFormedProblem('<a><?xml x?></a>') ?? '', /PI target xml is reserved/);
  assert.equal(wellFormedProblem("<a b='&#x20AC;'>&amp;<![CDATA[<]]></a>"), undefined);
});

test('toXml of every record of the sample and the corpus is well-formed XML 1.0', async (t) => {
  const found = corpusFiles();
  const paths = [SAMPLE_PATH, ...(typeof found === 'string' ? [] : found)];
  if (typeof found === 'string') t.diagnostic(`only the sample: ${found}`);

  let records = 0;
  const problems: string[] = [];
  for (const path of paths) {
    const source = await openFileSource(path);
    try {
      const file = await EvtxFile.open(source);
      for await (const record of file.records()) {
        records++;
        const problem = wellFormedProblem(record.toXml());
        if (problem !== undefined) problems.push(`${path} record ${record.recordId}: ${problem}`);
      }
    } catch (error) {
      t.diagnostic(`${path}: not read (${String(error)})`);
    } finally {
      await source.close();
    }
  }
  t.diagnostic(`${records} records of ${paths.length} files checked`);

  assert.ok(records >= 1730);
  assert.deepEqual(problems.slice(0, 5), []);
});
