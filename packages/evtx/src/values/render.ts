/**
 * Renders substitution values as Windows renders them in event XML. A value that does not fit
 * its declared type is rendered as hex and reported, never thrown.
 */
import { decodeAnsi, decodeUtf16, type IssueSink } from '../text.js';
import { filetimeToIso, systemtimeToIso } from '../time.js';
import { ARRAY_FLAG, FIXED_WIDTH, ValueType, valueTypeName } from './types.js';

/** Upper bound on array elements rendered from one value. */
export const MAX_ARRAY_ITEMS = 65536;

/** Renders a scalar value; `null` for the NULL type. */
export function renderScalar(
  bytes: Uint8Array,
  type: number,
  offset: number,
  size: number,
  sink: IssueSink,
): string | null {
  if (type === ValueType.Null) return null;
  if (type === ValueType.String) return decodeUtf16(bytes, offset, size >>> 1, sink);
  if (type === ValueType.AnsiString) return decodeAnsi(bytes, offset, size);
  if (type === ValueType.Binary) return hexUpper(bytes, offset, size);
  if (type === ValueType.Sid) return renderSid(bytes, offset, size, sink);
  if (type === ValueType.SizeT) return renderSizeT(bytes, offset, size, sink);

  const width = FIXED_WIDTH[type];
  if (width === undefined) {
    sink.issue(`value type ${valueTypeName(type)} rendered as hex`);
    return hexUpper(bytes, offset, size);
  }
  if (size !== width && !(type === ValueType.Bool && isBoolWidth(size))) {
    sink.issue(`${valueTypeName(type)} value of ${size} bytes rendered as hex`);
    return hexUpper(bytes, offset, size);
  }
  return renderFixed(bytes, type, offset, size);
}

/** Renders an array value as its items, in order. */
export function renderArray(
  bytes: Uint8Array,
  type: number,
  offset: number,
  size: number,
  sink: IssueSink,
): string[] {
  const base = type & ~ARRAY_FLAG;
  if (base === ValueType.String) return splitUtf16(bytes, offset, size, sink);
  if (base === ValueType.AnsiString) return splitAnsi(bytes, offset, size);
  if (base === ValueType.Sid) return splitSids(bytes, offset, size, sink);

  const width = base === ValueType.SizeT ? (size % 8 === 0 ? 8 : 4) : FIXED_WIDTH[base];
  if (width === undefined || size % width !== 0) {
    sink.issue(`array of ${valueTypeName(base)} (${size} bytes) rendered as hex`);
    return [hexUpper(bytes, offset, size)];
  }
  const items: string[] = [];
  const count = Math.min(size / width, MAX_ARRAY_ITEMS);
  for (let i = 0; i < count; i++) {
    const item = renderScalar(bytes, base, offset + i * width, width, sink);
    items.push(item ?? '');
  }
  return items;
}

function isAllZero(bytes: Uint8Array, offset: number, size: number): boolean {
  for (let i = offset; i < offset + size; i++) if (bytes[i] !== 0) return false;
  return true;
}

function isBoolWidth(size: number): boolean {
  return size === 1 || size === 2 || size === 8;
}

function renderFixed(bytes: Uint8Array, type: number, offset: number, size: number): string {
  switch (type) {
    case ValueType.Int8:
      return ((bytes[offset]! << 24) >> 24).toString();
    case ValueType.UInt8:
      return bytes[offset]!.toString();
    case ValueType.Int16:
      return ((u16(bytes, offset) << 16) >> 16).toString();
    case ValueType.UInt16:
      return u16(bytes, offset).toString();
    case ValueType.Int32:
      return (u32(bytes, offset) | 0).toString();
    case ValueType.UInt32:
      return u32(bytes, offset).toString();
    case ValueType.Bool:
      return isAllZero(bytes, offset, size) ? 'false' : 'true';
    case ValueType.Guid:
      return renderGuid(bytes, offset);
    case ValueType.FileTime:
      return filetimeToIso(u32(bytes, offset), u32(bytes, offset + 4));
    case ValueType.HexInt32:
      return `0x${u32(bytes, offset).toString(16)}`;
    case ValueType.HexInt64:
      return `0x${hex64(u32(bytes, offset), u32(bytes, offset + 4))}`;
    case ValueType.UInt64:
      return unsigned64(u32(bytes, offset), u32(bytes, offset + 4));
    default:
      return renderWithView(new DataView(bytes.buffer, bytes.byteOffset + offset, size), type);
  }
}

function renderWithView(view: DataView, type: number): string {
  switch (type) {
    case ValueType.Int64:
      return view.getBigInt64(0, true).toString();
    case ValueType.Real32:
      return renderReal32(view.getFloat32(0, true));
    case ValueType.Real64:
      return renderReal(view.getFloat64(0, true));
    case ValueType.SysTime:
      return systemtimeToIso(Array.from({ length: 8 }, (_, i) => view.getUint16(2 * i, true)));
    default:
      return `0x${view.getBigUint64(0, true).toString(16)}`;
  }
}

/** Lower-case hex of a 64-bit value from its halves, without leading zeros. */
function hex64(low: number, high: number): string {
  if (high === 0) return low.toString(16);
  return high.toString(16) + low.toString(16).padStart(8, '0');
}

/** Decimal of an unsigned 64-bit value; exact as a double below 2^53, else through BigInt. */
export function unsigned64(low: number, high: number): string {
  // The usual case (a record id): an integer's text, without the sum that makes it a double.
  if (high === 0) return low.toString();
  if (high < 0x200000) return (high * 0x100000000 + low).toString();
  return ((BigInt(high) << 32n) | BigInt(low)).toString();
}

function u16(bytes: Uint8Array, offset: number): number {
  return bytes[offset]! | (bytes[offset + 1]! << 8);
}

function u32(bytes: Uint8Array, offset: number): number {
  return (u16(bytes, offset) + u16(bytes, offset + 2) * 65536) >>> 0;
}

/** The shortest decimal that reads back as the same 32-bit float. */
function renderReal32(value: number): string {
  if (!Number.isFinite(value)) return renderReal(value);
  for (let digits = 1; digits <= 9; digits++) {
    const text = Number(value.toPrecision(digits));
    if (Math.fround(text) === value) return renderReal(text);
  }
  return renderReal(value);
}

function renderReal(value: number): string {
  if (Number.isNaN(value)) return '-1.#IND';
  if (value === Infinity) return '1.#INF';
  if (value === -Infinity) return '-1.#INF';
  return value.toString();
}

/** `{aabbccdd-eeff-0011-2233-445566778899}`, first three groups little-endian. */
export function renderGuid(bytes: Uint8Array, offset: number): string {
  const b = (i: number) => bytes[offset + i]!;
  // One string made from its 38 characters: joining 16 pieces made a dozen strings per GUID.
  // prettier-ignore
  return String.fromCharCode(
    0x7b, high(b(3)), low(b(3)), high(b(2)), low(b(2)), high(b(1)), low(b(1)), high(b(0)), low(b(0)),
    0x2d, high(b(5)), low(b(5)), high(b(4)), low(b(4)),
    0x2d, high(b(7)), low(b(7)), high(b(6)), low(b(6)),
    0x2d, high(b(8)), low(b(8)), high(b(9)), low(b(9)),
    0x2d, high(b(10)), low(b(10)), high(b(11)), low(b(11)), high(b(12)), low(b(12)),
    high(b(13)), low(b(13)), high(b(14)), low(b(14)), high(b(15)), low(b(15)), 0x7d,
  );
}

/** The lower-case hex digit of a byte's high and low halves, as a character code. */
function high(byte: number): number {
  return HEX_DIGIT_CODES[byte >>> 4]!;
}

function low(byte: number): number {
  return HEX_DIGIT_CODES[byte & 15]!;
}

function renderSizeT(bytes: Uint8Array, offset: number, size: number, sink: IssueSink): string {
  if (size === 4) return renderFixed(bytes, ValueType.HexInt32, offset, 4);
  if (size === 8) return renderFixed(bytes, ValueType.HexInt64, offset, 8);
  sink.issue(`SizeT value of ${size} bytes rendered as hex`);
  return hexUpper(bytes, offset, size);
}

/** Length in bytes of the SID at `offset`, or 0 when it does not fit in `size`. */
function sidLength(bytes: Uint8Array, offset: number, size: number): number {
  if (size < 8) return 0;
  const length = 8 + 4 * bytes[offset + 1]!;
  return length <= size ? length : 0;
}

function renderSid(bytes: Uint8Array, offset: number, size: number, sink: IssueSink): string {
  const length = sidLength(bytes, offset, size);
  if (length === 0) {
    sink.issue(`SID of ${size} bytes is too short for its sub-authority count`);
    return hexUpper(bytes, offset, size);
  }
  const revision = bytes[offset]!;
  const count = bytes[offset + 1]!;
  let authority = 0;
  for (let i = 2; i < 8; i++) authority = authority * 256 + bytes[offset + i]!;
  const authorityText = authority >= 2 ** 32 ? `0x${authority.toString(16)}` : `${authority}`;

  let text = `S-${revision}-${authorityText}`;
  for (let i = 0; i < count; i++) text += `-${u32(bytes, offset + 8 + 4 * i)}`;
  return text;
}

function splitSids(bytes: Uint8Array, offset: number, size: number, sink: IssueSink): string[] {
  const items: string[] = [];
  let at = 0;
  while (at < size && items.length < MAX_ARRAY_ITEMS) {
    const length = sidLength(bytes, offset + at, size - at);
    if (length === 0) {
      sink.issue(`SID array has ${size - at} trailing bytes that are not a SID`);
      break;
    }
    items.push(renderSid(bytes, offset + at, length, sink));
    at += length;
  }
  return items;
}

function splitUtf16(bytes: Uint8Array, offset: number, size: number, sink: IssueSink): string[] {
  const items: string[] = [];
  const units = size >>> 1;
  let start = 0;
  for (let i = 0; i < units && items.length < MAX_ARRAY_ITEMS; i++) {
    const at = offset + 2 * i;
    if (bytes[at] !== 0 || bytes[at + 1] !== 0) continue;
    items.push(decodeUtf16(bytes, offset + 2 * start, i - start, sink));
    start = i + 1;
  }
  if (start < units) items.push(decodeUtf16(bytes, offset + 2 * start, units - start, sink));
  return items;
}

function splitAnsi(bytes: Uint8Array, offset: number, size: number): string[] {
  const items: string[] = [];
  let start = 0;
  for (let i = 0; i < size && items.length < MAX_ARRAY_ITEMS; i++) {
    if (bytes[offset + i] !== 0) continue;
    items.push(decodeAnsi(bytes, offset + start, i - start));
    start = i + 1;
  }
  if (start < size) items.push(decodeAnsi(bytes, offset + start, size - start));
  return items;
}

/** Upper-case hex of a byte range, as Windows renders binary values. */
export function hexUpper(bytes: Uint8Array, offset: number, size: number): string {
  let text = '';
  for (let i = 0; i < size; i++) text += HEX[bytes[offset + i]!];
  return text;
}

const HEX_DIGIT_CODES = Array.from('0123456789abcdef', (digit) => digit.charCodeAt(0));
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).toUpperCase().padStart(2, '0'));
