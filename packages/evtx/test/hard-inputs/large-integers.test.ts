/** 64-bit integers and FILETIMEs above 2^53 must stay exact. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dataFile, eventData, eventRecord, fileWith, value } from '../support/index.js';
import { onlyRecord, section } from '../support/parse.js';

test('toStructured keeps 64-bit and small signed integers exact', async () => {
  const { data, xml } = await onlyRecord(
    dataFile({
      MaxUInt64: value.uint64(18446744073709551615n),
      MinInt64: value.int64(-9223372036854775808n),
      TwoPow53Plus1: value.uint64(9007199254740993n),
      NegInt32: value.int32(-60),
      NegInt16: value.int16(-32768),
      NegInt8: value.int8(-1),
      MaxUInt32: value.uint32(4294967295),
      MaxUInt8: value.uint8(255),
    }),
  );
  assert.deepEqual(data.data, {
    MaxUInt64: '18446744073709551615',
    MinInt64: '-9223372036854775808',
    TwoPow53Plus1: '9007199254740993',
    NegInt32: '-60',
    NegInt16: '-32768',
    NegInt8: '-1',
    MaxUInt32: '4294967295',
    MaxUInt8: '255',
  });
  assert.match(xml, /<Data Name='TwoPow53Plus1'>9007199254740993<\/Data>/);
});

test('toStructured keeps a record id above 2^63 exact in the header and in System', async () => {
  const id = 9223372036854775813n;
  const { data, xml } = await onlyRecord(
    fileWith(eventRecord({ recordId: id, eventId: 1 }, eventData({ A: 'x' }))),
  );
  assert.equal(data.recordId, '9223372036854775813');
  assert.equal(section(xml, 'EventRecordID'), '<EventRecordID>9223372036854775813</EventRecordID>');
});

test('toXml renders FILETIMEs to the 100 ns tick, far above 2^53 ticks', async () => {
  const { data } = await onlyRecord(
    dataFile({
      Epoch: value.filetime(0n),
      Precise: value.filetime('2021-11-30T22:05:44.8461234Z'),
      OneTick: value.filetime(132827835448461235n),
      Last: value.filetime('9999-12-31T23:59:59.9999999Z'),
    }),
  );
  assert.deepEqual(data.data, {
    Epoch: '1601-01-01T00:00:00.0000000Z',
    Precise: '2021-11-30T22:05:44.8461234Z',
    OneTick: '2021-11-30T22:05:44.8461235Z',
    Last: '9999-12-31T23:59:59.9999999Z',
  });
});
