/**
 * Bytes to text, piece by piece: the encoding is taken from a byte-order mark (UTF-8 when there
 * is none, as every sample is), and positions in the text are turned back into byte offsets
 * and line numbers for diagnostics.
 */
import type { ByteChunks } from './types.js';

/** The text encodings event exports come in. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

/** The encoding a byte-order mark names, and the mark's length; UTF-8 without one. */
export function textEncodingOf(head: Uint8Array): { name: TextEncodingName; bom: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { name: 'utf-8', bom: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { name: 'utf-16le', bom: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { name: 'utf-16be', bom: 2 };
  return { name: 'utf-8', bom: 0 };
}

/**
 * The text of `chunks`, decoded as `encoding` in pieces as they come, the byte-order mark
 * left out. Bytes that are not valid in the encoding become U+FFFD.
 */
export async function* decodeText(
  chunks: ByteChunks,
  encoding: TextEncodingName,
): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding, { ignoreBOM: false });
  for await (const chunk of chunks) {
    const text = decoder.decode(chunk, { stream: true });
    if (text.length > 0) yield text;
  }
  const rest = decoder.decode();
  if (rest.length > 0) yield rest;
}

/** Where the text read so far ends: byte offset in the input and 1-based line. */
export class TextPosition {
  byte: number;
  line = 1;

  constructor(
    private readonly encoding: TextEncodingName,
    bom: number,
  ) {
    this.byte = bom;
  }

  /** Moves past `text`, `start` to `end`. */
  advance(text: string, start = 0, end = text.length): void {
    const wide = this.encoding !== 'utf-8';
    let bytes = 0;
    let lines = 0;
    for (let i = start; i < end; i++) {
      const code = text.charCodeAt(i);
      if (code === 0x0a) lines++;
      bytes += wide ? 2 : code < 0x80 ? 1 : code < 0x800 ? 2 : isSurrogate(code) ? 2 : 3;
    }
    this.byte += bytes;
    this.line += lines;
  }

  /** A copy, for remembering where a structure starts. */
  at(): { offset: number; line: number } {
    return { offset: this.byte, line: this.line };
  }
}

/** Half of a surrogate pair: the pair is 4 UTF-8 bytes, counted 2 per half. */
function isSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdfff;
}
