/** HexInt32/HexInt64 render as Windows does: `0x`, lower case, no padding. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dataFile, eventData, eventRecord, fileWith, value } from '../support/index.js';
import { onlyRecord, section } from '../support/parse.js';

test('toStructured renders HexInt32 and HexInt64 lower case and unpadded', async () => {
  const { data, xml } = await onlyRecord(
    dataFile({
      LogonId: value.hexInt64(0x3e7n),
      Zero32: value.hexInt32(0),
      Max32: value.hexInt32(0xffffffff),
      Access: value.hexInt32(0x1fffff),
      Top64: value.hexInt64(0x8000000000000000n),
      Max64: value.hexInt64(0xffffffffffffffffn),
    }),
  );
  assert.deepEqual(data.data, {
    LogonId: '0x3e7',
    Zero32: '0x0',
    Max32: '0xffffffff',
    Access: '0x1fffff',
    Top64: '0x8000000000000000',
    Max64: '0xffffffffffffffff',
  });
  assert.match(xml, /<Data Name='LogonId'>0x3e7<\/Data>/);
});

test('toStructured renders System/Keywords without leading zeros', async () => {
  const { data, xml } = await onlyRecord(
    fileWith(eventRecord({ recordId: 1, eventId: 1, keywords: 0x80000000000000n }, eventData({}))),
  );
  assert.equal(data.keywords, '0x80000000000000');
  assert.equal(section(xml, 'Keywords'), '<Keywords>0x80000000000000</Keywords>');
});
