/** Correlations and matches out of time order: late matches, and windows judged at their close. */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { parse } from 'yaml';

import type { EventRecord, FieldValue } from '@evtxhunt/hunt';

import { readCorrelation } from '../src/correlation.js';
import { CorrelationState, type Entry } from '../src/correlation-window.js';
import { SigmaRuleSet, SigmaScan } from '../src/index.js';
import { event } from './support.js';

const SECOND = 10_000_000n;

/** A correlation of this `correlation:` section (YAML, indented two spaces). */
function stateOf(section: string): CorrelationState {
  const document = parse(`title: t\ncorrelation:\n${section}`) as Record<string, unknown>;
  return new CorrelationState(readCorrelation(document, 't.yml'));
}

/** A burst: at least three matches within 10 s. */
function burst(): CorrelationState {
  return stateOf('  type: event_count\n  rules: [r]\n  timespan: 10s\n  condition: {gte: 3}\n');
}

/** A match of rule `position` at `second`. */
function entry(second: number, position = 0): Entry {
  const time = BigInt(second) * SECOND;
  return { time, start: time, positions: [position], value: undefined, payload: second };
}

/** What each add fired: per add, the seconds of the window's matches. */
function fired(state: CorrelationState, seconds: readonly number[]): number[][] {
  return firedOf(
    state,
    seconds.map((second) => entry(second)),
  );
}

function firedOf(state: CorrelationState, entries: readonly Entry[]): number[][] {
  return entries.flatMap((item) =>
    state.add([], item).map((window) => window.entries.map((e) => Number(e.payload))),
  );
}

test('CorrelationState: a late match counts only within the timespan before the newest', () => {
  // 50 s is 50 s before 100 s: the three are not within 10 s.
  assert.deepEqual(fired(burst(), [100, 101, 50]), []);
  // Nor once 109 s comes: the late match is out of the window, not behind the newer ones.
  assert.deepEqual(fired(burst(), [100, 50, 109]), []);
  // 98 s is within 10 s of 105 s: it counts, in its place by time.
  assert.deepEqual(fired(burst(), [100, 105, 98]), [[98, 100, 105]]);
});

test('CorrelationState: temporal_ordered puts a late match in its place by time', () => {
  const ordered = () => stateOf('  type: temporal_ordered\n  rules: [a, b]\n  timespan: 10s\n');
  // b at 5 s, then a at 3 s read late: a then b, 2 s apart.
  assert.deepEqual(firedOf(ordered(), [entry(5, 1), entry(3, 0)]), [[3, 5]]);
  // In order, b before a is no chain.
  assert.deepEqual(firedOf(ordered(), [entry(3, 1), entry(5, 0)]), []);
  // A late a more than the timespan before b is no chain either.
  assert.deepEqual(firedOf(ordered(), [entry(20, 1), entry(3, 0)]), []);
  // After a chain fired, the group starts afresh: the late a joins the b after it.
  assert.deepEqual(firedOf(ordered(), [entry(1, 0), entry(2, 1), entry(6, 1), entry(4, 0)]), [
    [1, 2],
    [4, 6],
  ]);
});

/** A pair of failed logons in 10 s, then a success within a minute of the pair. */
const PAIR_THEN_SUCCESS = `title: success after a pair
correlation:
  type: temporal_ordered
  rules: [pair, success]
  group-by: [User]
  timespan: 1m
---
title: exactly two failed logons
name: pair
correlation:
  type: event_count
  rules: [failed]
  group-by: [User]
  timespan: 10s
  condition: {eq: 2}
---
title: failed
name: failed
logsource: {product: windows, service: security}
detection: {selection: {EventID: 4625}, condition: selection}
---
title: success
name: success
logsource: {product: windows, service: security}
detection: {selection: {EventID: 4624}, condition: selection}
`;

function logonAt(eventId: number, second: number, data: Record<string, FieldValue>): EventRecord {
  const at = `2024-03-05T10:00:${String(second).padStart(2, '0')}.0000000Z`;
  return { ...event('Security', eventId, data), timeCreated: at };
}

test('SigmaScan: a window judged at its close feeds the chain before the next match', () => {
  const set = new SigmaRuleSet([{ file: 'chain.yml', text: PAIR_THEN_SUCCESS }]);
  assert.deepEqual(set.failures, []);
  const run = new SigmaScan(set);
  // The pair's window opens at 0 s and closes at 10 s; the success comes at 12 s.
  for (const record of [
    logonAt(4625, 0, { User: 'alice' }),
    logonAt(4625, 5, { User: 'alice' }),
    logonAt(4624, 12, { User: 'alice' }),
  ]) {
    run.add(record);
  }
  const matches = run.finish();
  assert.deepEqual(
    matches.map((match) => [match.correlation.title, match.start, match.end, match.eventCount]),
    [['success after a pair', '2024-03-05T10:00:00.0000000Z', '2024-03-05T10:00:12.0000000Z', 3]],
  );
});

test('SigmaScan: a success between the pair and its window close still follows the pair', () => {
  const set = new SigmaRuleSet([{ file: 'chain.yml', text: PAIR_THEN_SUCCESS }]);
  const run = new SigmaScan(set);
  // The pair's window (0 s, 5 s) is judged once a match past its close (10 s) comes in, at
  // 30 s; the success at 8 s was let in before it.
  for (const record of [
    logonAt(4625, 0, { User: 'alice' }),
    logonAt(4625, 5, { User: 'alice' }),
    logonAt(4624, 8, { User: 'alice' }),
    logonAt(4624, 30, { User: 'bob' }),
  ]) {
    run.add(record);
  }
  const matches = run.finish();
  assert.deepEqual(
    matches.map((match) => [match.correlation.title, match.start, match.end, match.eventCount]),
    [['success after a pair', '2024-03-05T10:00:00.0000000Z', '2024-03-05T10:00:08.0000000Z', 3]],
  );
});
