/** Names read from a chunk's string table, and the errors a damaged one gives. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ChunkContext } from '../../src/binxml/chunk-context.js';
import { EvtxError } from '../../src/errors.js';

/** A name structure at `offset`: link, hash, character count, UTF-16LE text, terminator. */
function chunkWithName(offset: number, text: string): Uint8Array {
  const bytes = new Uint8Array(offset + 8 + 2 * text.length + 2);
  const view = new DataView(bytes.buffer);
  view.setUint16(offset + 6, text.length, true);
  for (let i = 0; i < text.length; i++)
    view.setUint16(offset + 8 + 2 * i, text.charCodeAt(i), true);
  return bytes;
}

test('readName reads a name and where it ends', () => {
  const chunk = new ChunkContext(chunkWithName(0x200, 'EventData'), 0x11000);
  assert.deepEqual(chunk.readName(0x200), { name: 'EventData', end: 0x200 + 8 + 18 + 2 });
});

test('a damaged name is quoted whole when short', () => {
  const chunk = new ChunkContext(chunkWithName(0x200, 'a<b'), 0x11000);
  assert.throws(
    () => chunk.readName(0x200),
    (error: unknown) =>
      error instanceof EvtxError &&
      error.message === 'Cannot read name at 0x11200: implausible element name "a<b"',
  );
});

test('a long damaged name is cut in the error, with its length said', () => {
  const junk = '\u0001'.repeat(30000);
  const chunk = new ChunkContext(chunkWithName(0x200, junk), 0x11000);
  const head = JSON.stringify('\u0001'.repeat(48)).slice(0, -1);
  assert.throws(
    () => chunk.readName(0x200),
    (error: unknown) =>
      error instanceof EvtxError &&
      error.message ===
        `Cannot read name at 0x11200: implausible element name ${head}..." (30000 characters)`,
  );
});
