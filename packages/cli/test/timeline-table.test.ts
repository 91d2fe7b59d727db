import { test } from 'node:test';
import assert from 'node:assert/strict';

import type { TimelineRow } from '@evtxhunt/hunt';

import { renderTimeline, timelineLines } from '../src/timeline-table.js';

function row(image: string | undefined, recordId: string): TimelineRow {
  return {
    time: '2019-05-12T18:35:04.4630000Z',
    computer: 'IEWIN7',
    kind: 'network',
    eventId: 3,
    ...(image === undefined ? {} : { image }),
    summary: 'tcp 10.0.2.15:49159 -> 104.20.208.21:80',
    evidence: { recordId, eventId: 3, time: '2019-05-12T18:35:04.4630000Z' },
  };
}

test('renderTimeline shows each process by its file name as logged, case kept', () => {
  const rows = [row('C:\\Users\\IEUser\\Desktop\\JOINT_BALL.exe', '1'), row('System', '2')];
  const lines = renderTimeline([...rows, row(undefined, '3')], 5);

  assert.match(
    lines[1] ?? '',
    /^2019-05-12T18:35:04\.4630000Z {2}IEWIN7 +3 {2}network +JOINT_BALL\.exe +- /,
  );
  assert.match(lines[2] ?? '', / {2}network +System +- /);
  assert.match(lines[3] ?? '', / {2}network +- +- /);
  assert.equal(lines.at(-1), '3 events shown of 5 activities read');
});

test('timelineLines gives the lines renderTimeline gives, from rows it reads twice', async () => {
  const rows = [row('C:\\Windows\\System32\\svchost.exe', '1'), row('x\u001b[31m.exe', '2')];
  const lines: string[] = [];
  for await (const line of timelineLines(rows, 7)) lines.push(line);

  assert.deepEqual(lines, renderTimeline(rows, 7));
  assert.equal(lines.at(-1), '2 events shown of 7 activities read');
});

test('renderTimeline marks an event from a recovered record before its summary', () => {
  const recovered = row('a.exe', '9');
  const lines = renderTimeline(
    [row('a.exe', '8'), { ...recovered, evidence: { ...recovered.evidence, recovered: true } }],
    2,
  );

  assert.match(lines[1] ?? '', / {2}a\.exe +- +tcp 10\.0\.2\.15:49159 -> 104\.20\.208\.21:80$/);
  assert.match(
    lines[2] ?? '',
    / {2}a\.exe +- +\(recovered\) tcp 10\.0\.2\.15:49159 -> 104\.20\.208\.21:80$/,
  );
});
