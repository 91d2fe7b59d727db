/**
 * The planned path (render/plan.ts + render/planned.ts) against the tree path it mirrors, one
 * template shape at a time: each test checks that a plan was used, that the record and its
 * issues equal the tree's, and the values themselves.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ChunkContext } from '../../src/binxml/chunk-context.js';
import { BinXmlParser } from '../../src/binxml/parser.js';
import { bodyNodes } from '../../src/binxml/template-record.js';
import { eventPlan, PlanRunner } from '../../src/render/planned.js';
import { toStructured } from '../../src/render/structured.js';
import { TreeBuilder } from '../../src/render/tree.js';
import type { StructuredRecord } from '../../src/types.js';
import {
  ChunkBuilder,
  EVENT_NS,
  charRef,
  el,
  entityRef,
  eventData,
  eventRecord,
  optSub,
  sub,
  template,
  templateGuid,
  userData,
  value,
  ValueType,
  type ElementNode,
  type Fragment,
  type RecordSpec,
  type TypedValue,
} from '../support/index.js';

const HEADER = { file: 'plan.evtx', recordId: '7', writtenTime: '2024-01-01T00:00:00.0000000Z' };

interface Rendered {
  /** The record through the plan; undefined when the template had no plan or the run gave up. */
  planned: StructuredRecord | undefined;
  hasPlan: boolean;
  tree: StructuredRecord;
}

/** Reads the first record of a one-record chunk both ways. */
function render(body: RecordSpec['body']): Rendered {
  const builder = new ChunkBuilder();
  builder.add({ recordId: 7, body });
  const bytes = builder.build();
  const chunk = new ChunkContext(bytes, 0x1000);
  const size = chunk.view.getUint32(512 + 4, true);
  const record = new BinXmlParser(chunk).readTemplateRecord(512 + 24, 512 + size - 4);
  assert.ok(record, 'the record is read as one template instance');

  const plan = eventPlan(record);
  const issues: string[] = [];
  const planned = plan && new PlanRunner(chunk).structured(record, plan, HEADER, issues);
  if (planned && issues.length > 0) planned.issues = issues;

  const treeIssues: string[] = [];
  const sink = { issue: (message: string) => void treeIssues.push(message) };
  const nodes = new TreeBuilder(bytes, sink).build(bodyNodes(record, chunk.view), []);
  const tree = toStructured(nodes, HEADER, treeIssues);
  if (treeIssues.length > 0) tree.issues = treeIssues;
  return { planned, hasPlan: plan !== undefined, tree };
}

/** Renders through the plan and checks it equals the tree's record; returns it. */
function planned(body: RecordSpec['body']): StructuredRecord {
  const { planned: record, hasPlan, tree } = render(body);
  assert.ok(hasPlan, 'the template has a plan');
  assert.ok(record, 'the plan mirrored the record');
  assert.deepStrictEqual(record, tree);
  assert.equal(JSON.stringify(record), JSON.stringify(tree), 'same key order');
  return record;
}

function event(...children: ElementNode['children']): ElementNode {
  return el('Event', { xmlns: EVENT_NS }, ...children);
}

function instance(root: ElementNode, values: TypedValue[]): Fragment {
  return template(templateGuid(JSON.stringify(root)), root, values);
}

test('PlanRunner reads the Windows System template and a nested EventData template', () => {
  const data = eventData({ Image: 'C:\\Windows\\cmd.exe', DestinationPort: value.uint16(443) });
  const record = planned(
    eventRecord({ recordId: 7, eventId: 3, qualifiers: 16384, userId: 'S-1-5-18' }, data).body,
  );
  assert.equal(record.eventId, 3);
  assert.equal(record.qualifiers, 16384);
  assert.equal(record.userId, 'S-1-5-18');
  assert.equal(record.keywords, '0x8000000000000000');
  assert.equal(record.computer, 'WKS01.corp.example');
  assert.deepEqual(record.data, { Image: 'C:\\Windows\\cmd.exe', DestinationPort: '443' });
});

test('PlanRunner drops an element or attribute whose optional substitution is NULL', () => {
  const root = event(
    el('System', {}, el('Provider', { Name: optSub(0, ValueType.String), Guid: optSub(1, 0x0f) })),
    el(
      'EventData',
      {},
      el('Data', { Name: 'Kept' }, optSub(2, ValueType.String)),
      el('Data', { Name: 'Dropped' }, optSub(3, ValueType.String)),
      el('Data', { Name: 'Required' }, sub(4, ValueType.String)),
    ),
  );
  const values = [value.string('P'), value.null(), value.string('k'), value.null(), value.null()];
  const record = planned(instance(root, values));
  assert.equal(record.provider, 'P');
  assert.equal('providerGuid' in record, false);
  assert.deepEqual(record.data, { Kept: 'k', Required: '' });
});

test('PlanRunner repeats an element once per item of an array value', () => {
  const root = event(
    el('System', {}, el('EventID', {}, sub(0, ValueType.UInt16))),
    el(
      'EventData',
      {},
      el('Data', { Name: 'Items' }, sub(1, ValueType.String | ValueType.Array)),
      el('Data', { Name: 'Ports' }, 'port ', sub(2, ValueType.UInt16 | ValueType.Array)),
      el('Data', { Name: 'None' }, sub(3, ValueType.String | ValueType.Array)),
    ),
  );
  const ports = value.array(ValueType.UInt16, [value.uint16(80), value.uint16(443)]);
  const values = [
    value.uint16(4),
    value.stringArray(['a', 'b', 'c']),
    ports,
    value.stringArray([]),
  ];
  const record = planned(instance(root, values));
  assert.deepEqual(record.data, {
    Items: ['a', 'b', 'c'],
    Ports: ['port 80', 'port 443'],
    None: '',
  });
});

test('PlanRunner reads System numbers from unsigned values, and from their text otherwise', () => {
  const root = event(
    el(
      'System',
      {},
      el('EventID', { Qualifiers: optSub(0, ValueType.UInt16) }, sub(1, ValueType.UInt32)),
      el('Version', {}, sub(2, ValueType.UInt8)),
      el('Level', {}, sub(3, ValueType.UInt8)),
      el('Task', {}, sub(4, ValueType.UInt16)),
      el('Opcode', {}, 'op', sub(5, ValueType.UInt8)),
    ),
  );
  const wrongSize = { type: ValueType.UInt8, bytes: Uint8Array.of(0xab, 1) };
  const values = [
    value.uint16(16384),
    value.uint32(4_000_000_000),
    value.uint8(255),
    wrongSize,
    value.string('12'),
    value.uint8(7),
  ];
  const record = planned(instance(root, values));
  assert.equal(record.eventId, 4_000_000_000);
  assert.equal(record.qualifiers, 16384);
  assert.equal(record.version, 255);
  assert.equal('level' in record, false, '"AB01", the hex of a 2-byte UInt8, is not a number');
  assert.equal(record.task, 12);
  assert.equal('opcode' in record, false, '"op7" is not a number');
  assert.deepEqual(record.issues, ['UInt8 value of 2 bytes rendered as hex']);
});

test('PlanRunner fills a flat EventData in order, and by name once a field is not one value', () => {
  const root = event(
    el('System', {}, el('EventID', {}, sub(0, ValueType.UInt16))),
    el(
      'EventData',
      {},
      el('Data', { Name: 'B' }, sub(1, ValueType.String)),
      el('Data', { Name: 'A' }, optSub(2, ValueType.String)),
      el('Data', { Name: '2' }, sub(3, ValueType.String | ValueType.Array)),
      el('Data', { Name: 'C' }, sub(4, ValueType.String)),
    ),
  );
  const one = [value.string('b'), value.string('a'), value.stringArray(['x']), value.string('c')];
  const first = planned(instance(root, [value.uint16(1), ...one]));
  assert.equal(JSON.stringify(first.data), '{"2":"x","B":"b","A":"a","C":"c"}');

  const many = [value.string('b'), value.null(), value.stringArray(['x', 'y']), value.string('c')];
  const second = planned(instance(root, [value.uint16(1), ...many]));
  assert.equal(JSON.stringify(second.data), '{"2":["x","y"],"B":"b","C":"c"}');
});

test('PlanRunner reads UserData inside the nested template, leaves by element name', () => {
  const root = el(
    'LogFileCleared',
    {},
    el('SubjectUserName', {}, sub(0, ValueType.String)),
    el('Privilege', {}, sub(1, ValueType.String)),
    el('Privilege', {}, sub(2, ValueType.String)),
    el('Empty', {}, el('Gone', {}, optSub(3, ValueType.String))),
  );
  const values = [value.string('admin'), value.string('A'), value.string('B'), value.null()];
  const record = planned(eventRecord({ recordId: 7, eventId: 1102 }, userData(root, values)).body);
  assert.deepEqual(record.data, { SubjectUserName: 'admin', Privilege: ['A', 'B'], Empty: '' });
});

test('PlanRunner reads <UserData>%1</UserData> with the nested template read leaf by leaf', () => {
  const inner = el('LogFileCleared', {}, el('SubjectUserName', {}, sub(0, ValueType.String)));
  const nested = template(templateGuid('inner'), inner, [value.string('admin')]);
  const root = event(
    el('System', {}, el('EventID', {}, sub(0, ValueType.UInt16))),
    el('UserData', {}, sub(1, ValueType.BinXml)),
  );
  const record = planned(instance(root, [value.uint16(1102), value.binxml(nested)]));
  assert.deepEqual(record.data, { SubjectUserName: 'admin' });
});

test('PlanRunner reads a BinXml value inside a System field through the tree for that value', () => {
  const inner = el('Name', {}, sub(0, ValueType.String));
  const nested = template(templateGuid('name'), inner, [value.string('host')]);
  const root = event(el('System', {}, el('Computer', {}, sub(0, ValueType.BinXml))));
  const record = planned(instance(root, [value.binxml(nested)]));
  assert.equal(record.computer, 'host');
});

test('PlanRunner joins constant text, references and substitutions in document order', () => {
  const root = event(
    el('System', {}, el('Channel', {}, 'Sys', entityRef('amp'), charRef(0x41), sub(0, 1))),
    el('EventData', {}, el('Data', { Name: 'Mixed' }, 'pid=', sub(1, ValueType.UInt32), ';')),
  );
  const record = planned(instance(root, [value.string('mon'), value.uint32(42)]));
  assert.equal(record.channel, 'Sys&Amon');
  assert.deepEqual(record.data, { Mixed: 'pid=42;' });
});

test('PlanRunner reports a missing substitution index as the tree does', () => {
  const root = event(
    el('System', {}, el('EventID', {}, sub(0, ValueType.UInt16))),
    el('EventData', {}, el('Data', { Name: 'Far' }, sub(9, ValueType.String))),
    el('EventData', {}, el('Data', { Name: 'FarOptional' }, optSub(8, ValueType.String))),
  );
  const record = planned(instance(root, [value.uint16(5)]));
  assert.deepEqual(record.data, { Far: '' });
  assert.deepEqual(record.issues, ['substitution 9 has no value (1 given)']);
});

test('PlanRunner reports damaged values in document order, then a non-numeric EventID', () => {
  const root = event(
    el('System', {}, el('EventID', {}, sub(0, ValueType.String))),
    el(
      'EventData',
      {},
      el('Data', { Name: 'Surrogate' }, sub(1, ValueType.String)),
      el('Data', { Name: 'ShortSid' }, sub(2, ValueType.Sid)),
      el('Data', { Name: 'Odd' }, sub(3, ValueType.UInt32)),
    ),
  );
  const values = [
    value.string('x1'),
    value.utf16Units([0x41, 0xd800]),
    value.raw(ValueType.Sid, Uint8Array.of(1, 5, 0, 0)),
    value.raw(ValueType.UInt32, Uint8Array.of(1, 2)),
  ];
  const record = planned(instance(root, values));
  assert.deepEqual(record.data, { Surrogate: 'A\ufffd', ShortSid: '01050000', Odd: '0102' });
  assert.deepEqual(record.issues, [
    'unpaired UTF-16 surrogate replaced by U+FFFD (1x)',
    'SID of 4 bytes is too short for its sub-authority count',
    'UInt32 value of 2 bytes rendered as hex',
    'EventID "x1" is not a number',
  ]);
});

test('PlanRunner keeps attacker-chosen field names as own fields', () => {
  const names = ['__proto__', 'constructor', 'toString'];
  const data = eventData(Object.fromEntries(names.map((name) => [name, name.slice(0, 1)])));
  const record = planned(eventRecord({ recordId: 7, eventId: 1 }, data).body);
  assert.deepEqual(Object.keys(record.data), ['__proto__', 'constructor', 'toString']);
  assert.equal(Object.getPrototypeOf(record.data), Object.prototype);
});

test('compilePlan leaves a template with a Data name from a substitution to the tree', () => {
  const root = event(
    el('EventData', {}, el('Data', { Name: sub(0, ValueType.String) }, sub(1, ValueType.String))),
  );
  const {
    planned: record,
    hasPlan,
    tree,
  } = render(instance(root, [value.string('n'), value.string('v')]));
  assert.equal(hasPlan, false);
  assert.equal(record, undefined);
  assert.deepEqual(tree.data, { n: 'v' });
});

test('PlanRunner gives up (tree path) when an array value would repeat the whole event', () => {
  const root = event(
    el('System', {}, el('EventID', {}, sub(0, ValueType.UInt16))),
    sub(1, ValueType.String | ValueType.Array),
  );
  const { planned: record, hasPlan } = render(
    instance(root, [value.uint16(1), value.stringArray(['a', 'b'])]),
  );
  assert.equal(hasPlan, true);
  assert.equal(record, undefined);
});
