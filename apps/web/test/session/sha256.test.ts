import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { openAsBlob, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

import { hashBlob } from '../../src/session/file-hash.js';
import { Sha256 } from '../../src/session/sha256.js';
import { ISSUE43, SHARED_EVTX, SKIP_SHARED } from '../support/paths.js';

function nodeHex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Bytes 0..n-1 of a fixed pseudo-random stream, so every length has different content. */
function noise(length: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(length);
  let x = 0x9e3779b9;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  return bytes;
}

test('Sha256 gives the FIPS 180-4 digests of "", "abc" and the 448-bit message', () => {
  const text = (s: string) => new Sha256().update(new TextEncoder().encode(s)).hex();
  assert.equal(text(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  assert.equal(text('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  assert.equal(
    text('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'),
    '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
  );
});

test('Sha256 equals node:crypto at every length round the padding edges (0-200, 1000-1100)', () => {
  const data = noise(1100);
  const lengths = [...Array(201).keys(), ...Array.from({ length: 101 }, (_, i) => 1000 + i)];
  for (const length of lengths) {
    const bytes = data.subarray(0, length);
    assert.equal(new Sha256().update(bytes).hex(), nodeHex(bytes), `length ${length}`);
  }
});

test('Sha256 gives one digest however the bytes are split into updates', () => {
  const data = noise(5000);
  const expected = nodeHex(data);
  for (const step of [1, 3, 55, 63, 64, 65, 127, 128, 4999]) {
    const hash = new Sha256();
    for (let at = 0; at < data.length; at += step) hash.update(data.subarray(at, at + step));
    assert.equal(hash.hex(), expected, `pieces of ${step}`);
  }
  const withEmpty = new Sha256().update(new Uint8Array(0)).update(data).update(new Uint8Array(0));
  assert.equal(withEmpty.hex(), expected);
});

test('Sha256 refuses an update after its digest', () => {
  const hash = new Sha256();
  hash.digest();
  assert.throws(() => hash.update(new Uint8Array(1)), /^Error: SHA-256: update after digest$/);
});

test('hashBlob of the sample log equals node:crypto (sha256sum) for several piece sizes', async () => {
  const expected = nodeHex(await readFile(ISSUE43));
  const blob = await openAsBlob(ISSUE43);
  assert.ok(blob.size > 1_000_000);
  for (const pieceBytes of [4096 * 3 + 1, 65_536, 4 * 1024 * 1024]) {
    assert.equal(await hashBlob(blob, { pieceBytes }), expected, `pieces of ${pieceBytes}`);
  }
  const head = blob.slice(0, 3000);
  const headBytes = new Uint8Array(await head.arrayBuffer());
  assert.equal(await hashBlob(head, { pieceBytes: 1 }), nodeHex(headBytes));
});

test(
  'hashBlob equals node:crypto on the real logs of the shared corpus',
  { skip: SKIP_SHARED },
  async () => {
    const names = readdirSync(SHARED_EVTX, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.evtx'))
      .sort()
      .slice(0, 12);
    assert.equal(names.length, 12);
    for (const name of names) {
      const path = `${SHARED_EVTX}/${name}`;
      const expected = nodeHex(await readFile(path));
      assert.equal(await hashBlob(await openAsBlob(path), { pieceBytes: 100_003 }), expected, name);
    }
  },
);

test('hashBlob reports progress per piece and stops when aborted', async () => {
  const blob = new Blob([noise(10_000)]);
  const seen: number[] = [];
  await hashBlob(blob, { pieceBytes: 4096, onProgress: (bytes) => seen.push(bytes) });
  assert.deepEqual(seen, [4096, 8192, 10_000]);

  const stop = new AbortController();
  const stopped = hashBlob(blob, {
    pieceBytes: 4096,
    signal: stop.signal,
    onProgress: () => stop.abort(new Error('cancelled by the test')),
  });
  await assert.rejects(stopped, /^Error: cancelled by the test$/);
  await assert.rejects(hashBlob(blob, { pieceBytes: 0 }), /^RangeError: hash: piece size 0$/);
});
