import { test } from 'node:test';
import assert from 'node:assert/strict';

import { renderTable } from '../src/table.js';

test('renderTable pads columns to the widest cell and right-aligns numbers', () => {
  const lines = renderTable(
    [{ heading: 'count', align: 'right' }, { heading: 'Image' }, { heading: 'ports' }],
    [
      ['3', 'beacon.exe', '443'],
      ['12', 'a.exe', ''],
    ],
  );

  assert.deepEqual(lines, ['count  Image       ports', '    3  beacon.exe  443', '   12  a.exe']);
});

test('renderTable escapes cells before measuring them', () => {
  const lines = renderTable([{ heading: 'x' }, { heading: 'y' }], [['\x1b[1m', 'z']]);

  assert.deepEqual(lines, ['x        y', '\\x1b[1m  z']);
});
