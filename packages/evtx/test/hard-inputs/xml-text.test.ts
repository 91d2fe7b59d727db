/** Text tokens other than plain values: escaping, character and entity references, CDATA. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  cdata,
  charRef,
  dataFile,
  el,
  entityRef,
  eventRecord,
  fileWith,
  template,
  templateGuid,
} from '../support/index.js';
import { onlyRecord, section } from '../support/parse.js';

test('toXml escapes &, < and > in text and quotes only where they close the attribute', async () => {
  // Windows leaves " unescaped in element text (see ts-evtx Application.windows.xml).
  const { xml, data } = await onlyRecord(dataFile({ ["a'b"]: '<x> & "y"' }));
  assert.equal(data.data["a'b"], '<x> & "y"');
  assert.equal(
    section(xml, 'EventData'),
    `<EventData><Data Name='a&apos;b'>&lt;x&gt; &amp; "y"</Data></EventData>`,
  );
});

test('toXml writes character and entity references; toStructured resolves them', async () => {
  const root = el(
    'EventData',
    {},
    el('Data', { Name: 'Product' }, 'Microsoft', charRef(174), ' Windows'),
    el('Data', { Name: 'Amp' }, 'a', entityRef('amp'), 'b'),
    el('Data', { Name: 'Raw' }, cdata('<not markup>')),
  );
  const fragment = template(templateGuid('refs'), root, []);
  const { xml, data } = await onlyRecord(
    fileWith(eventRecord({ recordId: 1, eventId: 1 }, fragment)),
  );
  assert.deepEqual(data.data, { Product: 'Microsoft® Windows', Amp: 'a&b', Raw: '<not markup>' });
  assert.equal(
    section(xml, 'EventData'),
    "<EventData><Data Name='Product'>Microsoft&#174; Windows</Data>" +
      "<Data Name='Amp'>a&amp;b</Data><Data Name='Raw'><![CDATA[<not markup>]]></Data></EventData>",
  );
});
