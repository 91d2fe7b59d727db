import assert from 'node:assert/strict';
import { test } from 'node:test';

import type { DnsQuery, NetworkConnect } from '../../src/events/activity.js';
import { toActivity } from '../../src/events/normalise.js';
import { StoryCompactor } from '../../src/story/compact.js';
import { storyStep } from '../../src/story/story.js';
import { connect, dns } from '../engine/scenario.js';

const RUNDLL32 = 'C:\\Windows\\System32\\rundll32.exe';

test('StoryCompactor.compact keeps what a story step reads and shares repeated text', () => {
  const compactor = new StoryCompactor();
  const records = [0, 1].map((at) =>
    connect({ at, image: RUNDLL32, destinationIp: '198.51.100.20', destinationPort: 443 }),
  );
  const [first, second] = records.map((record) => toActivity(record) as NetworkConnect);
  if (first === undefined || second === undefined) throw new Error('no connections');

  const small = compactor.compact(first);
  assert.deepEqual(storyStep(small), storyStep(first));
  assert.equal(small.destinationPort, 443);
  assert.equal(small.initiated, true);
  assert.equal(small.process.image, RUNDLL32);
  assert.equal('user' in small.process, false, 'the user is not kept');
  assert.equal(compactor.compact(second).destinationIp, small.destinationIp);
});

test('StoryCompactor.compact keeps the name a DNS query asked for and its answers', () => {
  const query = toActivity(
    dns(0, RUNDLL32, 'cdn.evil.example', 'type:  5 x.example;::ffff:198.51.100.20;'),
  ) as DnsQuery;
  const small = new StoryCompactor().compact(query);

  assert.deepEqual(storyStep(small), storyStep(query));
  assert.deepEqual(small.resolvedAddresses, ['::ffff:198.51.100.20']);
  assert.equal(small.queryName, 'cdn.evil.example');
});
