/** NULL values: an optional substitution drops its attribute or element. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  dataFile,
  el,
  eventRecord,
  fileWith,
  optSub,
  sub,
  systemTemplate,
  systemValues,
  template,
  templateGuid,
  value,
  ValueType,
} from '../support/index.js';
import { onlyRecord, section } from '../support/parse.js';

const NS = "xmlns='http://schemas.microsoft.com/win/2004/08/events/event'";

test('toXml drops System attributes whose optional substitution is NULL', async () => {
  const { xml, data } = await onlyRecord(
    fileWith(eventRecord({ recordId: 1, eventId: 7, qualifiers: null, userId: null }, null)),
  );
  assert.equal(
    xml,
    `<Event ${NS}><System><Provider Name='Test-Provider'/><EventID>7</EventID>` +
      '<Version>0</Version><Level>4</Level><Task>0</Task><Opcode>0</Opcode>' +
      '<Keywords>0x8000000000000000</Keywords>' +
      "<TimeCreated SystemTime='2024-03-05T10:20:30.1234567Z'/><EventRecordID>1</EventRecordID>" +
      "<Correlation/><Execution ProcessID='4' ThreadID='8'/><Channel>Application</Channel>" +
      '<Computer>WKS01.corp.example</Computer><Security/></System></Event>',
  );
  assert.equal(data.qualifiers, undefined);
  assert.equal(data.userId, undefined);
  assert.equal(data.providerGuid, undefined);
  assert.equal(data.activityId, undefined);
  assert.deepEqual(data.data, {});
});

test('toXml keeps the attributes that are present beside a NULL one', async () => {
  const activity = '{0d4b9cf5-3a2e-4f1c-9b7d-2e6f8a1c4b3d}';
  const { xml, data } = await onlyRecord(
    fileWith(
      eventRecord({ recordId: 1, eventId: 7, activityId: activity, qualifiers: 16384 }, null),
    ),
  );
  assert.equal(section(xml, 'Correlation'), `<Correlation ActivityID='${activity}'/>`);
  assert.equal(section(xml, 'EventID'), "<EventID Qualifiers='16384'>7</EventID>");
  assert.equal(data.activityId, activity);
  assert.equal(data.relatedActivityId, undefined);
  assert.equal(data.qualifiers, 16384);
});

test('toXml drops an element whose only content is a NULL optional substitution', async () => {
  const root = el(
    'EventData',
    {},
    el('Data', { Name: 'Dropped' }, optSub(0, ValueType.String)),
    el('Data', { Name: 'Kept' }, optSub(1, ValueType.String)),
  );
  const fragment = template(templateGuid('null-optional'), root, [value.null(), value.string('k')]);
  const { xml, data } = await onlyRecord(
    fileWith(eventRecord({ recordId: 1, eventId: 1 }, fragment)),
  );
  assert.equal(section(xml, 'EventData'), "<EventData><Data Name='Kept'>k</Data></EventData>");
  assert.deepEqual(data.data, { Kept: 'k' });
});

test('toXml writes an empty string value as an open and close tag, like Windows', async () => {
  // Windows' own rendering of Application.evtx has <Data Name='Bucket'></Data> for these.
  const { xml, data } = await onlyRecord(dataFile({ Bucket: '', Other: 'x' }));
  assert.equal(
    section(xml, 'EventData'),
    "<EventData><Data Name='Bucket'></Data><Data Name='Other'>x</Data></EventData>",
  );
  assert.deepEqual(data.data, { Bucket: '', Other: 'x' });
});

test('toStructured gives an empty string for a NULL normal substitution', async () => {
  const root = el('EventData', {}, el('Data', { Name: 'Empty' }, sub(0, ValueType.String)));
  const fragment = template(templateGuid('null-normal'), root, [value.null()]);
  const { data } = await onlyRecord(fileWith(eventRecord({ recordId: 1, eventId: 1 }, fragment)));
  assert.deepEqual(data.data, { Empty: '' });
});

test('toXml keeps <Event> when its optional EventData substitution is NULL', async () => {
  const spec = eventRecord({ recordId: 3, eventId: 9 }, null);
  const root = systemTemplate('WKS01.corp.example', true);
  const values = [...systemValues({ recordId: 3, eventId: 9 }), value.null()];
  const body = template(templateGuid('system-with-null-data'), root, values);
  const { xml, data } = await onlyRecord(fileWith({ ...spec, body }));
  assert.match(xml, /^<Event xmlns=[^>]+><System><Provider Name='Test-Provider'\/>/);
  assert.match(xml, /<\/System><\/Event>$/);
  assert.equal(data.eventId, 9);
  assert.deepEqual(data.data, {});
});
