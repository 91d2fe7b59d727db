/** Array values (type | 0x80): the substitution repeats its element once per item. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  el,
  eventRecord,
  fileWith,
  sub,
  template,
  templateGuid,
  value,
  ValueType,
  type TypedValue,
} from '../support/index.js';
import { onlyRecord, section } from '../support/parse.js';

/** EventData with <Data Name='List'> around an array substitution, then <Data Name='After'>. */
function arrayFile(list: TypedValue) {
  const root = el(
    'EventData',
    {},
    el('Data', { Name: 'List' }, sub(0, list.type)),
    el('Data', { Name: 'After' }, sub(1, ValueType.String)),
  );
  const fragment = template(templateGuid(`array:${list.type}`), root, [list, value.string('z')]);
  return fileWith(eventRecord({ recordId: 1, eventId: 1 }, fragment));
}

test('toXml repeats the element for each string of a string array', async () => {
  const { xml, data } = await onlyRecord(arrayFile(value.stringArray(['a', 'b', 'c'])));
  assert.equal(
    section(xml, 'EventData'),
    "<EventData><Data Name='List'>a</Data><Data Name='List'>b</Data>" +
      "<Data Name='List'>c</Data><Data Name='After'>z</Data></EventData>",
  );
  assert.deepEqual(data.data, { List: ['a', 'b', 'c'], After: 'z' });
});

test('toStructured reads integer and HexInt32 arrays item by item', async () => {
  const ints = await onlyRecord(
    arrayFile(
      value.array(
        ValueType.UInt16,
        [1, 2, 65535].map((n) => value.uint16(n)),
      ),
    ),
  );
  assert.deepEqual(ints.data.data, { List: ['1', '2', '65535'], After: 'z' });

  const hex = await onlyRecord(
    arrayFile(
      value.array(
        ValueType.HexInt32,
        [0x10, 0x3e7].map((n) => value.hexInt32(n)),
      ),
    ),
  );
  assert.deepEqual(hex.data.data, { List: ['0x10', '0x3e7'], After: 'z' });

  const big = await onlyRecord(
    arrayFile(value.array(ValueType.UInt64, [value.uint64(18446744073709551615n)])),
  );
  assert.deepEqual(big.data.data, { List: '18446744073709551615', After: 'z' });
});

test('toStructured reads a one-item string array as a single value', async () => {
  const { data } = await onlyRecord(arrayFile(value.stringArray(['only'])));
  assert.deepEqual(data.data, { List: 'only', After: 'z' });
});
