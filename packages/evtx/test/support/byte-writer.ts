/** A growable little-endian byte buffer with back-patching, for building test inputs. */
export class ByteWriter {
  private buffer = new Uint8Array(256);
  private view = new DataView(this.buffer.buffer);
  /** Bytes written so far; also the offset of the next byte. */
  length = 0;

  /** The written bytes (a copy). */
  bytes(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }

  u8(value: number): this {
    this.reserve(1);
    this.view.setUint8(this.length, value & 0xff);
    this.length += 1;
    return this;
  }

  u16(value: number): this {
    this.reserve(2);
    this.view.setUint16(this.length, value & 0xffff, true);
    this.length += 2;
    return this;
  }

  u32(value: number): this {
    this.reserve(4);
    this.view.setUint32(this.length, value >>> 0, true);
    this.length += 4;
    return this;
  }

  u64(value: bigint): this {
    this.reserve(8);
    this.view.setBigUint64(this.length, BigInt.asUintN(64, value), true);
    this.length += 8;
    return this;
  }

  raw(bytes: Uint8Array): this {
    this.reserve(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
    return this;
  }

  /** UTF-16LE code units of `text`, without a terminator. Lone surrogates are kept as-is. */
  utf16(text: string): this {
    for (let i = 0; i < text.length; i++) this.u16(text.charCodeAt(i));
    return this;
  }

  /** Zero bytes up to `offset` (which must not be behind the current length). */
  padTo(offset: number): this {
    if (offset < this.length) throw new Error(`Cannot pad to ${offset}: already at ${this.length}`);
    this.reserve(offset - this.length);
    this.length = offset;
    return this;
  }

  patchU16(offset: number, value: number): void {
    this.view.setUint16(offset, value & 0xffff, true);
  }

  patchU32(offset: number, value: number): void {
    this.view.setUint32(offset, value >>> 0, true);
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.length + extra) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buffer.subarray(0, this.length));
    this.buffer = next;
    this.view = new DataView(next.buffer);
  }
}

/** UTF-16LE bytes of `text`, without a terminator. */
export function utf16le(text: string): Uint8Array {
  return new ByteWriter().utf16(text).bytes();
}
