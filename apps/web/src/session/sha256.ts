/**
 * SHA-256 (FIPS 180-4) fed piece by piece, so a file of any size is hashed while it is read
 * without holding it whole: `crypto.subtle.digest` takes only one buffer. The digest equals
 * `sha256sum`'s, which is how an analyst matches a loaded file to their evidence intake.
 */

/** The first 32 bits of the fractional parts of the cube roots of the first 64 primes. */
const ROUND_CONSTANTS = Int32Array.from([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** The first 32 bits of the fractional parts of the square roots of the first 8 primes. */
const INITIAL_STATE = [
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
];

const BLOCK_BYTES = 64;

/** A running SHA-256: `update` with the bytes in order, then `digest` once. */
export class Sha256 {
  readonly #state = Int32Array.from(INITIAL_STATE);
  readonly #schedule = new Int32Array(64);
  /** Bytes of a block not yet complete. */
  readonly #pending = new Uint8Array(BLOCK_BYTES);
  #pendingBytes = 0;
  /** Bytes fed so far; exact up to 2^53, far past any file a browser reads. */
  #length = 0;
  #done = false;

  /** Feeds `bytes`, which follow those fed before. */
  update(bytes: Uint8Array): this {
    if (this.#done) throw new Error('SHA-256: update after digest');
    this.#length += bytes.length;
    let at = 0;

    // Complete the pending block first.
    if (this.#pendingBytes > 0) {
      const taken = Math.min(BLOCK_BYTES - this.#pendingBytes, bytes.length);
      this.#pending.set(bytes.subarray(0, taken), this.#pendingBytes);
      this.#pendingBytes += taken;
      at = taken;
      if (this.#pendingBytes < BLOCK_BYTES) return this;
      this.#blocks(this.#pending, 0, BLOCK_BYTES);
      this.#pendingBytes = 0;
    }

    // Whole blocks straight from `bytes`, the rest kept for later.
    const whole = at + Math.floor((bytes.length - at) / BLOCK_BYTES) * BLOCK_BYTES;
    if (whole > at) this.#blocks(bytes, at, whole);
    this.#pending.set(bytes.subarray(whole));
    this.#pendingBytes = bytes.length - whole;
    return this;
  }

  /** The 32-byte digest of everything fed; the hash takes no more bytes after this. */
  digest(): Uint8Array {
    const bits = this.#length * 8;
    const padded = this.#pendingBytes < 56 ? BLOCK_BYTES : 2 * BLOCK_BYTES;
    const tail = new Uint8Array(padded);
    tail.set(this.#pending.subarray(0, this.#pendingBytes));
    tail[this.#pendingBytes] = 0x80;

    // The length in bits, big-endian, in the last 8 bytes.
    const view = new DataView(tail.buffer);
    view.setUint32(padded - 8, Math.floor(bits / 2 ** 32));
    view.setUint32(padded - 4, bits >>> 0);
    this.#blocks(tail, 0, padded);
    this.#done = true;

    const out = new Uint8Array(32);
    const outView = new DataView(out.buffer);
    this.#state.forEach((word, i) => outView.setInt32(i * 4, word));
    return out;
  }

  /** The digest as 64 lower-case hex digits, as `sha256sum` prints it. */
  hex(): string {
    return Array.from(this.digest(), (byte) => byte.toString(16).padStart(2, '0')).join('');
  }

  /** Compresses the 64-byte blocks of `bytes` from `start` to `end` into the state. */
  #blocks(bytes: Uint8Array, start: number, end: number): void {
    const w = this.#schedule;
    const state = this.#state;
    const k = ROUND_CONSTANTS;
    for (let at = start; at < end; at += BLOCK_BYTES) {
      for (let i = 0; i < 16; i++) {
        const j = at + i * 4;
        w[i] =
          ((bytes[j] as number) << 24) |
          ((bytes[j + 1] as number) << 16) |
          ((bytes[j + 2] as number) << 8) |
          (bytes[j + 3] as number);
      }
      for (let i = 16; i < 64; i++) {
        const x = w[i - 15] as number;
        const y = w[i - 2] as number;
        const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
        const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
        w[i] = ((w[i - 16] as number) + s0 + (w[i - 7] as number) + s1) | 0;
      }
      compress(state, w, k);
    }
  }
}

/** The 64 rounds over one block's message schedule `w`, added into `state`. */
function compress(state: Int32Array, w: Int32Array, k: Int32Array): void {
  let a = state[0] as number;
  let b = state[1] as number;
  let c = state[2] as number;
  let d = state[3] as number;
  let e = state[4] as number;
  let f = state[5] as number;
  let g = state[6] as number;
  let h = state[7] as number;
  for (let i = 0; i < 64; i++) {
    const s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const choice = (e & f) ^ (~e & g);
    const t1 = (h + s1 + choice + (k[i] as number) + (w[i] as number)) | 0;
    const s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const majority = (a & b) ^ (a & c) ^ (b & c);
    const t2 = (s0 + majority) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  state[0] = ((state[0] as number) + a) | 0;
  state[1] = ((state[1] as number) + b) | 0;
  state[2] = ((state[2] as number) + c) | 0;
  state[3] = ((state[3] as number) + d) | 0;
  state[4] = ((state[4] as number) + e) | 0;
  state[5] = ((state[5] as number) + f) | 0;
  state[6] = ((state[6] as number) + g) | 0;
  state[7] = ((state[7] as number) + h) | 0;
}
