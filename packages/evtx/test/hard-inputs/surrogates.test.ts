/** Unpaired UTF-16 surrogates: replaced by U+FFFD, flagged in `issues`, the record kept. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dataFile, value } from '../support/index.js';
import { onlyRecord } from '../support/parse.js';

const A = 0x41;
const B = 0x42;

for (const [label, units, expected] of [
  ['a lone high surrogate', [A, 0xd800, B], 'A\ufffdB'],
  ['a lone low surrogate', [A, 0xdc00, B], 'A\ufffdB'],
  ['a high surrogate at the end', [A, B, 0xdbff], 'AB\ufffd'],
  ['two high surrogates in a row', [0xd83d, 0xd83d, 0xde00], '\ufffd\u{1f600}'],
] as const) {
  test(`toStructured replaces ${label} and flags it`, async () => {
    const { data, xml } = await onlyRecord(
      dataFile({ Image: value.utf16Units([...units]), Next: 'ok' }),
    );
    assert.equal(data.data['Image'], expected);
    assert.equal(data.data['Next'], 'ok');
    assert.equal(data.issues?.length, 1);
    assert.match(xml, new RegExp(`<Data Name='Image'>${expected}</Data>`, 'u'));
  });
}

test('toStructured keeps a valid surrogate pair and reports no issue', async () => {
  const { data } = await onlyRecord(dataFile({ Image: value.utf16Units([0xd83d, 0xde00]) }));
  assert.equal(data.data['Image'], '\u{1f600}');
  assert.equal(data.issues, undefined);
});

test('toStructured flags an unpaired surrogate in an element name too', async () => {
  const { data } = await onlyRecord(dataFile({ ['Bad\ud800Name']: 'v' }));
  assert.deepEqual(data.data, { 'Bad\ufffdName': 'v' });
  assert.equal(data.issues?.length, 1);
});
