import { test } from 'node:test';
import assert from 'node:assert/strict';

import { knownGoodLocation } from '../../src/knowledge/known-good-locations.js';
import { userWritablePlace } from '../../src/paths/user-writable.js';

test('knownGoodLocation sets aside vendors that install into user-writable places', () => {
  const defender =
    'C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.23110.3-0\\MsMpEng.exe';

  assert.equal(userWritablePlace(defender)?.id, 'programdata');
  assert.equal(knownGoodLocation(defender)?.vendor, 'Microsoft');
  assert.equal(
    knownGoodLocation(
      'C:\\Users\\bouss\\AppData\\Local\\Microsoft\\OneDrive\\21.139.0711.0001\\FileCoAuth.exe',
    )?.product,
    'OneDrive (per-user install)',
  );
  assert.equal(
    knownGoodLocation('C:\\Users\\bob\\AppData\\Roaming\\Zoom\\bin\\Zoom.exe')?.vendor,
    'Zoom',
  );
});

test('knownGoodLocation checks file names where the vendor set is small', () => {
  const teams = 'C:\\Users\\bob\\AppData\\Local\\Microsoft\\Teams\\';

  assert.equal(
    knownGoodLocation(`${teams}Update.exe`)?.product,
    'Teams classic (per-user install)',
  );
  assert.equal(knownGoodLocation(`${teams}evil.exe`), undefined);
});

test('knownGoodLocation leaves other user-writable places alone', () => {
  assert.equal(knownGoodLocation('C:\\ProgramData\\winpm.exe'), undefined);
  assert.equal(
    knownGoodLocation('C:\\ProgramData\\Microsoft\\Windows Defender\\evil.exe'),
    undefined,
  );
  assert.equal(knownGoodLocation('C:\\Users\\bob\\AppData\\Local\\Temp\\MsMpEng.exe'), undefined);
});
