/**
 * The process table's keys, one per entry, and the entries filed under them, without keeping
 * the keys as text. A key made from a ProcessGuid (process-node.ts guidKey: host, NUL, guid in
 * its normalised `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` form) is kept as its host's index and the
 * guid's 128 bits (20 bytes of typed arrays) and found through an open-addressing hash table of
 * entry indexes; its text is made again when asked for. Any other key (a Security 4688 start's,
 * or a guid in an unusual form) is kept as text, in maps. As text, a guid key cost about 80
 * bytes of string and 46 of map entry in the JS heap.
 *
 * A key is text made of the host and the guid, so two keys are the same text exactly when they
 * have the same host and the same 128 bits: the numbers name the same entries the text did.
 */

const FIRST_CAPACITY = 1024;
const FIRST_SLOTS = 2048;
/** A slot never used, and one whose entry was unfiled. Slots hold entry index + 1 otherwise. */
const EMPTY = 0;
const REMOVED = -1;
const DASH = 45;
/** Character codes of the hex digits, lower case. */
const HEX_DIGITS = [...'0123456789abcdef'].map((digit) => digit.charCodeAt(0));
const ASCII = new TextDecoder('latin1');
/** Lengths and positions in the normalised guid form. */
const GUID_LENGTH = 36;
const DASHES = [8, 13, 18, 23] as const;

/** Keys by entry index, and entry indexes by key; see the module comment. */
export class ProcessKeys {
  #length = 0;
  /** Host index + 1 per entry; 0 for a key kept as text. */
  #host = new Uint32Array(FIRST_CAPACITY);
  #words = new Uint32Array(FIRST_CAPACITY * 4);
  #filed = new Uint8Array(FIRST_CAPACITY);
  readonly #texts = new Map<number, string>();
  readonly #hostIndex = new Map<string, number>();
  readonly #hostNames: string[] = [];
  /** Entries filed under a guid key, by hash. */
  #slots = new Int32Array(FIRST_SLOTS);
  #slotsTaken = 0;
  /** Entries filed under a text key. */
  readonly #byText = new Map<string, number>();
  #filedCount = 0;
  /** The host last parsed: keys come host by host, and its text need not be cut again. */
  #lastHost: { readonly name: string; readonly index: number } | undefined;
  /** A guid's text as bytes, reused from call to call. */
  readonly #text = new Uint8Array(GUID_LENGTH);
  /** The parts of the key last parsed, reused from call to call. */
  readonly #parsed = new Uint32Array(5);

  /** Entries made, filed or not. */
  get length(): number {
    return this.#length;
  }

  /** Entries filed. */
  get size(): number {
    return this.#filedCount;
  }

  /** A new entry with this key, not yet filed; its index. */
  push(key: string): number {
    const index = this.#length++;
    if (index === this.#filed.length) this.#grow();

    this.#filed[index] = 0;
    if (this.#parse(key, true)) {
      this.#host[index] = (this.#parsed[0] ?? 0) + 1;
      this.#words.set(this.#parsed.subarray(1), index * 4);
    } else {
      this.#host[index] = 0;
      this.#texts.set(index, key);
    }
    return index;
  }

  /** The key of the entry at `index`, as text. */
  key(index: number): string {
    const host = this.#host[index] ?? 0;
    if (host === 0) return this.#texts.get(index) ?? '';

    return [this.#hostNames[host - 1] ?? '', '\u0000', this.guidText(index) ?? ''].join('');
  }

  /** The normalised guid a guid key holds; undefined for a key kept as text. */
  guidText(index: number): string | undefined {
    if (this.#host[index] === 0) return undefined;

    // Digits into a byte buffer, decoded once: number.toString(16) made about 500 bytes of
    // garbage a guid, and a report asks for tens of thousands of keys.
    const text = this.#text;
    let at = 0;
    for (let word = 0; word < 4; word++) {
      const value = this.#words[index * 4 + word] ?? 0;
      for (let shift = 28; shift >= 0; shift -= 4) {
        if (at === 8 || at === 13 || at === 18 || at === 23) text[at++] = DASH;
        text[at++] = HEX_DIGITS[(value >>> shift) & 15] ?? 0;
      }
    }
    return ASCII.decode(text);
  }

  /** True when the entry is filed under its key. */
  isFiled(index: number): boolean {
    return this.#filed[index] === 1;
  }

  /** The entry filed under `key`. */
  indexOf(key: string): number | undefined {
    if (!this.#parse(key, false)) return this.#byText.get(key);

    const slot = this.#find();
    return slot === undefined ? undefined : (this.#slots[slot] ?? 0) - 1;
  }

  /** Files the entry under its key, in place of any entry filed there before. */
  file(index: number): void {
    const key = this.key(index);
    const before = this.indexOf(key);
    if (before !== undefined) this.unfile(before);

    this.#filed[index] = 1;
    this.#filedCount++;
    if (this.#host[index] === 0) {
      this.#byText.set(key, index);
      return;
    }
    if ((this.#slotsTaken + 1) * 2 > this.#slots.length) this.#rehash(this.#slots.length * 2);
    this.#slotsTaken++;
    this.#slots[this.#freeSlot(this.#hashOf(index))] = index + 1;
  }

  /** Takes the entry out of the lookup; its key stays readable. */
  unfile(index: number): void {
    if (this.#filed[index] !== 1) return;

    this.#filed[index] = 0;
    this.#filedCount--;
    if (this.#host[index] === 0) {
      this.#byText.delete(this.#texts.get(index) ?? '');
      return;
    }
    const mask = this.#slots.length - 1;
    for (let slot = this.#hashOf(index) & mask; ; slot = (slot + 1) & mask) {
      if (this.#slots[slot] === index + 1) {
        this.#slots[slot] = REMOVED;
        return;
      }
    }
  }

  /** The slot of the entry with the parsed key, probing from its hash. */
  #find(): number | undefined {
    const parsed = this.#parsed;
    const mask = this.#slots.length - 1;
    const host = (parsed[0] ?? 0) + 1;
    for (let slot = hashParts(parsed) & mask; ; slot = (slot + 1) & mask) {
      const held = this.#slots[slot] ?? EMPTY;
      if (held === EMPTY) return undefined;
      if (held !== REMOVED && this.#host[held - 1] === host && this.#sameWords(held - 1)) {
        return slot;
      }
    }
  }

  #sameWords(index: number): boolean {
    const words = this.#words;
    const parsed = this.#parsed;
    const at = index * 4;
    return (
      words[at] === parsed[1] &&
      words[at + 1] === parsed[2] &&
      words[at + 2] === parsed[3] &&
      words[at + 3] === parsed[4]
    );
  }

  #freeSlot(hash: number): number {
    const mask = this.#slots.length - 1;
    let slot = hash & mask;
    while (this.#slots[slot] !== EMPTY && this.#slots[slot] !== REMOVED) slot = (slot + 1) & mask;
    return slot;
  }

  #hashOf(index: number): number {
    const parts = this.#parsed.slice();
    parts[0] = (this.#host[index] ?? 1) - 1;
    parts.set(this.#words.subarray(index * 4, index * 4 + 4), 1);
    return hashParts(parts);
  }

  /** A table of `size` slots holding every entry filed under a guid key (removals dropped). */
  #rehash(size: number): void {
    const old = this.#slots;
    this.#slots = new Int32Array(size);
    this.#slotsTaken = 0;
    for (const held of old) {
      if (held === EMPTY || held === REMOVED) continue;
      this.#slots[this.#freeSlot(this.#hashOf(held - 1))] = held;
      this.#slotsTaken++;
    }
  }

  /**
   * Reads a guid key into #parsed: host index, then the guid's four 32-bit words. False for a
   * key of any other form, and for a host not yet seen unless `addHost`.
   */
  #parse(key: string, addHost: boolean): boolean {
    const at = key.length - GUID_LENGTH - 1;
    // One NUL only, before the guid: a host holding one stays text, so the guid is all that
    // follows the key's first NUL (ProcessColumns reads it so).
    if (at < 0 || key.indexOf('\u0000') !== at || !this.#parseGuid(key, at + 1)) return false;

    const index = this.#hostOf(key, at, addHost);
    if (index === undefined) return false;

    this.#parsed[0] = index;
    return true;
  }

  /** The index of the host the key's first `length` characters name; the last one is kept. */
  #hostOf(key: string, length: number, addHost: boolean): number | undefined {
    const last = this.#lastHost;
    if (last !== undefined && last.name.length === length && key.startsWith(last.name)) {
      return last.index;
    }
    const host = key.slice(0, length);
    let index = this.#hostIndex.get(host);
    if (index === undefined) {
      if (!addHost) return undefined;
      index = this.#hostNames.push(host) - 1;
      this.#hostIndex.set(host, index);
    }
    this.#lastHost = { name: this.#hostNames[index] ?? host, index };
    return index;
  }

  /** Reads the lower-case normalised guid starting at `from` into #parsed[1..4]. */
  #parseGuid(key: string, from: number): boolean {
    let word = 0;
    let digits = 0;
    for (let i = 0; i < GUID_LENGTH; i++) {
      const code = key.charCodeAt(from + i);
      if (DASHES.includes(i as 8)) {
        if (code !== 45) return false;
        continue;
      }
      const digit =
        code >= 48 && code <= 57 ? code - 48 : code >= 97 && code <= 102 ? code - 87 : -1;
      if (digit < 0) return false;
      word = ((word << 4) | digit) >>> 0;
      if (++digits % 8 === 0) {
        this.#parsed[digits / 8] = word;
        word = 0;
      }
    }
    return true;
  }

  #grow(): void {
    // Doubled each time: a typed array costs its size in memory, with no heap growth around it.
    const capacity = this.#filed.length * 2;
    this.#host = grown(this.#host, new Uint32Array(capacity));
    this.#words = grown(this.#words, new Uint32Array(capacity * 4));
    this.#filed = grown(this.#filed, new Uint8Array(capacity));
  }
}

/** A 32-bit hash of a host index and four guid words. */
function hashParts(parts: Uint32Array): number {
  let hash = 0x811c9dc5;
  for (const part of parts) hash = Math.imul(hash ^ part, 0x01000193) ^ (hash >>> 15);
  return hash >>> 0;
}

function grown<T extends Uint32Array | Uint8Array>(from: T, into: T): T {
  into.set(from);
  return into;
}
