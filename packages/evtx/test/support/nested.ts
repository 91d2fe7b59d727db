/** Deep BinXml written token by token, for inputs the recursive encoder cannot make. */
import { ByteWriter } from './byte-writer.js';

/** `depth` nested empty elements as raw tokens, all named by the name at `nameAt`. */
export function nestedElements(depth: number, nameAt: number): Uint8Array {
  const w = new ByteWriter();
  for (let level = depth; level >= 1; level--) {
    const inner = 12 + 13 * (level - 1);
    w.u8(0x01)
      .u16(0xffff)
      .u32(4 + 1 + inner + 1)
      .u32(nameAt)
      .u8(0x02);
  }
  w.u8(0x01).u16(0xffff).u32(5).u32(nameAt).u8(0x03);
  for (let level = 0; level < depth; level++) w.u8(0x04);
  return w.bytes();
}
