import assert from 'node:assert/strict';
import { test } from 'node:test';

import type { Literal } from '../src/automaton.js';
import { FieldSearch, REMEMBERED_LENGTH, REMEMBERED_VALUES } from '../src/field-search.js';
import { entryFires } from './support.js';

const LITERALS: Literal[] = [
  { text: 'cmd', kind: 'contains', id: 0 },
  { text: '\\cmd.exe', kind: 'endswith', id: 1 },
  { text: 'c:\\', kind: 'startswith', id: 2 },
];

/** What the search reports for the value, in the order reported. */
function reported(search: FieldSearch, value: string): number[] {
  const ids: number[] = [];
  search.search(value, { mark: (id) => ids.push(id) });
  return ids;
}

test('FieldSearch: a value seen again reports the same literals, each once', () => {
  const search = new FieldSearch(LITERALS, true, 3);
  const value = 'C:\\Windows\\cmd.exe cmd cmd';
  const first = reported(search, value);
  assert.deepEqual([...first].sort(), [0, 2]);
  assert.deepEqual(reported(search, value), first);
  assert.deepEqual(reported(search, 'C:\\CMD.EXE').sort(), [0, 1, 2]);
  assert.deepEqual(reported(search, 'c:\\cmd.exe').sort(), [0, 1, 2]);
  assert.deepEqual(reported(search, 'nothing'), []);
});

test('FieldSearch: values past the memory, and too long to keep, are still searched', () => {
  const search = new FieldSearch(LITERALS, true, 3);
  for (let at = 0; at <= REMEMBERED_VALUES; at++) {
    assert.deepEqual(reported(search, `x${at}\\cmd.exe`).sort(), [0, 1]);
  }
  assert.deepEqual(reported(search, 'x0\\cmd.exe').sort(), [0, 1]);
  const long = `c:\\${'a'.repeat(REMEMBERED_LENGTH)}\\cmd.exe`;
  assert.deepEqual([...new Set(reported(search, long))].sort(), [0, 1, 2]);
});

test('a field of several values: each literal may be found in a different value', () => {
  const all = "CommandLine|contains|all:\n    - 'alpha'\n    - 'beta'";
  assert.equal(entryFires(all, { CommandLine: ['x alpha', 'y beta'] }), true);
  assert.equal(entryFires(all, { CommandLine: ['x alpha', 'y alpha'] }), false);
  const any = "CommandLine|endswith: '\\cmd.exe'";
  assert.equal(entryFires(any, { CommandLine: ['a', 'C:\\CMD.exe'] }), true);
});
