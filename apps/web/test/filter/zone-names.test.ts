import { test } from 'node:test';
import assert from 'node:assert/strict';

import { currentZoneName, offeredZones, zoneAccepted } from '../../src/filter/zone-names.js';

test("offeredZones gives today's names for the old ones Chromium lists", () => {
  const listed = ['UTC', 'Europe/Kiev', 'Asia/Calcutta', 'Europe/Berlin', 'Asia/Saigon'];

  assert.deepEqual(
    offeredZones(listed, 'UTC', () => true),
    ['Asia/Ho_Chi_Minh', 'Asia/Kolkata', 'Europe/Berlin', 'Europe/Kyiv'],
  );
  assert.deepEqual(
    offeredZones(['Europe/Kiev'], 'UTC', (zone) => zone !== 'Europe/Kyiv'),
    ['Europe/Kiev'],
    'the old name stays where the engine does not take the new one',
  );
});

test('offeredZones offers the zone a link chose even when the list lacks it', () => {
  assert.deepEqual(offeredZones(['Europe/Berlin'], 'Etc/GMT+5'), ['Etc/GMT+5', 'Europe/Berlin']);
  assert.deepEqual(offeredZones(['Europe/Berlin'], 'local'), ['Europe/Berlin']);
  assert.equal(zoneAccepted('Asia/Kolkata'), true);
  assert.equal(currentZoneName('Asia/Calcutta'), 'Asia/Kolkata');
  assert.equal(currentZoneName('Europe/Berlin'), 'Europe/Berlin');
  assert.equal(zoneAccepted('Mars/Olympus'), false);
});
