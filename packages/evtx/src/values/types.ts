/** BinXml value types (MS-EVEN6 2.2.12 / libevtx "Value types"). */
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
  EvtHandle: 0x20,
  BinXml: 0x21,
  EvtXml: 0x23,
} as const;

/** The flag that turns a value type into an array of that type. */
export const ARRAY_FLAG = 0x80;

/** Byte width of each fixed-size type; absent for variable-size ones. */
export const FIXED_WIDTH: Readonly<Record<number, number>> = {
  [ValueType.Int8]: 1,
  [ValueType.UInt8]: 1,
  [ValueType.Int16]: 2,
  [ValueType.UInt16]: 2,
  [ValueType.Int32]: 4,
  [ValueType.UInt32]: 4,
  [ValueType.Int64]: 8,
  [ValueType.UInt64]: 8,
  [ValueType.Real32]: 4,
  [ValueType.Real64]: 8,
  [ValueType.Bool]: 4,
  [ValueType.Guid]: 16,
  [ValueType.FileTime]: 8,
  [ValueType.SysTime]: 16,
  [ValueType.HexInt32]: 4,
  [ValueType.HexInt64]: 8,
};

/** A human name for a value type, for messages. */
export function valueTypeName(type: number): string {
  const base = type & ~ARRAY_FLAG;
  const entry = Object.entries(ValueType).find(([, code]) => code === base);
  const name = entry ? entry[0] : `0x${base.toString(16)}`;
  return type & ARRAY_FLAG ? `${name}[]` : name;
}
