import assert from 'node:assert/strict';
import test from 'node:test';
import { renderArray, renderScalar } from '../../src/values/render.js';
import { ValueType } from '../../src/values/types.js';

function render(type: number, bytes: number[]): { text: string | null; issues: string[] } {
  const issues: string[] = [];
  const text = renderScalar(Uint8Array.from(bytes), type, 0, bytes.length, {
    issue: (m) => issues.push(m),
  });
  return { text, issues };
}

function le(value: bigint, width: number): number[] {
  return Array.from({ length: width }, (_, i) => Number((value >> BigInt(8 * i)) & 0xffn));
}

test('renderScalar keeps 64-bit integers exact', () => {
  assert.equal(render(ValueType.UInt64, le(2n ** 64n - 1n, 8)).text, '18446744073709551615');
  assert.equal(render(ValueType.UInt64, le(2n ** 53n + 1n, 8)).text, '9007199254740993');
  assert.equal(render(ValueType.Int64, le(2n ** 64n - 60n, 8)).text, '-60');
  assert.equal(render(ValueType.Int32, le(2n ** 32n - 60n, 4)).text, '-60');
});

test('renderScalar renders HexInt32/64 lower case without padding', () => {
  assert.equal(render(ValueType.HexInt32, le(0x3e7n, 4)).text, '0x3e7');
  assert.equal(render(ValueType.HexInt64, le(0x8000000000000000n, 8)).text, '0x8000000000000000');
  assert.equal(render(ValueType.HexInt64, le(0x80000000000000n, 8)).text, '0x80000000000000');
  assert.equal(render(ValueType.SizeT, le(0x1234n, 8)).text, '0x1234');
});

test('renderScalar renders a GUID in braces, lower case, first groups little-endian', () => {
  const guid = [
    0x5f, 0x38, 0x70, 0x57, 0x2a, 0xc2, 0xe0, 0x43, 0xbf, 0x4c, 0x06, 0xf5, 0x69, 0x8f, 0xfb, 0xd9,
  ];
  assert.equal(render(ValueType.Guid, guid).text, '{5770385f-c22a-43e0-bf4c-06f5698ffbd9}');
});

test('renderScalar renders SIDs with up to 15 sub-authorities', () => {
  const subs = Array.from({ length: 15 }, (_, i) => le(BigInt(i + 1), 4)).flat();
  const sid = [1, 15, 0, 0, 0, 0, 0, 5, ...subs];
  assert.equal(render(ValueType.Sid, sid).text, 'S-1-5-1-2-3-4-5-6-7-8-9-10-11-12-13-14-15');
  assert.equal(render(ValueType.Sid, [1, 1, 0, 0, 0, 0, 0, 5, 18, 0, 0, 0]).text, 'S-1-5-18');
});

test('renderScalar reports a SID shorter than its sub-authority count and shows hex', () => {
  const { text, issues } = render(ValueType.Sid, [1, 2, 0, 0, 0, 0, 0, 5, 18, 0, 0, 0]);
  assert.equal(text, '010200000000000512000000');
  assert.deepEqual(issues, ['SID of 12 bytes is too short for its sub-authority count']);
});

test('renderScalar renders booleans, binary, floats and NULL', () => {
  assert.equal(render(ValueType.Bool, [1, 0, 0, 0]).text, 'true');
  assert.equal(render(ValueType.Bool, [0, 0, 0, 0]).text, 'false');
  assert.equal(render(ValueType.Binary, [0xd9, 0x06, 0, 0]).text, 'D9060000');
  assert.equal(render(ValueType.Real32, [0xcd, 0xcc, 0xcc, 0x3d]).text, '0.1');
  assert.equal(render(ValueType.Real64, le(0x400921fb54442d18n, 8)).text, '3.141592653589793');
  assert.equal(render(ValueType.Null, []).text, null);
});

test('renderScalar shows a value of the wrong size as hex and says why', () => {
  const { text, issues } = render(ValueType.UInt32, [1, 2]);
  assert.equal(text, '0102');
  assert.deepEqual(issues, ['UInt32 value of 2 bytes rendered as hex']);
});

test('renderArray splits string and integer arrays', () => {
  const strings = Uint8Array.from([0x61, 0, 0, 0, 0x62, 0, 0x63, 0, 0, 0]);
  const sink = { issue: () => undefined };
  assert.deepEqual(renderArray(strings, 0x81, 0, strings.length, sink), ['a', 'bc']);
  const ints = Uint8Array.from([...le(7n, 4), ...le(2n ** 32n - 1n, 4)]);
  assert.deepEqual(renderArray(ints, 0x88, 0, ints.length, sink), ['7', '4294967295']);
});
