import { test } from 'node:test';
import assert from 'node:assert/strict';

import { TimelineBuilder, imageFileName } from '../../src/story/timeline.js';
import { connect, dnsQuery, fileCreate, guid, securityStart, sysmonStart } from './builders.js';

const EXPLORER = 'C:\\Windows\\explorer.exe';
const CMD = 'C:\\Windows\\System32\\cmd.exe';
const POWERSHELL = 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe';
const WHOAMI = 'C:\\Windows\\System32\\whoami.exe';

/** explorer -> cmd -> powershell -> (whoami by 4688, notepad by Sysmon); chrome beside them. */
function builder(): TimelineBuilder {
  const timeline = new TimelineBuilder();
  const add = (activity: Parameters<TimelineBuilder['add']>[0]) => timeline.add(activity);

  add(sysmonStart({ guid: guid(1), pid: 100, image: EXPLORER, at: '09:00:00.000' }));
  add(
    sysmonStart({ guid: guid(2), pid: 200, image: CMD, parentGuid: guid(1), at: '09:01:00.000' }),
  );
  add(fileCreate(guid(1), 'C:\\Users\\u\\Desktop\\x.lnk', '09:01:30.000'));
  add(
    sysmonStart({
      guid: guid(3),
      pid: 300,
      image: POWERSHELL,
      parentGuid: guid(2),
      at: '09:02:00.000',
    }),
  );
  add(dnsQuery(guid(3), 'evil.example', '::ffff:203.0.113.7;', '09:02:10.000'));
  add(connect(guid(3), '203.0.113.7', '09:02:09.000'));
  add(securityStart({ pid: 400, image: WHOAMI, parentPid: 300, at: '09:03:00.000' }));
  add(
    sysmonStart({
      guid: guid(5),
      pid: 500,
      image: 'C:\\Windows\\notepad.exe',
      parentGuid: guid(3),
      at: '09:04:00.000',
    }),
  );
  add(fileCreate(guid(5), 'C:\\Users\\u\\n.txt', '09:04:05.000'));
  add(
    sysmonStart({
      guid: guid(6),
      pid: 600,
      image: 'C:\\chrome.exe',
      parentGuid: guid(1),
      at: '09:02:30.000',
    }),
  );
  return timeline;
}

test('TimelineBuilder.rows: everything, sorted by each event’s own time', () => {
  const rows = builder().rows();

  assert.equal(rows.length, 10);
  assert.deepEqual(
    rows.map((row) => [row.time.slice(11, 23), row.kind, row.eventId]),
    [
      ['09:00:00.000', 'process-start', 1],
      ['09:01:00.000', 'process-start', 1],
      ['09:01:30.000', 'file-create', 11],
      ['09:02:00.000', 'process-start', 1],
      ['09:02:09.000', 'network', 3],
      ['09:02:10.000', 'dns', 22],
      ['09:02:30.000', 'process-start', 1],
      ['09:03:00.000', 'process-start', 4688],
      ['09:04:00.000', 'process-start', 1],
      ['09:04:05.000', 'file-create', 11],
    ],
  );
});

test('TimelineBuilder.rows({ process }): the process, its descendants and its ancestors’ starts', () => {
  const rows = builder().rows({ process: guid(3).toUpperCase() });

  assert.deepEqual(
    rows.map((row) => [row.image, row.kind]),
    [
      [EXPLORER, 'process-start'],
      [CMD, 'process-start'],
      [POWERSHELL, 'process-start'],
      [undefined, 'network'],
      [undefined, 'dns'],
      [WHOAMI, 'process-start'],
      ['C:\\Windows\\notepad.exe', 'process-start'],
      [undefined, 'file-create'],
    ],
  );
  assert.equal(rows[3]?.processGuid, guid(3));
  assert.equal(rows[3]?.summary, 'tcp 10.0.0.5:50100 -> 203.0.113.7:443');
  assert.equal(rows[4]?.summary, 'evil.example -> ::ffff:203.0.113.7');
});

test('TimelineBuilder.rows({ image }): matching processes by base name or path, without case', () => {
  const timeline = builder();
  const byName = timeline.rows({ image: 'CMD.EXE' });
  const byPath = timeline.rows({ image: CMD.toLowerCase() });

  assert.deepEqual(
    byName.map((row) => [row.image, row.kind]),
    [
      [EXPLORER, 'process-start'],
      [CMD, 'process-start'],
    ],
  );
  assert.deepEqual(byPath, byName);
  assert.deepEqual(timeline.rows({ image: 'cmd' }), []);
});

test('TimelineBuilder.rows: equal times sort by host, so the order does not depend on input order', () => {
  const a = sysmonStart({ guid: guid(1), pid: 1, image: CMD, at: '09:00:00.000', computer: 'B' });
  const b = sysmonStart({ guid: guid(2), pid: 2, image: CMD, at: '09:00:00.000', computer: 'A' });
  const forward = new TimelineBuilder();
  const backward = new TimelineBuilder();
  forward.add(a);
  forward.add(b);
  backward.add(b);
  backward.add(a);

  assert.deepEqual(
    forward.rows().map((row) => row.computer),
    ['A', 'B'],
  );
  assert.deepEqual(backward.rows(), forward.rows());
});

test('TimelineBuilder.matching finds nothing for an unknown guid, and rows() is then empty', () => {
  const timeline = builder();

  assert.deepEqual(timeline.matching({ process: guid(99) }), []);
  assert.deepEqual(timeline.rows({ process: guid(99) }), []);
  assert.equal(timeline.size, 10);
});

test('imageFileName keeps the case the image was logged in', () => {
  assert.equal(imageFileName('C:\\Users\\IEUser\\Desktop\\JOINT_BALL.exe'), 'JOINT_BALL.exe');
  assert.equal(imageFileName('System'), 'System');
  assert.equal(imageFileName('C:\\Program Files\\App\\'), '');
});

test('TimelineBuilder.rows({ image }) matches any case but rows keep the logged spelling', () => {
  const timeline = new TimelineBuilder();
  timeline.add(
    sysmonStart({ guid: guid(7), pid: 700, image: 'C:\\T\\JOINT_BALL.exe', at: '09:00:00.000' }),
  );

  const rows = timeline.rows({ image: 'joint_ball.EXE' });
  assert.deepEqual(
    rows.map((row) => row.image),
    ['C:\\T\\JOINT_BALL.exe'],
  );
});
