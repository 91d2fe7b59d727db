/**
 * Many literal texts looked for in one pass over a field value (Aho-Corasick): a trie of the
 * texts with failure links, so each character of the value costs one step however many texts
 * there are. A text is looked for anywhere (`contains`), at the start, at the end or as the
 * whole value; the automaton reports the ids of those found to a sink.
 *
 * The states near the root, where a search spends most of its steps, keep a full row of
 * transitions; deeper states keep only their own edges and fall back along their failure link.
 */

/** Where a literal must sit in the value. */
export type LiteralKind = 'contains' | 'startswith' | 'endswith' | 'exact';

/** One literal text, its placement and the id reported when it is found (one per pair). */
export interface Literal {
  readonly text: string;
  readonly kind: LiteralKind;
  readonly id: number;
}

/** Takes the id of each literal found (an id may come more than once). */
export interface HitSink {
  mark(id: number): void;
}

/**
 * Transition cells kept as full rows (512 KB): the shallow states whose rows fit take one lookup.
 * Four times more made no difference over the generated log and the corpus.
 */
const DENSE_CELLS = 1 << 17;

/**
 * The trie as it is built, a state per distinct prefix, numbered as made: each state but the
 * root is reached by one edge from its parent.
 */
interface Trie {
  readonly parent: number[];
  readonly edgeClass: number[];
  readonly depth: number[];
  readonly ids: Record<LiteralKind, number[]>;
}

/** Literals of one field searched together. */
export class LiteralAutomaton {
  /** Character class of each ASCII code (0: in no literal). */
  readonly #asciiClass = new Uint16Array(128);
  readonly #otherClass = new Map<number, number>();
  readonly #foldCase: boolean;
  readonly #classes: number;
  readonly #denseStates: number;
  readonly #dense: Int32Array;
  readonly #edgeStart: Int32Array;
  readonly #edgeClass: Uint16Array;
  readonly #edgeTo: Int32Array;
  readonly #fail: Int32Array;
  readonly #depth: Int32Array;
  readonly #contains: Int32Array;
  readonly #starts: Int32Array;
  readonly #ends: Int32Array;
  readonly #exact: Int32Array;
  /** From each state along its failure chain, the first holding a `contains` id (or -1). */
  readonly #containsOut: Int32Array;
  /** The same for `endswith` ids. */
  readonly #endsOut: Int32Array;

  /**
   * `foldCase` when the texts are lower-cased and values are compared lower-cased: ASCII
   * capitals then step like their small letters, and scan() asks for the lower-cased value
   * only when the value holds a character past ASCII.
   */
  constructor(literals: readonly Literal[], foldCase: boolean, denseCells = DENSE_CELLS) {
    this.#foldCase = foldCase;
    this.#classes = this.#assignClasses(literals);
    const trie = this.#trie(literals);
    const order = byDepth(trie.depth);
    const states = order.length;
    const renumber = new Int32Array(states);
    order.forEach((old, at) => (renumber[old] = at));

    this.#depth = Int32Array.from(order, (old) => trie.depth[old]!);
    this.#contains = Int32Array.from(order, (old) => trie.ids.contains[old]!);
    this.#starts = Int32Array.from(order, (old) => trie.ids.startswith[old]!);
    this.#ends = Int32Array.from(order, (old) => trie.ids.endswith[old]!);
    this.#exact = Int32Array.from(order, (old) => trie.ids.exact[old]!);
    [this.#edgeStart, this.#edgeClass, this.#edgeTo] = edgeLists(trie, order, renumber);

    this.#denseStates = this.#countDense(states, denseCells);
    this.#dense = new Int32Array(this.#denseStates * this.#classes);
    this.#fail = new Int32Array(states);
    this.#link(states);
    this.#containsOut = this.#outputs(this.#contains);
    this.#endsOut = this.#outputs(this.#ends);
  }

  /**
   * Reports the literals the value holds. Returns false, having reported only some, when the
   * automaton folds case and the value holds a character past ASCII: the caller then scans
   * the value lower-cased with `lowered` true.
   */
  scan(value: string, sink: HitSink, lowered: boolean): boolean {
    const fold = this.#foldCase && !lowered;
    const depth = this.#depth;
    const starts = this.#starts;
    let state = 0;
    let fromStart = true;
    for (let at = 0; at < value.length; at++) {
      const code = value.charCodeAt(at);
      let c: number;
      if (code < 128) c = this.#asciiClass[code]!;
      else if (fold) return false;
      else c = this.#otherClass.get(code) ?? 0;
      state = c === 0 ? 0 : this.#step(state, c);

      if (fromStart) {
        if (depth[state] !== at + 1) fromStart = false;
        else if (starts[state]! >= 0) sink.mark(starts[state]!);
      }
      this.#report(this.#containsOut, this.#contains, state, sink);
    }

    this.#report(this.#endsOut, this.#ends, state, sink);
    if (depth[state] === value.length && this.#exact[state]! >= 0) sink.mark(this.#exact[state]!);
    return true;
  }

  #step(from: number, c: number): number {
    let state = from;
    for (;;) {
      if (state < this.#denseStates) return this.#dense[state * this.#classes + c]!;
      const end = this.#edgeStart[state + 1]!;
      for (let edge = this.#edgeStart[state]!; edge < end; edge++) {
        if (this.#edgeClass[edge] === c) return this.#edgeTo[edge]!;
      }
      state = this.#fail[state]!;
    }
  }

  /** The ids along the state's failure chain (the texts that end where the state does). */
  #report(out: Int32Array, ids: Int32Array, state: number, sink: HitSink): void {
    for (let at = out[state]!; at >= 0; at = out[this.#fail[at]!]!) sink.mark(ids[at]!);
  }

  /** Classes 1.. for the characters of the texts; capitals share their small letter's. */
  #assignClasses(literals: readonly Literal[]): number {
    let classes = 1;
    for (const { text } of literals) {
      for (let at = 0; at < text.length; at++) {
        const code = text.charCodeAt(at);
        if (code < 128 && this.#asciiClass[code] === 0) this.#asciiClass[code] = classes++;
        else if (code >= 128 && !this.#otherClass.has(code)) this.#otherClass.set(code, classes++);
      }
    }
    if (this.#foldCase) {
      for (let code = 65; code <= 90; code++) this.#asciiClass[code] = this.#asciiClass[code + 32]!;
    }
    return classes;
  }

  #trie(literals: readonly Literal[]): Trie {
    const trie: Trie = {
      parent: [-1],
      edgeClass: [0],
      depth: [0],
      ids: { contains: [-1], startswith: [-1], endswith: [-1], exact: [-1] },
    };
    // Edges by parent * classes + class.
    const edges = new Map<number, number>();
    for (const { text, kind, id } of literals) {
      let state = 0;
      for (let at = 0; at < text.length; at++) {
        const c = this.#classOf(text.charCodeAt(at));
        const key = state * this.#classes + c;
        let next = edges.get(key);
        if (next === undefined) {
          next = trie.parent.push(state) - 1;
          trie.edgeClass.push(c);
          trie.depth.push(at + 1);
          for (const list of Object.values(trie.ids)) list.push(-1);
          edges.set(key, next);
        }
        state = next;
      }
      if (trie.ids[kind][state] !== -1) throw new Error(`literal ${kind} '${text}' given twice`);
      trie.ids[kind][state] = id;
    }
    return trie;
  }

  #classOf(code: number): number {
    return code < 128 ? this.#asciiClass[code]! : (this.#otherClass.get(code) ?? 0);
  }

  /** How many states (shallowest first) get a full row within DENSE_CELLS; the root always. */
  #countDense(states: number, cells: number): number {
    let dense = 1;
    let depth = 1;
    for (;;) {
      let through = dense;
      while (through < states && this.#depth[through] === depth) through++;
      if (through === dense || through * this.#classes > cells) return dense;
      dense = through;
      depth++;
    }
  }

  /**
   * Failure links (each state's longest proper suffix in the trie) and the full rows of the
   * dense states, shallowest states first: a row is its failure state's with its own edges.
   */
  #link(states: number): void {
    const classes = this.#classes;
    this.#fail[0] = -1;
    for (let state = 0; state < states; state++) {
      const back = this.#fail[state]!;
      const end = this.#edgeStart[state + 1]!;
      if (state < this.#denseStates && back >= 0) {
        this.#dense.copyWithin(state * classes, back * classes, (back + 1) * classes);
      }
      for (let edge = this.#edgeStart[state]!; edge < end; edge++) {
        const c = this.#edgeClass[edge]!;
        const to = this.#edgeTo[edge]!;
        if (state < this.#denseStates) this.#dense[state * classes + c] = to;
        this.#fail[to] = back < 0 ? 0 : this.#step(back, c);
      }
    }
  }

  /** Per state, the first state along its failure chain (itself included) with an id. */
  #outputs(ids: Int32Array): Int32Array {
    const out = new Int32Array(ids.length);
    for (let state = 0; state < ids.length; state++) {
      const back = this.#fail[state]!;
      out[state] = ids[state]! >= 0 ? state : back < 0 ? -1 : out[back]!;
    }
    return out;
  }
}

/** The states shallowest first (so a failure link points to an earlier state). */
function byDepth(depth: readonly number[]): number[] {
  const counts: number[] = [];
  for (const d of depth) counts[d] = (counts[d] ?? 0) + 1;
  const next: number[] = [];
  counts.reduce((start, count, d) => ((next[d] = start), start + count), 0);
  const order = new Array<number>(depth.length);
  depth.forEach((d, state) => (order[next[d]!++] = state));
  return order;
}

/** Each state's edges, grouped by state in the new numbering: starts, classes, targets. */
function edgeLists(
  trie: Trie,
  order: readonly number[],
  renumber: Int32Array,
): [Int32Array, Uint16Array, Int32Array] {
  const states = order.length;
  const start = new Int32Array(states + 1);
  for (let old = 1; old < states; old++) start[renumber[trie.parent[old]!]! + 1]!++;
  for (let state = 0; state < states; state++) start[state + 1]! += start[state]!;
  const fill = start.slice(0, states);
  const classes = new Uint16Array(states);
  const targets = new Int32Array(states);
  for (const old of order) {
    if (old === 0) continue;
    const edge = fill[renumber[trie.parent[old]!]!]!++;
    classes[edge] = trie.edgeClass[old]!;
    targets[edge] = renumber[old]!;
  }
  return [start, classes, targets];
}
