import { test } from 'node:test';
import assert from 'node:assert/strict';

import { TimeZoneError } from '@evtxhunt/hunt';

import { ZonedFrame, timeLabel } from '../../src/filter/zoned-frame.js';
import { EventStore } from '../../src/store/event-store.js';
import { row } from '../support/rows.js';

function store(): EventStore {
  const events = new EventStore();
  events.append(events.addFile('a.evtx'), [row({ Image: 'a.exe' }), row({}, { time: 'junk' })]);
  return events;
}

test('ZonedFrame shows times in the zone with all seven digits and names it in the header', () => {
  const frame = new ZonedFrame(store(), 'Europe/Berlin');

  assert.equal(frame.cell(0, 'timeCreated'), '2024-05-01T12:00:00.1234567+02:00');
  assert.equal(frame.cell(1, 'timeCreated'), 'junk', 'text that is no time stays as it was');
  assert.equal(frame.cell(0, 'Image'), 'a.exe');
  assert.equal(frame.columns().find((c) => c.key === 'timeCreated')?.label, 'Time (Europe/Berlin)');
  assert.equal(
    new ZonedFrame(store(), 'UTC').cell(0, 'timeCreated'),
    '2024-05-01T10:00:00.1234567Z',
  );
  assert.equal(timeLabel('UTC'), 'Time (UTC)');
});

test('ZonedFrame refuses a zone the engine does not know', () => {
  assert.throws(() => new ZonedFrame(store(), 'Mars/Olympus'), TimeZoneError);
});
