/** Value types not covered elsewhere: Binary, Boolean, GUID, and a GUID stored as a string. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dataFile, eventData, eventRecord, fileWith, value } from '../support/index.js';
import { onlyRecord, section } from '../support/parse.js';

test('toStructured renders Binary as upper-case hex, Boolean as true/false, GUID lower case', async () => {
  const { data } = await onlyRecord(
    dataFile({
      Blob: value.binary(Uint8Array.from([0xde, 0xad, 0xbe, 0xef, 0x00, 0x0a])),
      Empty: value.binary(new Uint8Array(0)),
      Yes: value.bool(true),
      No: value.bool(false),
      Id: value.guid('{A57649D1-A03B-61A6-2F23-8D0000000000}'),
    }),
  );
  assert.deepEqual(data.data, {
    Blob: 'DEADBEEF000A',
    Empty: '',
    Yes: 'true',
    No: 'false',
    Id: '{a57649d1-a03b-61a6-2f23-8d0000000000}',
  });
});

test('toXml keeps a Provider Guid stored as a string exactly as written', async () => {
  // Classic providers store the GUID as text; Windows then shows it upper case.
  const guid = '{E23B33B0-C8C9-472C-A5F9-F2BDFEA0F156}';
  const record = eventRecord(
    {
      recordId: 1,
      eventId: 16384,
      provider: 'Software Protection',
      providerGuid: value.string(guid),
    },
    eventData({}),
  );
  const { xml, data } = await onlyRecord(fileWith(record));
  assert.equal(section(xml, 'Provider'), `<Provider Name='Software Protection' Guid='${guid}'/>`);
  assert.equal(data.providerGuid, guid);
});
