/**
 * A regular expression matcher that takes time linear in the value, whatever the pattern: the
 * Thompson automaton of regex-program.ts run as a lazily built DFA. A DFA state is the set of
 * automaton states a match in progress can be in after a code unit, with what that code unit
 * was (start of the value, line terminator, word character) for the assertions; its moves are
 * computed on first use and kept. The search is unanchored: every position may start a match.
 * Only whether the value matches is answered (RegExp.prototype.test), so greedy and lazy repeats
 * are the same here, and captures are not kept.
 */
import { isLineTerminator, isWordChar } from './regex-chars.js';
import { buildProgram, type Program } from './regex-program.js';
import { LinearRegexError, parseRegex, type RegexNode } from './regex-syntax.js';

/** Flags the matcher reads; `u` is not one (code points and Unicode case folding). */
const LINEAR_FLAGS = 'ims';

/**
 * What the kept DFA states of one pattern may hold, counted in automaton states over all their
 * kernels (about 12 bytes each with the key); past this the cache starts again, so memory stays
 * bounded and time stays linear (a state is at most recomputed).
 */
const MAX_KEPT_KERNELS = 1_000_000;

/** Code units past ASCII whose character class is kept (the rest are looked at again). */
const MAX_KEPT_CODES = 4096;

// What the code unit before a position was, and what the one at it is.
const AFTER_START = 1;
const AFTER_LINE = 2;
const AFTER_WORD = 4;
const BEFORE_END = 8;
const BEFORE_LINE = 16;
const BEFORE_WORD = 32;

/** A DFA state: a match in progress in any of `kernel`'s automaton states. */
interface DfaState {
  readonly kernel: readonly number[];
  readonly context: number;
  /** The state after a code unit of each character class, once computed. */
  readonly moves: (DfaState | undefined)[];
  /** Whether a match ends at the end of the value from here; computed on first need. */
  atEnd?: boolean;
}

/** A pattern compiled for the linear-time matcher; throws LinearRegexError if it cannot be. */
export class LinearRegex {
  readonly source: string;
  readonly flags: string;
  readonly #program: Program;
  readonly #multiline: boolean;
  /** The context bits the pattern's assertions look at; the rest are dropped. */
  readonly #contextMask: number;
  /** Text every match starts with, skipped to with indexOf when no match is in progress. */
  readonly #prefix: string;
  /** Whether every match starts at the start of the value (`^` without `m`). */
  readonly #anchored: boolean;
  readonly #matched: DfaState = newState([], 0);
  #cache = new Map<string, DfaState>();
  /** The state every test starts in, while the cache holds it. */
  #first: DfaState | undefined;
  /** Automaton states over the kernels of the cache. */
  #kept = 0;
  readonly #seen: Uint32Array;
  #generation = 0;
  /**
   * Code units the pattern cannot tell apart share a character class and so the DFA's moves
   * (`.{1000}` has two classes, line terminators and the rest): the class of each ASCII code
   * unit and of each other one seen, by the results of the tests, and one code unit of each.
   */
  readonly #asciiClass = new Int32Array(128).fill(-1);
  readonly #otherClass = new Map<number, number>();
  readonly #classBySignature = new Map<string, number>();
  readonly #classCode: number[] = [];

  constructor(source: string, flags: string) {
    const unknown = [...flags].find((flag) => !LINEAR_FLAGS.includes(flag));
    if (unknown !== undefined) throw new LinearRegexError(`flag ${unknown} is not supported`, 0);

    this.source = source;
    this.flags = flags;
    this.#multiline = flags.includes('m');
    const root = parseRegex(source, flags.includes('s'));
    this.#program = buildProgram(root, flags.includes('i'));
    this.#contextMask = contextMask(this.#program, this.#multiline);
    this.#prefix = flags.includes('i') ? '' : literalPrefix(root);
    this.#anchored = !this.#multiline && startsAnchored(root);
    this.#seen = new Uint32Array(this.#program.states.length);
  }

  /** Whether the pattern matches somewhere in the value. */
  test(value: string): boolean {
    this.#first ??= this.#state([], AFTER_START);
    let state = this.#first;
    for (let at = 0; at < value.length; at += 1) {
      if (state.kernel.length === 0) {
        if (this.#anchored && at > 0) return false;
        const found = this.#prefix === '' ? at : value.indexOf(this.#prefix, at);
        if (found < 0) return false;
        if (found > at) state = this.#state([], afterContext(value.charCodeAt(found - 1)));
        at = found;
      }

      const charClass = this.#charClass(value.charCodeAt(at));
      const next = state.moves[charClass] ?? this.#move(state, charClass);
      if (next === this.#matched) return true;
      state = next;
    }
    state.atEnd ??= this.#closure(state.kernel, state.context | BEFORE_END).final;
    return state.atEnd;
  }

  #charClass(code: number): number {
    const known = code < 128 ? (this.#asciiClass[code] ?? -1) : (this.#otherClass.get(code) ?? -1);
    if (known >= 0) return known;

    const results = this.#program.tests.map((test) => (test(code) ? '1' : '0')).join('');
    const signature = `${afterContext(code)}:${results}`;
    let charClass = this.#classBySignature.get(signature);
    if (charClass === undefined) {
      charClass = this.#classCode.push(code) - 1;
      this.#classBySignature.set(signature, charClass);
    }
    if (code < 128) this.#asciiClass[code] = charClass;
    else {
      if (this.#otherClass.size >= MAX_KEPT_CODES) this.#otherClass.clear();
      this.#otherClass.set(code, charClass);
    }
    return charClass;
  }

  /** The state after a code unit of the class, computed and kept in `state`'s moves. */
  #move(state: DfaState, charClass: number): DfaState {
    const code = this.#classCode[charClass] ?? 0;
    const before = isLineTerminator(code) ? BEFORE_LINE : isWordChar(code) ? BEFORE_WORD : 0;
    const { reads, final } = this.#closure(state.kernel, state.context | before);
    let next = this.#matched;
    if (!final) {
      const kernel = this.#step(reads, code);
      if (this.#kept + kernel.length > MAX_KEPT_KERNELS) {
        this.#cache = new Map();
        this.#kept = 0;
        this.#first = undefined;
      }
      next = this.#state(kernel, afterContext(code));
    }
    state.moves[charClass] = next;
    return next;
  }

  /** The kept state of this kernel and context, made on first use. */
  #state(kernel: readonly number[], context: number): DfaState {
    const masked = context & this.#contextMask;
    const key = `${masked}:${kernel.join(',')}`;
    let state = this.#cache.get(key);
    if (state === undefined) {
      state = newState(kernel, masked);
      this.#cache.set(key, state);
      this.#kept += kernel.length + 1;
    }
    return state;
  }

  /**
   * The reading states reachable from the kernel and a new match start without reading, and
   * whether the final state is, with the assertions decided by `context`.
   */
  #closure(kernel: readonly number[], context: number): { reads: number[]; final: boolean } {
    const { states, start } = this.#program;
    const seen = this.#nextGeneration();
    const reads: number[] = [];
    const stack = [start, ...kernel];
    let final = false;
    while (stack.length > 0) {
      const at = stack.pop() ?? 0;
      if (this.#seen[at] === seen) continue;
      this.#seen[at] = seen;
      const state = states[at];
      if (state === undefined) continue;
      if (state.kind === 'read') reads.push(at);
      else if (state.kind === 'final') final = true;
      else if (state.kind === 'split') stack.push(state.second, state.first);
      else if (holds(state.what, context, this.#multiline)) stack.push(state.next);
    }
    return { reads, final };
  }

  /** The states after reading `code` from the reading states: the next kernel, sorted. */
  #step(reads: readonly number[], code: number): number[] {
    const seen = this.#nextGeneration();
    const kernel: number[] = [];
    for (const at of reads) {
      const state = this.#program.states[at];
      if (state?.kind !== 'read' || this.#seen[state.next] === seen) continue;
      if (this.#program.tests[state.test]?.(code) !== true) continue;
      this.#seen[state.next] = seen;
      kernel.push(state.next);
    }
    return kernel.sort((a, b) => a - b);
  }

  #nextGeneration(): number {
    this.#generation += 1;
    if (this.#generation === 0xffffffff) {
      this.#seen.fill(0);
      this.#generation = 1;
    }
    return this.#generation;
  }
}

function newState(kernel: readonly number[], context: number): DfaState {
  return { kernel, context, moves: [] };
}

/** The context a code unit leaves for the position after it. */
function afterContext(code: number): number {
  return isLineTerminator(code) ? AFTER_LINE : isWordChar(code) ? AFTER_WORD : 0;
}

/** Whether an assertion holds between the code units that `context` describes. */
function holds(what: string, context: number, multiline: boolean): boolean {
  const lines = multiline ? AFTER_LINE | BEFORE_LINE : 0;
  switch (what) {
    case 'start':
      return (context & (AFTER_START | (lines & AFTER_LINE))) !== 0;
    case 'end':
      return (context & (BEFORE_END | (lines & BEFORE_LINE))) !== 0;
    case 'boundary':
      return ((context & AFTER_WORD) !== 0) !== ((context & BEFORE_WORD) !== 0);
    default:
      return ((context & AFTER_WORD) !== 0) === ((context & BEFORE_WORD) !== 0);
  }
}

/** The context bits a program's assertions read (fewer bits, fewer DFA states). */
function contextMask(program: Program, multiline: boolean): number {
  let mask = 0;
  for (const state of program.states) {
    if (state.kind !== 'assert') continue;
    if (state.what === 'start') mask |= AFTER_START | (multiline ? AFTER_LINE : 0);
    else if (state.what === 'end') mask |= BEFORE_END | (multiline ? BEFORE_LINE : 0);
    else mask |= AFTER_WORD | BEFORE_WORD;
  }
  return mask;
}

/** The code units every match starts with: leading single characters at the top. */
function literalPrefix(root: RegexNode): string {
  const items = root.kind === 'sequence' ? root.items : [root];
  let prefix = '';
  for (const item of items) {
    if (item.kind !== 'chars' || item.set.negated || item.set.ranges.length !== 2) break;
    const [first, last] = item.set.ranges;
    if (first !== last || first === undefined) break;
    prefix += String.fromCharCode(first);
  }
  return prefix;
}

function startsAnchored(root: RegexNode): boolean {
  const first = root.kind === 'sequence' ? root.items[0] : root;
  return first?.kind === 'assertion' && first.what === 'start';
}
