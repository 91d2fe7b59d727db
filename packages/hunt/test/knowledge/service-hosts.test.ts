import { test } from 'node:test';
import assert from 'node:assert/strict';

import { isServiceHost, serviceHostFor } from '../../src/knowledge/service-hosts.js';

test('isServiceHost takes service hosts at home only', () => {
  assert.equal(isServiceHost('C:\\Windows\\System32\\svchost.exe'), true);
  assert.equal(isServiceHost('C:\\Windows\\SysWOW64\\svchost.exe'), true);
  assert.equal(isServiceHost('C:\\Windows\\system32\\wbem\\wmiprvse.exe'), true);
  assert.equal(isServiceHost('\\Device\\HarddiskVolume3\\Windows\\System32\\lsass.exe'), true);
  assert.equal(isServiceHost('svchost.exe'), true);
  // From the shared samples: svchost.exe dropped into C:\Windows by an attack.
  assert.equal(isServiceHost('C:\\Windows\\svchost.exe'), false);
  assert.equal(isServiceHost('C:\\Windows\\Temp\\svhost64.exe'), false);
  assert.equal(isServiceHost('C:\\Windows\\System32\\notepad.exe'), false);
});

test('serviceHostFor says which host and whether it is out of place', () => {
  const fake = serviceHostFor('C:\\Users\\Public\\lsass.exe');

  assert.equal(fake?.serviceHost.label, 'Local Security Authority');
  assert.equal(fake?.outsideHome, true);
  assert.equal(serviceHostFor('C:\\Windows\\System32\\taskhostw.exe')?.outsideHome, false);
  assert.equal(serviceHostFor('C:\\Windows\\System32\\cmd.exe'), undefined);
});
