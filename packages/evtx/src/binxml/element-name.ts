/** Where an element's name offset lies: its token's layout differs inside BinXml values. */
import { CHUNK_HEADER_SIZE, type ChunkContext } from './chunk-context.js';

/**
 * Finds the name-offset field of the element whose token is at `start`. Elements carry a
 * 16-bit dependency identifier before their data size, except inside BinXml values; when the
 * expected layout does not give a plausible name offset, the other layout is tried.
 */
export function elementNameField(chunk: ChunkContext, start: number, inValue: boolean): number {
  const withDependency = start + 7;
  const without = start + 5;
  const [first, second] = inValue ? [without, withDependency] : [withDependency, without];
  if (isPlausibleNameOffset(chunk, first)) return first;
  if (isPlausibleNameOffset(chunk, second)) return second;
  const found = chunk.u32(first).toString(16);
  return chunk.fail('binxml', start, `element name offset 0x${found} is out of range`);
}

/** An inline name just past the field, or one written earlier in the chunk. */
function isPlausibleNameOffset(chunk: ChunkContext, field: number): boolean {
  if (field + 4 > chunk.bytes.length) return false;
  const offset = chunk.view.getUint32(field, true);
  if (offset === field + 4) return true;
  return offset >= CHUNK_HEADER_SIZE && offset < field && offset + 10 <= chunk.bytes.length;
}
