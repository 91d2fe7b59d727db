/**
 * compileFieldPick + EvtxRecord.pick: several named fields read in one pass, equal to what
 * toStructured() gives, through the plan where there is one and the whole record where not.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  compileFieldPick,
  type EvtxRecord,
  type FieldPick,
  type FieldValue,
  type PickedFields,
} from '../../src/index.js';
import {
  el,
  eventData,
  eventRecord,
  fileWith,
  optSub,
  sub,
  template,
  templateGuid,
  unnamedEventData,
  userData,
  value,
  ValueType,
} from '../support/index.js';
import { parse } from '../support/parse.js';

const ALL_FACTS = [
  'recordId',
  'timeCreated',
  'eventId',
  'provider',
  'channel',
  'computer',
] as const;

/** What toStructured() says the pick should give. */
function expected(record: EvtxRecord, pick: FieldPick): unknown {
  const structured = record.toStructured();
  const data = pick.names.map((name) =>
    Object.hasOwn(structured.data, name) ? structured.data[name] : undefined,
  );
  const facts = Object.fromEntries(pick.system.map((fact) => [fact, structured[fact]]));
  return { data, ...facts };
}

function picked(out: PickedFields, pick: FieldPick): unknown {
  const facts = Object.fromEntries(pick.system.map((fact) => [fact, out[fact]]));
  return { data: [...out.data], ...facts };
}

/** Picks from the record with toStructured() made to throw: the plan alone must answer. */
function pickPlanned(record: EvtxRecord, pick: FieldPick, out: PickedFields): void {
  const reference = expected(record, pick);
  const blocked = Object.create(record) as EvtxRecord;
  blocked.toStructured = () => assert.fail('the pick built the whole record');
  blocked.pick(pick, out);
  assert.deepStrictEqual(picked(out, pick), reference);
}

const SYSMON_3 = eventRecord(
  { recordId: 41, eventId: 3, provider: 'Microsoft-Windows-Sysmon', computer: 'WKS7' },
  eventData({
    RuleName: '-',
    Image: 'C:\\Users\\a\\AppData\\x.exe',
    DestinationIp: '203.0.113.9',
    DestinationPort: value.uint16(443),
    Initiated: value.bool(true),
  }),
);

test('FieldPick reads the named EventData fields and System facts through the plan', async () => {
  const { records } = await parse(fileWith(SYSMON_3));
  const pick = compileFieldPick(['DestinationIp', 'Image', 'Missing', 'DestinationPort'], {
    system: ALL_FACTS,
  });
  const out = pick.output();
  pickPlanned(records[0]!, pick, out);
  assert.deepEqual(out.data, ['203.0.113.9', 'C:\\Users\\a\\AppData\\x.exe', undefined, '443']);
  assert.equal(out.eventId, 3);
  assert.equal(out.recordId, '41');
  assert.equal(out.computer, 'WKS7');
  assert.equal(out.provider, 'Microsoft-Windows-Sysmon');
});

test('FieldPick leaves facts not asked for at their defaults and clears the last record', async () => {
  const other = eventRecord({ recordId: 42, eventId: 1 }, eventData({ Image: 'y.exe' }));
  const { records } = await parse(fileWith(SYSMON_3, other));
  const pick = compileFieldPick(['DestinationIp', 'Image'], { system: ['computer'] });
  const out = pick.output();
  records[0]!.pick(pick, out);
  records[1]!.pick(pick, out);
  assert.deepEqual(out.data, [undefined, 'y.exe']);
  assert.equal(out.computer, 'WKS01.corp.example');
  assert.equal(out.eventId, 0);
  assert.equal(out.recordId, '');
});

test('FieldPick gives a repeated name every value in order, as toStructured does', async () => {
  const data = unnamedEventData(['first', 'second', value.uint32(3)]);
  const { records } = await parse(fileWith(eventRecord({ recordId: 1, eventId: 7 }, data)));
  const pick = compileFieldPick(['Data']);
  const out = pick.output();
  pickPlanned(records[0]!, pick, out);
  assert.deepEqual(out.data, [['first', 'second', '3']]);
});

test('FieldPick repeats an array value per item and drops an optional NULL field', async () => {
  const root = el(
    'Event',
    {},
    el('System', {}, el('EventID', {}, sub(0, ValueType.UInt16))),
    el(
      'EventData',
      {},
      el('Data', { Name: 'Items' }, sub(1, ValueType.String | ValueType.Array)),
      el('Data', { Name: 'Dropped' }, optSub(2, ValueType.String)),
      el('Data', { Name: 'Items' }, 'last'),
    ),
  );
  const values = [value.uint16(9), value.stringArray(['a', 'b']), value.null()];
  const body = template(templateGuid('field-reader-arrays'), root, values);
  const { records } = await parse(fileWith({ recordId: 5, body }));
  const pick = compileFieldPick(['Dropped', 'Items'], { system: ['eventId', 'recordId'] });
  const out = pick.output();
  pickPlanned(records[0]!, pick, out);
  assert.deepEqual(out.data, [undefined, ['a', 'b', 'last']]);
  assert.equal(out.eventId, 9);
  // No EventRecordID in the System: the record header's id, as toStructured() gives it.
  assert.equal(out.recordId, '5');
});

test('FieldPick falls back to the whole record where the template has no plan', async () => {
  // A Data name from a substitution has no plan.
  const root = el(
    'Event',
    {},
    el('System', {}, el('EventID', {}, sub(0, ValueType.UInt16))),
    el('EventData', {}, el('Data', { Name: sub(1, ValueType.String) }, sub(2, ValueType.String))),
  );
  const values = [value.uint16(4688), value.string('NewProcessName'), value.string('a.exe')];
  const body = template(templateGuid('field-reader-dynamic-name'), root, values);
  const { records } = await parse(fileWith({ recordId: 1, body }));
  const pick = compileFieldPick(['NewProcessName', 'Other'], { system: ['eventId'] });
  const out = pick.output();
  records[0]!.pick(pick, out);
  assert.deepEqual(out.data, ['a.exe', undefined]);
  assert.equal(out.eventId, 4688);
});

test('FieldPick reads UserData leaves by falling back to the whole record', async () => {
  const root = el('LogFileCleared', {}, el('SubjectUserName', {}, sub(0, ValueType.String)));
  const record = eventRecord({ recordId: 3, eventId: 1102 }, userData(root, [value.string('x')]));
  const { records } = await parse(fileWith(record));
  const pick = compileFieldPick(['SubjectUserName'], { system: ['eventId'] });
  const out = pick.output();
  records[0]!.pick(pick, out);
  assert.deepEqual(out.data, ['x']);
  assert.equal(out.eventId, 1102);
});

test('compileFieldPick refuses a name given twice', () => {
  assert.throws(() => compileFieldPick(['Image', 'Image']), {
    name: 'RangeError',
    message: 'field pick: "Image" named twice',
  });
});

test('FieldPick reads attacker-chosen names as plain fields', async () => {
  // JSON.parse makes `__proto__` an own key, as a hostile log's field name would be.
  const data = eventData(
    JSON.parse('{"__proto__": "p", "constructor": "c"}') as Record<string, string>,
  );
  const { records } = await parse(fileWith(eventRecord({ recordId: 1, eventId: 1 }, data)));
  const pick = compileFieldPick(['toString', 'constructor', '__proto__']);
  const out = pick.output();
  pickPlanned(records[0]!, pick, out);
  const values: Array<FieldValue | undefined> = out.data;
  assert.equal(values[0], undefined);
  assert.equal(values[1], 'c');
  assert.equal(values[2], 'p');
});

test('FieldPick skips attributes no fact or field comes from, reading the same values', async () => {
  const root = el(
    'Event',
    {},
    el(
      'System',
      {},
      el('Provider', { Name: sub(0, ValueType.String), Guid: sub(1, ValueType.Guid) }),
      el('EventID', { Qualifiers: sub(2, ValueType.UInt16) }, sub(3, ValueType.UInt16)),
      el('TimeCreated', { SystemTime: sub(4, ValueType.FileTime) }),
    ),
    el(
      'EventData',
      {},
      el('Data', { Name: 'Image', Extra: sub(5, ValueType.String) }, sub(6, ValueType.String)),
      el('Data', { Name: 'Dropped', Extra: sub(5, ValueType.String) }, optSub(7, ValueType.String)),
    ),
  );
  const values = [
    value.string('Microsoft-Windows-Sysmon'),
    value.guid('5770385f-c22a-43e0-bf4c-06f5698ffbd9'),
    value.uint16(16384),
    value.uint16(3),
    value.filetime('2024-03-05T10:20:30.1234567Z'),
    value.string('extra'),
    value.string('C:\\a.exe'),
    value.null(),
  ];
  const body = template(templateGuid('field-reader-attributes'), root, values);
  const { records } = await parse(fileWith({ recordId: 8, body }));
  const pick = compileFieldPick(['Image', 'Dropped', 'Extra'], { system: ALL_FACTS });
  const out = pick.output();
  pickPlanned(records[0]!, pick, out);
  assert.deepEqual(out.data, ['C:\\a.exe', undefined, undefined]);
  assert.equal(out.provider, 'Microsoft-Windows-Sysmon');
  assert.equal(out.eventId, 3);
  assert.equal(out.timeCreated, '2024-03-05T10:20:30.1234567Z');
});
