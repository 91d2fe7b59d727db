/**
 * The evidence a Sigma finding lists, gathered as matches come in any order: every match up to
 * EVIDENCE_LIMIT, past it the first and the last EVIDENCE_LIMIT / 2 by time (ties in the order
 * added), as the engine's own findings list theirs (see the hunt's evidence-limit.ts). Memory
 * stays at EVIDENCE_LIMIT items however many matches a rule has.
 */
import { EVIDENCE_LIMIT, type Evidence } from '@evtxhunt/hunt';

/** Evidence and the order it was added in, for ties. */
interface Item {
  readonly evidence: Evidence;
  readonly order: number;
}

/** The earliest and latest evidence of one finding. */
export class EvidenceEnds {
  readonly #limit: number;
  /** Every item while no more than the limit came. */
  #all: Item[] | undefined = [];
  /** The earliest, the latest of them on top. */
  readonly #head = new Heap<Item>(later);
  /** The latest, the earliest of them on top. */
  readonly #tail = new Heap<Item>(earlier);
  #added = 0;

  constructor(limit = EVIDENCE_LIMIT) {
    this.#limit = limit;
  }

  add(evidence: Evidence): void {
    const item = { evidence, order: this.#added++ };
    if (this.#all !== undefined && this.#all.length < this.#limit) {
      this.#all.push(item);
      return;
    }
    if (this.#all !== undefined) this.#split(this.#all);
    this.#place(item);
  }

  /** The evidence listed, in time order, and how many were left out. */
  listed(): { evidence: Evidence[]; omitted: number } {
    const kept = this.#all ?? [...this.#head.items(), ...this.#tail.items()];
    const evidence = [...kept].sort((a, b) => (earlier(a, b) ? -1 : 1)).map((i) => i.evidence);
    return { evidence, omitted: this.#added - evidence.length };
  }

  /** Past the limit: the earliest half to the head, the rest to the tail. */
  #split(all: Item[]): void {
    all.sort((a, b) => (earlier(a, b) ? -1 : 1));
    const head = Math.ceil(this.#limit / 2);
    all.forEach((item, at) => (at < head ? this.#head : this.#tail).push(item));
    this.#all = undefined;
  }

  /**
   * Every head item is earlier than every item left out, and every tail item later: a new
   * item goes in the head or the tail only if it is earlier or later than their edge, and
   * pushes the edge out.
   */
  #place(item: Item): void {
    const latestHead = this.#head.top();
    const earliestTail = this.#tail.top();
    if (latestHead !== undefined && earlier(item, latestHead)) {
      this.#head.push(item);
      this.#head.pop();
    } else if (earliestTail !== undefined && earlier(earliestTail, item)) {
      this.#tail.push(item);
      this.#tail.pop();
    }
  }
}

function earlier(a: Item, b: Item): boolean {
  const at = a.evidence.time;
  const bt = b.evidence.time;
  return at < bt || (at === bt && a.order < b.order);
}

function later(a: Item, b: Item): boolean {
  return earlier(b, a);
}

/** A binary heap: `before(a, b)` is true when `a` belongs nearer the top. */
class Heap<T> {
  readonly #items: T[] = [];

  constructor(readonly before: (a: T, b: T) => boolean) {}

  top(): T | undefined {
    return this.#items[0];
  }

  items(): readonly T[] {
    return this.#items;
  }

  push(item: T): void {
    const items = this.#items;
    items.push(item);
    let at = items.length - 1;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!this.before(items[at]!, items[parent]!)) return;
      [items[at], items[parent]] = [items[parent]!, items[at]!];
      at = parent;
    }
  }

  pop(): void {
    const items = this.#items;
    const last = items.pop();
    if (last === undefined || items.length === 0) return;
    items[0] = last;
    let at = 0;
    for (;;) {
      const left = 2 * at + 1;
      let top = at;
      if (left < items.length && this.before(items[left]!, items[top]!)) top = left;
      if (left + 1 < items.length && this.before(items[left + 1]!, items[top]!)) top = left + 1;
      if (top === at) return;
      [items[at], items[top]] = [items[top]!, items[at]!];
      at = top;
    }
  }
}
