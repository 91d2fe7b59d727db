/**
 * Reads one record again, for the details pane: the file header and the one chunk that holds
 * the record are presented to the parser as a file of a single chunk, so nothing else of the
 * file is read and no XML is kept in memory between requests. A record recovered from a slot
 * whose chunk header was destroyed needs the slots before it too (their templates).
 */
import { EvtxFile, hasChunkSignature, type ByteSource } from '@evtxhunt/evtx';

const HEADER_BLOCK = 0x1000;
const CHUNK_SIZE = 0x10000;
const SIGNATURE_BYTES = 8;

/** The XML of the record at absolute `offset` in chunk slot `chunk` of `source`. */
export async function recordXml(
  source: ByteSource,
  chunk: number,
  offset: number,
): Promise<string> {
  const chunkOffset = HEADER_BLOCK + chunk * CHUNK_SIZE;
  if (!Number.isInteger(chunk) || chunk < 0 || chunkOffset >= source.size) {
    throw new RangeError(`${source.name}: chunk ${chunk} is past the end of the file`);
  }

  // A slot without a chunk signature had its header destroyed: its recovered records borrow
  // templates from the chunks before it, so those are read too (slower, only for such slots).
  const destroyed = !hasChunkSignature(await source.read(chunkOffset, SIGNATURE_BYTES));
  const chunkEnd = Math.min(source.size, chunkOffset + CHUNK_SIZE);
  const read = destroyed ? prefixSource(source, chunkEnd) : oneChunkSource(source, chunkOffset);
  const evtx = await EvtxFile.open(read);
  const wanted = destroyed ? offset : HEADER_BLOCK + (offset - chunkOffset);
  for await (const record of evtx.records()) {
    if (record.offset === wanted) return record.toXml();
  }
  const where = `0x${offset.toString(16)} in chunk ${chunk}`;
  throw new RangeError(`${source.name}: no readable record at ${where}`);
}

/** The first `size` bytes of `source`, as if they were the whole file. */
function prefixSource(source: ByteSource, size: number): ByteSource {
  return {
    size,
    name: source.name,
    read: (at, length) => source.read(at, Math.max(0, Math.min(length, size - at))),
  };
}

/** The header block followed by the chunk slot at `chunkOffset`, as if it were a whole file. */
function oneChunkSource(source: ByteSource, chunkOffset: number): ByteSource {
  const chunkBytes = Math.min(CHUNK_SIZE, source.size - chunkOffset);
  const size = HEADER_BLOCK + chunkBytes;
  const toReal = (at: number) => (at < HEADER_BLOCK ? at : chunkOffset + at - HEADER_BLOCK);

  return {
    size,
    name: source.name,
    read: async (at, length) => {
      const end = Math.min(size, at + length);
      if (at < HEADER_BLOCK && end > HEADER_BLOCK) {
        const head = await source.read(at, HEADER_BLOCK - at);
        const rest = await source.read(chunkOffset, end - HEADER_BLOCK);
        const joined = new Uint8Array(head.length + rest.length);
        joined.set(head);
        joined.set(rest, head.length);
        return joined;
      }
      return source.read(toReal(at), Math.max(0, end - at));
    },
  };
}
