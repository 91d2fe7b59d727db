/** Classic events: many unnamed <Data> elements, kept in order under `Data`. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventRecord, fileWith, unnamedEventData } from '../support/index.js';
import { onlyRecord, section } from '../support/parse.js';

test('toStructured keeps 40 unnamed Data values in order', async () => {
  const values = Array.from({ length: 40 }, (_, i) => `value ${i}`);
  const { data, xml } = await onlyRecord(
    fileWith(eventRecord({ recordId: 1, eventId: 1000, qualifiers: 0 }, unnamedEventData(values))),
  );
  assert.deepEqual(data.data, { Data: values });
  assert.equal(data.qualifiers, 0);
  assert.equal(
    section(xml, 'EventData'),
    `<EventData>${values.map((v) => `<Data>${v}</Data>`).join('')}</EventData>`,
  );
});

test('toStructured keeps a single unnamed Data as a string', async () => {
  const { data } = await onlyRecord(
    fileWith(eventRecord({ recordId: 1, eventId: 1 }, unnamedEventData(['alone']))),
  );
  assert.deepEqual(data.data, { Data: 'alone' });
});
