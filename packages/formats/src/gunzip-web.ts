/** gzip in a browser (or any runtime with the Compression Streams API). */
import type { ByteChunks, Gunzip } from './types.js';

/** Decompresses with DecompressionStream; the runtime must provide it. */
export const webGunzip: Gunzip = (compressed: ByteChunks) => inflate(compressed);

async function* inflate(compressed: ByteChunks): AsyncGenerator<Uint8Array> {
  const stream = new DecompressionStream('gzip');
  const writer = stream.writable.getWriter();
  const pump = (async () => {
    for await (const chunk of compressed) await writer.write(chunk as Uint8Array<ArrayBuffer>);
    await writer.close();
  })();
  // A failed write shows as a failed read below; this keeps it from going unhandled.
  pump.catch(() => undefined);
  const reader = stream.readable.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    yield value as Uint8Array;
  }
  await pump;
}
