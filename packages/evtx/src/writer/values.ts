/**
 * Substitution values as the writer takes them, their BinXml type codes (MS-EVEN6 2.2.12) and
 * their encoded sizes. Encoding into the chunk lives in binxml-writer.ts.
 */
import { ValueType } from '../values/types.js';
import type { Template } from './template.js';

/** A template and the values of its substitutions, by index. */
export interface TemplateInstance {
  readonly template: Template;
  readonly values: readonly WriterValue[];
}

/** Integers that fit a JS number. */
type SmallInt = 'int8' | 'uint8' | 'int16' | 'uint16' | 'int32' | 'uint32' | 'hexint32';

/** 64-bit integers, as bigint so they stay exact; FILETIME is 100-ns ticks since 1601. */
type BigInt64Type = 'int64' | 'uint64' | 'hexint64' | 'filetime';

/** One substitution value. */
export type WriterValue =
  | { readonly type: 'null' }
  | { readonly type: 'string' | 'ansi'; readonly value: string }
  | { readonly type: SmallInt | 'real32' | 'real64'; readonly value: number }
  | { readonly type: BigInt64Type; readonly value: bigint }
  | { readonly type: 'bool'; readonly value: boolean }
  | { readonly type: 'binary'; readonly value: Uint8Array }
  /** `{xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}` (braces optional). */
  | { readonly type: 'guid'; readonly value: string }
  /** A SYSTEMTIME, kept to the millisecond. */
  | { readonly type: 'systime'; readonly value: Date }
  /** `S-1-5-21-...`. */
  | { readonly type: 'sid'; readonly value: string }
  /** A nested BinXml fragment holding a template instance (how EventData is written). */
  | { readonly type: 'binxml'; readonly value: TemplateInstance };

/** The names of the value types the writer writes. */
export type ValueTypeName = WriterValue['type'];

/** BinXml type code of each value type. */
export const TYPE_CODES: Readonly<Record<ValueTypeName, number>> = {
  null: ValueType.Null,
  string: ValueType.String,
  ansi: ValueType.AnsiString,
  int8: ValueType.Int8,
  uint8: ValueType.UInt8,
  int16: ValueType.Int16,
  uint16: ValueType.UInt16,
  int32: ValueType.Int32,
  uint32: ValueType.UInt32,
  int64: ValueType.Int64,
  uint64: ValueType.UInt64,
  real32: ValueType.Real32,
  real64: ValueType.Real64,
  bool: ValueType.Bool,
  binary: ValueType.Binary,
  guid: ValueType.Guid,
  filetime: ValueType.FileTime,
  systime: ValueType.SysTime,
  sid: ValueType.Sid,
  hexint32: ValueType.HexInt32,
  hexint64: ValueType.HexInt64,
  binxml: ValueType.BinXml,
};

/** Encoded size of the fixed-width types. */
export const FIXED_SIZES: Readonly<Partial<Record<ValueTypeName, number>>> = {
  null: 0,
  int8: 1,
  uint8: 1,
  int16: 2,
  uint16: 2,
  int32: 4,
  uint32: 4,
  hexint32: 4,
  real32: 4,
  real64: 8,
  int64: 8,
  uint64: 8,
  hexint64: 8,
  filetime: 8,
  bool: 4,
  guid: 16,
  systime: 16,
};

/** Milliseconds between 1601-01-01 and 1970-01-01. */
const EPOCH_DELTA_MS = 11644473600000n;

/** FILETIME ticks (100 ns since 1601) of an epoch-millisecond time, plus extra ticks. */
export function filetimeFromMs(epochMs: number, extraTicks = 0): bigint {
  return (BigInt(Math.floor(epochMs)) + EPOCH_DELTA_MS) * 10000n + BigInt(extraTicks);
}

/** The 16 bytes of a GUID in Windows order (first three groups little-endian). */
export function guidToBytes(guid: string): Uint8Array {
  const hex = guid.replace(/[{}-]/g, '');
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) throw new RangeError(`Cannot write GUID ${guid}`);
  const raw = Uint8Array.from({ length: 16 }, (_, i) => parseInt(hex.slice(2 * i, 2 * i + 2), 16));
  const order = [3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15];
  return Uint8Array.from(order, (i) => raw[i]!);
}

/** The bytes of a SID written as `S-revision-authority-sub-...` (at most 15 sub-authorities). */
export function sidToBytes(sid: string): Uint8Array {
  const parts = sid.split('-');
  if (parts[0] !== 'S' || parts.length < 3 || parts.length > 18) {
    throw new RangeError(`Cannot write SID ${sid}: expected S-1-authority-sub...`);
  }
  const numbers = parts.slice(1).map(Number);
  const [revision = 1, authority = 0, ...subs] = numbers;
  if (numbers.some((n) => !Number.isInteger(n) || n < 0)) {
    throw new RangeError(`Cannot write SID ${sid}: a part is not a number`);
  }
  const bytes = new Uint8Array(8 + 4 * subs.length);
  const view = new DataView(bytes.buffer);
  bytes[0] = revision;
  bytes[1] = subs.length;
  view.setUint16(2, Math.floor(authority / 2 ** 32), false);
  view.setUint32(4, authority % 2 ** 32, false);
  subs.forEach((sub, i) => view.setUint32(8 + 4 * i, sub, true));
  return bytes;
}
