/**
 * Substitution values as Windows stores them in a template instance: a value type byte and the
 * value's bytes. Every constructor here produces the exact encoding, so tests can also build
 * values that Windows would never write (see `value.raw` and `value.utf16Units`).
 */
import { ByteWriter, utf16le } from './byte-writer.js';
import type { Fragment } from './binxml.js';

/** BinXml value types (MS-EVEN6 2.2.12, libevtx "Value types"). */
export const ValueType = {
  Null: 0x00,
  String: 0x01,
  AnsiString: 0x02,
  Int8: 0x03,
  UInt8: 0x04,
  Int16: 0x05,
  UInt16: 0x06,
  Int32: 0x07,
  UInt32: 0x08,
  Int64: 0x09,
  UInt64: 0x0a,
  Real32: 0x0b,
  Real64: 0x0c,
  Bool: 0x0d,
  Binary: 0x0e,
  Guid: 0x0f,
  SizeT: 0x10,
  FileTime: 0x11,
  SysTime: 0x12,
  Sid: 0x13,
  HexInt32: 0x14,
  HexInt64: 0x15,
  BinXml: 0x21,
  /** Flag on any type above: the value is an array of that type. */
  Array: 0x80,
} as const;

/** One template substitution value: its type and either raw bytes or a nested BinXml fragment. */
export type TypedValue =
  | { readonly type: number; readonly bytes: Uint8Array }
  | { readonly type: typeof ValueType.BinXml; readonly fragment: Fragment };

/** Seconds between 1601-01-01 and 1970-01-01. */
const EPOCH_DIFF_SECONDS = 11_644_473_600n;

/**
 * FILETIME ticks (100 ns since 1601) for an ISO-8601 UTC time with up to 7 fraction digits,
 * e.g. `2021-11-30T22:05:44.8461234Z`.
 */
export function filetime(iso: string): bigint {
  const match = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,7}))?Z$/.exec(iso);
  if (!match?.[1]) throw new Error(`Cannot parse time: ${iso}`);
  const seconds = BigInt(Date.parse(`${match[1]}Z`) / 1000);
  const ticks = BigInt((match[2] ?? '').padEnd(7, '0'));
  return (seconds + EPOCH_DIFF_SECONDS) * 10_000_000n + ticks;
}

function fixed(type: number, size: number, fill: (view: DataView) => void): TypedValue {
  const bytes = new Uint8Array(size);
  fill(new DataView(bytes.buffer));
  return { type, bytes };
}

/** The 16 bytes of a GUID written as `{xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}` (any case). */
export function guidBytes(text: string): Uint8Array {
  const hex = text.replace(/[{}-]/g, '');
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) throw new Error(`Cannot parse GUID: ${text}`);
  const raw = Uint8Array.from(hex.match(/../g) ?? [], (pair) => parseInt(pair, 16));
  // Data1, Data2 and Data3 are little-endian; Data4 is a plain byte string.
  const order = [3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15];
  return Uint8Array.from(order, (i) => raw[i] ?? 0);
}

/** The bytes of a SID written as `S-1-5-21-...` (revision, authority, sub-authorities). */
export function sidBytes(text: string): Uint8Array {
  const parts = text.split('-');
  if (parts[0] !== 'S' || parts.length < 3) throw new Error(`Cannot parse SID: ${text}`);
  const subAuthorities = parts.slice(3).map(Number);
  const writer = new ByteWriter().u8(Number(parts[1])).u8(subAuthorities.length);
  const authority = BigInt(parts[2] ?? '0');
  for (let shift = 40n; shift >= 0n; shift -= 8n) writer.u8(Number((authority >> shift) & 0xffn));
  for (const sub of subAuthorities) writer.u32(sub);
  return writer.bytes();
}

/** Fields of a Windows SYSTEMTIME; `dayOfWeek` defaults to 0. */
export interface SystemTimeFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  dayOfWeek?: number;
}

function systemTimeBytes(t: SystemTimeFields): Uint8Array {
  const w = new ByteWriter()
    .u16(t.year)
    .u16(t.month)
    .u16(t.dayOfWeek ?? 0)
    .u16(t.day);
  return w.u16(t.hour).u16(t.minute).u16(t.second).u16(t.millisecond).bytes();
}

function concat(type: number, chunks: Uint8Array[]): TypedValue {
  const writer = new ByteWriter();
  for (const chunk of chunks) writer.raw(chunk);
  return { type, bytes: writer.bytes() };
}

const empty = new Uint8Array(0);

/** Constructors for every value type. */
export const value = {
  null: (): TypedValue => ({ type: ValueType.Null, bytes: new Uint8Array(0) }),
  string: (text: string): TypedValue => ({ type: ValueType.String, bytes: utf16le(text) }),
  /** A UTF-16 string given as raw code units, e.g. with an unpaired surrogate. */
  utf16Units: (units: number[]): TypedValue =>
    concat(ValueType.String, [Uint8Array.from(units.flatMap((u) => [u & 0xff, u >> 8]))]),
  /** An ANSI (code page) string: `bytes` are stored as given. */
  ansi: (bytes: Uint8Array | string): TypedValue => ({
    type: ValueType.AnsiString,
    bytes: typeof bytes === 'string' ? Uint8Array.from(bytes, (c) => c.charCodeAt(0)) : bytes,
  }),
  int8: (n: number) => fixed(ValueType.Int8, 1, (v) => v.setInt8(0, n)),
  uint8: (n: number) => fixed(ValueType.UInt8, 1, (v) => v.setUint8(0, n)),
  int16: (n: number) => fixed(ValueType.Int16, 2, (v) => v.setInt16(0, n, true)),
  uint16: (n: number) => fixed(ValueType.UInt16, 2, (v) => v.setUint16(0, n, true)),
  int32: (n: number) => fixed(ValueType.Int32, 4, (v) => v.setInt32(0, n, true)),
  uint32: (n: number) => fixed(ValueType.UInt32, 4, (v) => v.setUint32(0, n, true)),
  int64: (n: bigint) => fixed(ValueType.Int64, 8, (v) => v.setBigInt64(0, n, true)),
  uint64: (n: bigint) => fixed(ValueType.UInt64, 8, (v) => v.setBigUint64(0, n, true)),
  real32: (n: number) => fixed(ValueType.Real32, 4, (v) => v.setFloat32(0, n, true)),
  real64: (n: number) => fixed(ValueType.Real64, 8, (v) => v.setFloat64(0, n, true)),
  bool: (b: boolean) => fixed(ValueType.Bool, 4, (v) => v.setUint32(0, b ? 1 : 0, true)),
  binary: (bytes: Uint8Array): TypedValue => ({ type: ValueType.Binary, bytes }),
  guid: (text: string): TypedValue => ({ type: ValueType.Guid, bytes: guidBytes(text) }),
  sizeT64: (n: bigint) => fixed(ValueType.SizeT, 8, (v) => v.setBigUint64(0, n, true)),
  /** A FILETIME from an ISO-8601 string or from raw ticks. */
  filetime: (time: string | bigint) =>
    fixed(ValueType.FileTime, 8, (v) =>
      v.setBigUint64(0, typeof time === 'bigint' ? time : filetime(time), true),
    ),
  systemtime: (t: SystemTimeFields): TypedValue => concat(ValueType.SysTime, [systemTimeBytes(t)]),
  sid: (text: string): TypedValue => ({ type: ValueType.Sid, bytes: sidBytes(text) }),
  hexInt32: (n: number) => fixed(ValueType.HexInt32, 4, (v) => v.setUint32(0, n, true)),
  hexInt64: (n: bigint) => fixed(ValueType.HexInt64, 8, (v) => v.setBigUint64(0, n, true)),
  /** Nested BinXml (type 0x21): Windows puts each event's EventData/UserData here. */
  binxml: (fragment: Fragment): TypedValue => ({ type: ValueType.BinXml, fragment }),
  /** An array of UTF-16 strings (0x81): each string is followed by a NUL. */
  stringArray: (items: string[]): TypedValue =>
    concat(
      ValueType.Array | ValueType.String,
      items.map((s) => utf16le(`${s}\0`)),
    ),
  /** An array of fixed-size values of one type, e.g. `value.array([value.uint16(1), ...])`. */
  array: (type: number, items: TypedValue[]): TypedValue =>
    concat(
      ValueType.Array | type,
      items.map((item) => ('bytes' in item ? item.bytes : empty)),
    ),
  /** Any type byte with any bytes, for values that no constructor above makes. */
  raw: (type: number, bytes: Uint8Array): TypedValue => ({ type, bytes }),
};
