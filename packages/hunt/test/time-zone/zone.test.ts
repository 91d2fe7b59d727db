import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
  TimeZoneError,
  listTimeZones,
  localTimeZone,
  resolveTimeZone,
} from '../../src/time-zone/zone.js';

test('listTimeZones puts UTC first, once, then the IANA names the engine knows', () => {
  const zones = listTimeZones();

  assert.equal(zones[0], 'UTC');
  assert.equal(zones.filter((zone) => zone === 'UTC').length, 1);
  assert.ok(zones.includes('Europe/Berlin'));
  assert.ok(zones.includes('Australia/Lord_Howe'));
  assert.ok(zones.length > 300, `only ${zones.length} zones`);
});

test('resolveTimeZone canonicalises names and maps local to the engine zone', () => {
  assert.equal(resolveTimeZone('UTC'), 'UTC');
  assert.equal(resolveTimeZone('Etc/UTC'), 'UTC');
  assert.equal(resolveTimeZone('america/new_york'), 'America/New_York');
  assert.equal(resolveTimeZone('local'), localTimeZone());
});

test('resolveTimeZone rejects unknown, empty and overlong names', () => {
  assert.throws(() => resolveTimeZone('Nowhere/Special'), TimeZoneError);
  assert.throws(() => resolveTimeZone(''), /^TimeZoneError: Unknown time zone '': /);
  assert.throws(() => resolveTimeZone('A'.repeat(100)), /Unknown time zone 'A{32}…'/);
});
