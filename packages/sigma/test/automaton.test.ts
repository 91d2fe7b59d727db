import assert from 'node:assert/strict';
import { test } from 'node:test';

import { LiteralAutomaton, type Literal, type LiteralKind } from '../src/automaton.js';

const KINDS: readonly LiteralKind[] = ['contains', 'startswith', 'endswith', 'exact'];

/** The ids scan() reports for the value, sorted; lower-cased first when it asks. */
function found(automaton: LiteralAutomaton, value: string): number[] {
  const ids = new Set<number>();
  const sink = { mark: (id: number) => ids.add(id) };
  if (!automaton.scan(value, sink, false)) automaton.scan(value.toLowerCase(), sink, true);
  return [...ids].sort((a, b) => a - b);
}

/** The same ids by the string methods, one literal at a time. */
function expected(literals: readonly Literal[], value: string, foldCase: boolean): number[] {
  const text = foldCase ? value.toLowerCase() : value;
  const holds: Record<LiteralKind, (literal: string) => boolean> = {
    contains: (literal) => text.includes(literal),
    startswith: (literal) => text.startsWith(literal),
    endswith: (literal) => text.endsWith(literal),
    exact: (literal) => text === literal,
  };
  return literals.filter(({ kind, text: literal }) => holds[kind](literal)).map(({ id }) => id);
}

/** A small seeded generator (xorshift), so a failure repeats. */
function random(seed: number): (below: number) => number {
  let state = seed;
  return (below) => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % below;
  };
}

/** The literals with ids, each text and kind once (as FieldLiterals gives them). */
function unique(literals: readonly Omit<Literal, 'id'>[]): Literal[] {
  const keys = new Set<string>();
  const kept = literals.filter(
    ({ text, kind }) => !keys.has(`${kind} ${text}`) && keys.add(`${kind} ${text}`),
  );
  return kept.map((literal, id) => ({ ...literal, id }));
}

function word(next: (below: number) => number, alphabet: string, longest: number): string {
  let text = '';
  for (let length = next(longest) + 1; length > 0; length--)
    text += alphabet[next(alphabet.length)];
  return text;
}

test('LiteralAutomaton: finds what includes, startsWith, endsWith and === find', () => {
  const literals: Literal[] = [
    { text: 'he', kind: 'contains', id: 0 },
    { text: 'she', kind: 'contains', id: 1 },
    { text: 'his', kind: 'startswith', id: 2 },
    { text: 'hers', kind: 'endswith', id: 3 },
    { text: 'hers', kind: 'exact', id: 4 },
    { text: 's', kind: 'endswith', id: 5 },
  ];
  const automaton = new LiteralAutomaton(literals, true);
  assert.deepEqual(found(automaton, 'USHERS'), [0, 1, 3, 5]);
  assert.deepEqual(found(automaton, 'hers'), [0, 3, 4, 5]);
  assert.deepEqual(found(automaton, 'hishe'), [0, 1, 2]);
  assert.deepEqual(found(automaton, 'this'), [5]);
  assert.deepEqual(found(automaton, ''), []);
  assert.deepEqual(found(new LiteralAutomaton(literals, false), 'HERS'), []);
  assert.throws(() => new LiteralAutomaton([...literals, { ...literals[0]!, id: 6 }], true), {
    message: "literal contains 'he' given twice",
  });
});

test('LiteralAutomaton: agrees with the string methods on seeded random literals and values', () => {
  // Letters of both cases and characters past ASCII that lower-case to ASCII or to two units.
  const alphabet = 'abAB-\\\u212A\u0130\u00e9i\u0307k';
  for (const [foldCase, denseCells] of [
    [true, 1 << 20],
    [false, 1 << 20],
    [true, 0],
    [false, 0],
  ] as const) {
    for (let seed = 1; seed <= 40; seed++) {
      const next = random(seed * 7919);
      const literals = unique(
        Array.from({ length: 1 + next(30) }, () => {
          const text = word(next, alphabet, 4);
          return { text: foldCase ? text.toLowerCase() : text, kind: KINDS[next(4)]! };
        }),
      );
      const automaton = new LiteralAutomaton(literals, foldCase, denseCells);
      for (let round = 0; round < 200; round++) {
        const value = word(next, alphabet, 12);
        assert.deepEqual(found(automaton, value), expected(literals, value, foldCase), value);
      }
    }
  }
});

test('LiteralAutomaton: deep tries past the dense rows still follow their failure links', () => {
  // Enough long literals that the deeper states keep only their own edges.
  const next = random(12345);
  const literals = unique(
    Array.from({ length: 3000 }, (_, at) => ({
      text: word(next, 'abcdefghijklmnopqrstuvwxyz0123456789', 24),
      kind: KINDS[at % 4]!,
    })),
  );
  const automaton = new LiteralAutomaton(literals, true);
  for (let round = 0; round < 300; round++) {
    const value = literals[next(literals.length)]!.text + word(next, 'abcdefghij', 40);
    assert.deepEqual(found(automaton, value), expected(literals, value, true));
  }
});
