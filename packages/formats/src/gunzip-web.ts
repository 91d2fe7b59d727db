/** gzip in a browser (or any runtime with the Compression Streams API). */
import type { ByteChunks, Gunzip } from './types.js';
import { decompress } from './decompress-stream.js';

/** Decompresses with DecompressionStream; the runtime must provide it. */
export const webGunzip: Gunzip = (compressed: ByteChunks) => decompress(compressed, 'gzip');
