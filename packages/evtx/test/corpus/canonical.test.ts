import { test } from 'node:test';
import assert from 'node:assert/strict';

import { canonicalValue, diffLeaves, eventLeaves, tickDistance } from './canonical.js';
import type { CanonicalOptions, Leaf } from './canonical.js';
import { findAll, parseXml } from './xml.js';

/** Record 125267 of sysmonresources/1._HTTP_empirec2.evtx, abridged, as evtxexport wrote it. */
const EVTXEXPORT = `
<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">
  <System>
    <Provider Name="Microsoft-Windows-Sysmon" Guid="{5770385F-C22A-43E0-BF4C-06F5698FFBD9}"/>
    <EventID>3</EventID>
    <Keywords>0x8000000000000000</Keywords>
    <TimeCreated SystemTime="2018-02-14T09:51:21.865076600Z"/>
    <EventRecordID>125267</EventRecordID>
    <Correlation/>
    <Execution ProcessID="3736" ThreadID="4996"/>
    <Security UserID="S-1-5-18"/>
  </System>
  <EventData>
    <Data Name="ProcessGuid">{B231F4AB-03E3-5A84-0000-001082172A00}</Data>
    <Data Name="Initiated">true</Data>
    <Data Name="SourcePortName"/>
    <Data Name="DestinationIp">172.30.1.253</Data>
  </EventData>
</Event>
`;

/** The same record as python-evtx 0.6.1 wrote it. */
const PYTHON_EVTX = `<?xml version="1.1" encoding="utf-8" standalone="yes" ?>

<Events>
<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><Provider Name="Microsoft-Windows-Sysmon" Guid="{5770385f-c22a-43e0-bf4c-06f5698ffbd9}"></Provider>
<EventID Qualifiers="">3</EventID>
<Keywords>0x8000000000000000</Keywords>
<TimeCreated SystemTime="2018-02-14 09:51:21.865076"></TimeCreated>
<EventRecordID>125267</EventRecordID>
<Correlation ActivityID="" RelatedActivityID=""></Correlation>
<Execution ProcessID="3736" ThreadID="4996"></Execution>
<Security UserID="S-1-5-18"></Security>
</System>
<EventData><Data Name="ProcessGuid">{b231f4ab-03e3-5a84-0000-001082172a00}</Data>
<Data Name="Initiated">True</Data>
<Data Name="SourcePortName"></Data>
<Data Name="DestinationIp">172.30.1.253</Data>
</EventData>
</Event>

</Events>`;

/** The same record in the Windows style our toXml() writes. */
const WINDOWS_STYLE =
  `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>` +
  `<Provider Name='Microsoft-Windows-Sysmon' Guid='{5770385f-c22a-43e0-bf4c-06f5698ffbd9}'/>` +
  `<EventID>3</EventID><Keywords>0x8000000000000000</Keywords>` +
  `<TimeCreated SystemTime='2018-02-14T09:51:21.8650766Z'/><EventRecordID>125267</EventRecordID>` +
  `<Correlation/><Execution ProcessID='3736' ThreadID='4996'/><Security UserID='S-1-5-18'/>` +
  `</System><EventData><Data Name='ProcessGuid'>{b231f4ab-03e3-5a84-0000-001082172a00}</Data>` +
  `<Data Name='Initiated'>true</Data><Data Name='DestinationIp'>172.30.1.253</Data>` +
  `</EventData></Event>`;

function leaves(text: string, options: CanonicalOptions = {}): Leaf[] {
  const [event] = findAll(parseXml(text), 'Event');
  assert.ok(event !== undefined, 'no Event element');
  return eventLeaves(event, options);
}

test('eventLeaves keys named Data by name and drops empty values and xmlns', () => {
  const paths = leaves(EVTXEXPORT).map((leaf) => leaf.path);

  assert.deepEqual(paths, [
    'System/Provider/@Name',
    'System/Provider/@Guid',
    'System/EventID',
    'System/Keywords',
    'System/TimeCreated/@SystemTime',
    'System/EventRecordID',
    'System/Execution/@ProcessID',
    'System/Execution/@ThreadID',
    'System/Security/@UserID',
    'EventData/Data[Name=ProcessGuid]',
    'EventData/Data[Name=Initiated]',
    'EventData/Data[Name=DestinationIp]',
  ]);
});

test('eventLeaves makes evtxexport and python-evtx agree on a real record', () => {
  const differences = diffLeaves(leaves(EVTXEXPORT), leaves(PYTHON_EVTX), 30);

  assert.deepEqual(differences, []);
});

test('eventLeaves makes the Windows style agree with evtxexport exactly', () => {
  assert.deepEqual(diffLeaves(leaves(EVTXEXPORT), leaves(WINDOWS_STYLE)), []);
});

test('diffLeaves reports a changed, a missing and an extra value by path', () => {
  const changed = WINDOWS_STYLE.replace('172.30.1.253', '172.30.1.254')
    .replace(`<Data Name='Initiated'>true</Data>`, '')
    .replace('</EventData>', `<Data Name='Extra'>1</Data></EventData>`);

  assert.deepEqual(diffLeaves(leaves(EVTXEXPORT), leaves(changed)), [
    { path: 'EventData/Data[Name=Initiated]', expected: 'true', actual: undefined },
    {
      path: 'EventData/Data[Name=DestinationIp]',
      expected: '172.30.1.253',
      actual: '172.30.1.254',
    },
    { path: 'EventData/Data[Name=Extra]', expected: undefined, actual: '1' },
  ]);
});

test('diffLeaves holds times to the tolerance it is given', () => {
  const late = WINDOWS_STYLE.replace('21.8650766Z', '21.8650796Z');

  assert.equal(diffLeaves(leaves(EVTXEXPORT), leaves(late)).length, 1);
  assert.deepEqual(diffLeaves(leaves(EVTXEXPORT), leaves(late), 30), []);
});

test('eventLeaves indexes repeated unnamed elements after dropping empty ones', () => {
  const classic =
    '<Event><EventData><Data>a</Data><Data></Data><Data>b</Data>' +
    '<Binary>0A</Binary></EventData></Event>';
  const python =
    '<Event><EventData><Data>a</Data><Data>b</Data><Data></Data>' +
    '<Binary>Cg==</Binary></EventData></Event>';

  assert.deepEqual(leaves(classic), [
    { path: 'EventData/Data[1]', value: 'a' },
    { path: 'EventData/Data[2]', value: 'b' },
    { path: 'EventData/Binary', value: '0A' },
  ]);
  assert.deepEqual(diffLeaves(leaves(classic), leaves(python, { binaryIsBase64: true })), []);
});

test('canonicalValue normalises GUIDs, hex, booleans and times', () => {
  assert.equal(
    canonicalValue('{5770385F-C22A-43E0-BF4C-06F5698FFBD9}'),
    '{5770385f-c22a-43e0-bf4c-06f5698ffbd9}',
  );
  assert.equal(canonicalValue('0x00000000000003E7'), '0x3e7');
  assert.equal(canonicalValue('0x0000'), '0x0');
  assert.equal(canonicalValue('0x0080000000000000'), '0x80000000000000');
  assert.equal(canonicalValue('False'), 'false');
  assert.equal(canonicalValue('2018-02-14T09:51:21.865076600Z'), '2018-02-14T09:51:21.8650766Z');
  assert.equal(canonicalValue('2018-02-14 09:51:21.865076'), '2018-02-14T09:51:21.8650760Z');
  assert.equal(canonicalValue('2018-02-14 09:51:21'), '2018-02-14T09:51:21.0000000Z');
});

test('canonicalValue leaves ordinary text alone', () => {
  for (const text of ['2018-02-14 09:51:19.919', 'TRUE', 'x0x12', '0x', '{not-a-guid}', '-60']) {
    assert.equal(canonicalValue(text), text);
  }
});

test('tickDistance measures 100 ns ticks across a second boundary', () => {
  assert.equal(tickDistance('2018-02-14T09:51:21.9999999Z', '2018-02-14T09:51:22.0000001Z'), 2);
  assert.equal(tickDistance('2018-02-14T09:51:21.9999999Z', 'not a time'), undefined);
});
