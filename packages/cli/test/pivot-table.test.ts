import { test } from 'node:test';
import assert from 'node:assert/strict';

import type { PivotResult } from '@evtxhunt/hunt';

import { renderPivot } from '../src/pivot-table.js';

test('renderPivot draws one row per group with ports, host names and times', () => {
  const result: PivotResult = {
    by: ['Image', 'DestinationIp'],
    seen: 10,
    selected: 4,
    rows: [
      {
        key: ['c:\\b.exe', '10.0.0.1'],
        count: 3,
        ports: ['80', '443'],
        hostnames: ['c2.example'],
        firstSeen: '2024-05-01T09:00:00.0000000Z',
        lastSeen: '2024-05-01T10:00:00.0000000Z',
      },
      {
        key: ['\x1b[31mx', ''],
        count: 1,
        ports: ['53'],
        hostnames: [],
        firstSeen: undefined,
        lastSeen: undefined,
        morePorts: true,
      },
    ],
  };

  assert.deepEqual(renderPivot(result), [
    'count  Image      DestinationIp  ports   hostnames   first seen                    last seen',
    '    3  c:\\b.exe   10.0.0.1       80,443  c2.example  2024-05-01T09:00:00.0000000Z  2024-05-01T10:00:00.0000000Z',
    '    1  \\x1b[31mx  -              53,...  -           -                             -',
    '',
    '2 groups from 4 of 10 records',
  ]);
});
