/**
 * A seeded pseudo-random source for synthetic test data: Marsaglia's xorshift128 on four 32-bit
 * words, seeded through a 32-bit avalanche mix so nearby seeds give unrelated streams. Not for
 * anything secret; the same seed always gives the same numbers.
 */
export class SeededRandom {
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  constructor(seed: number) {
    let s = seed >>> 0;
    const word = (): number => {
      s = (s + 0x9e3779b9) >>> 0;
      return avalanche(s) || 1;
    };
    this.#a = word();
    this.#b = word();
    this.#c = word();
    this.#d = word();
  }

  /** A uniform number in [0, 1). */
  next(): number {
    const t = this.#a ^ (this.#a << 11);
    this.#a = this.#b;
    this.#b = this.#c;
    this.#c = this.#d;
    this.#d = (this.#d ^ (this.#d >>> 19) ^ t ^ (t >>> 8)) >>> 0;
    return this.#d / 0x1_0000_0000;
  }

  /** A uniform number in [low, high). */
  uniform(low: number, high: number): number {
    return low + (high - low) * this.next();
  }

  /** A uniform integer in [low, high], both inclusive. */
  integer(low: number, high: number): number {
    return low + Math.floor(this.next() * (high - low + 1));
  }

  /** A number whose logarithm is uniform: even odds for every factor between low and high. */
  logUniform(low: number, high: number): number {
    return low * Math.pow(high / low, this.next());
  }

  /** An exponential wait with the given mean (the gaps of a Poisson process). */
  exponential(mean: number): number {
    return -mean * Math.log(1 - this.next());
  }

  /** A log-normal wait: its logarithm is normal around ln(median) with deviation sigma. */
  logNormal(medianValue: number, sigma: number): number {
    return medianValue * Math.exp(sigma * this.normal());
  }

  /** A standard normal number (Box-Muller, one of the pair). */
  normal(): number {
    const radius = Math.sqrt(-2 * Math.log(1 - this.next()));
    return radius * Math.cos(2 * Math.PI * this.next());
  }

  /** True with the given probability. */
  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** One element of a non-empty list. */
  pick<T>(values: readonly T[]): T {
    const value = values[Math.floor(this.next() * values.length)];
    if (value === undefined) throw new RangeError('SeededRandom.pick needs a non-empty list');
    return value;
  }
}

/** A 32-bit integer hash whose output bits each depend on every input bit. */
function avalanche(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}
