import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
  XML_MAX_CHARS,
  XML_MAX_DEPTH,
  XmlSyntaxError,
  attributeValue,
  childElements,
  ownText,
  parseXml,
  type XmlElement,
} from '../../src/sysmon-config/xml.js';

function only(element: XmlElement, name: string): XmlElement {
  const found = childElements(element).filter((child) => child.name === name);
  assert.equal(found.length, 1, `one <${name}> in <${element.name}>`);
  return found[0] as XmlElement;
}

function failsWith(text: string, problem: string, line: number, column: number): void {
  assert.throws(
    () => parseXml(text),
    (error: unknown) => {
      assert.ok(error instanceof XmlSyntaxError, String(error));
      assert.equal(error.problem, problem);
      assert.deepEqual([error.line, error.column], [line, column]);
      assert.equal(error.message, `${problem} at line ${line}, column ${column}`);
      return true;
    },
  );
}

test('parseXml reads elements, attributes in both quotes, text and their positions', () => {
  const root = parseXml('<a x="1" y = \'two\'>\n  <b/>\n  <c k="v">text</c>\n</a>');

  assert.equal(root.name, 'a');
  assert.deepEqual(root.attributes, [
    { name: 'x', value: '1' },
    { name: 'y', value: 'two' },
  ]);
  assert.deepEqual(
    childElements(root).map((child) => [child.name, child.line, child.column]),
    [
      ['b', 2, 3],
      ['c', 3, 3],
    ],
  );
  assert.equal(ownText(only(root, 'c')), 'text');
  assert.equal(attributeValue(only(root, 'c'), 'k'), 'v');
  assert.equal(attributeValue(only(root, 'c'), 'missing'), undefined);
  assert.equal(only(root, 'b').children.length, 0);
});

test('parseXml skips the declaration, a byte-order mark, comments and processing instructions', () => {
  const text =
    '\ufeff<?xml version="1.0" encoding="UTF-8"?>\n<!-- top -->\n<?pi data?>' +
    '<r><!-- in --><?x y?>a<!---->b</r>\n<!-- after -->\n';
  const root = parseXml(text);

  assert.equal(root.name, 'r');
  assert.equal(root.line, 3);
  assert.deepEqual(root.children, [{ kind: 'text', text: 'ab', line: 3, column: 33 }]);
});

test('parseXml resolves the five entities and character references, and merges CDATA', () => {
  const root = parseXml(
    '<r v="&lt;&gt;&amp;&quot;&apos;">&lt;a&gt; &amp; &#65;&#x42;&#x1F600;<![CDATA[<&x>]]>z</r>',
  );

  assert.equal(attributeValue(root, 'v'), '<>&"\'');
  assert.equal(ownText(root), '<a> & AB\u{1F600}<&x>z');
  assert.equal(root.children.length, 1);
});

test('parseXml normalises line endings and white space in attribute values', () => {
  const root = parseXml('<r a="x\ty\nz&#10;">\r\n<b/>\r<c/>\r\n</r>');

  assert.equal(attributeValue(root, 'a'), 'x y z\n');
  assert.deepEqual(
    childElements(root).map((child) => child.line),
    [3, 4],
  );
  assert.equal(ownText(root), '\n\n\n');
});

test('ownText ignores nested elements and childElements ignores text', () => {
  const root = parseXml('<r>one<i>two</i>three</r>');

  assert.equal(ownText(root), 'onethree');
  assert.deepEqual(
    childElements(root).map((child) => child.name),
    ['i'],
  );
});

test('parseXml reports malformed markup with line and column', () => {
  failsWith('<a>\n  <b></c>\n</a>', 'expected </b> (opened at line 2) but found </c>', 2, 6);
  failsWith('<a>\n<b>', 'unexpected end of input inside <b> (opened at line 2)', 2, 4);
  failsWith('<a x="1" x="2"/>', "attribute 'x' repeated on <a>", 1, 10);
  failsWith('<a x="1"y="2"/>', 'expected white space before an attribute of <a>', 1, 9);
  failsWith('<a x=1/>', "expected a quoted value for 'x'", 1, 6);
  failsWith('<a x="<"/>', "'<' inside the value of attribute 'x'", 1, 7);
  failsWith('<a x="1/>', "unterminated value of attribute 'x'", 1, 10);
  failsWith('<a>\n<1/></a>', 'expected element name', 2, 2);
  failsWith('<a></a >x', 'content after the root element', 1, 9);
  failsWith('  \n', 'no root element', 2, 1);
  failsWith('hello<a/>', 'text before the root element', 1, 1);
});

test('parseXml reports bad references, comments, CDATA and declarations', () => {
  failsWith('<a>&nbsp;</a>', "unknown entity '&nbsp;'", 1, 4);
  failsWith('<a>&constructor;</a>', "unknown entity '&constructor;'", 1, 4);
  failsWith('<a>AT&T</a>', "malformed reference after '&'", 1, 6);
  failsWith('<a>&#0;</a>', 'character reference to U+0 is not allowed', 1, 4);
  failsWith('<a>&#xD800;</a>', 'character reference to U+d800 is not allowed', 1, 4);
  failsWith('<a><!-- a -- b --></a>', "'--' inside a comment", 1, 11);
  failsWith('<a><!-- open', 'unterminated comment', 1, 4);
  failsWith('<a><![CDATA[x</a>', 'unterminated CDATA section', 1, 4);
  failsWith('<a>x]]>y</a>', "']]>' is not allowed in text", 1, 5);
  failsWith('<a/><?xml version="1.0"?>', 'XML declaration not at the start', 1, 5);
  failsWith('<a>\u0001</a>', 'character U+0001 is not allowed in XML', 1, 4);
});

test('parseXml refuses document type declarations, so no entity is ever defined', () => {
  const text = '<?xml version="1.0"?>\n<!DOCTYPE a [<!ENTITY x "boom">]>\n<a>&x;</a>';
  failsWith(text, 'document type declarations (DTD) are refused', 2, 1);
});

test('parseXml stops at the depth limit instead of recursing without end', () => {
  const deep = '<a>'.repeat(XML_MAX_DEPTH) + '</a>'.repeat(XML_MAX_DEPTH);
  assert.equal(parseXml(deep).name, 'a');

  const tooDeep = '<a>'.repeat(100_000);
  failsWith(tooDeep, `elements nest deeper than ${XML_MAX_DEPTH} levels`, 1, XML_MAX_DEPTH * 3 + 1);
});

test('parseXml refuses text over the size limit and names where the limit falls', () => {
  const text = '<a>' + 'x'.repeat(XML_MAX_CHARS) + '</a>';
  failsWith(
    text,
    `XML text exceeds the limit of ${XML_MAX_CHARS} characters`,
    1,
    XML_MAX_CHARS + 1,
  );
});

test('parseXml reads an element with 200000 attributes without slowing down per attribute', () => {
  const attributes = Array.from({ length: 200_000 }, (_, i) => ` a${i}="${i}"`).join('');
  const root = parseXml(`<r${attributes}/>`);

  assert.equal(root.attributes.length, 200_000);
  assert.deepEqual(root.attributes[199_999], { name: 'a199999', value: '199999' });
});
