/** A min-heap of values by time (ties in the order pushed), for putting matches in time order. */
interface Item<T> {
  readonly time: bigint;
  readonly order: number;
  readonly value: T;
}

/** Values popped oldest first. */
export class TimeHeap<T> {
  readonly #items: Item<T>[] = [];
  #pushed = 0;

  get size(): number {
    return this.#items.length;
  }

  /** The oldest time held, or undefined when empty. */
  get nextTime(): bigint | undefined {
    return this.#items[0]?.time;
  }

  push(time: bigint, value: T): void {
    const items = this.#items;
    items.push({ time, order: this.#pushed++, value });
    let at = items.length - 1;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!before(items[at]!, items[parent]!)) break;
      [items[at], items[parent]] = [items[parent]!, items[at]!];
      at = parent;
    }
  }

  /** The oldest value and its time, or undefined when empty. */
  pop(): { time: bigint; value: T } | undefined {
    const items = this.#items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined) return undefined;
    if (items.length > 0) {
      items[0] = last;
      this.#sink();
    }
    return { time: top.time, value: top.value };
  }

  #sink(): void {
    const items = this.#items;
    let at = 0;
    for (;;) {
      const left = 2 * at + 1;
      const right = left + 1;
      let least = at;
      if (left < items.length && before(items[left]!, items[least]!)) least = left;
      if (right < items.length && before(items[right]!, items[least]!)) least = right;
      if (least === at) return;
      [items[at], items[least]] = [items[least]!, items[at]!];
      at = least;
    }
  }
}

function before<T>(a: Item<T>, b: Item<T>): boolean {
  return a.time < b.time || (a.time === b.time && a.order < b.order);
}
