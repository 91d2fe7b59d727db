import { test } from 'node:test';
import assert from 'node:assert/strict';

import { ADMIN_PORTS, adminPort, isLateralMovementPort } from '../../src/knowledge/ports.js';

test('adminPort finds the admin ports by number or by Sysmon text', () => {
  assert.equal(adminPort(3389)?.service, 'rdp');
  assert.equal(adminPort('445')?.service, 'smb');
  assert.equal(adminPort('5985')?.label, 'WinRM (HTTP)');
  assert.equal(adminPort(' 22 ')?.service, 'ssh');
  assert.equal(adminPort('137', 'UDP')?.service, 'netbios-ns');
  assert.equal(adminPort('137'), undefined);
  assert.equal(adminPort('3389', 'udp')?.service, 'rdp');
});

test('adminPort ignores ordinary and malformed ports', () => {
  for (const port of ['80', '443', '53', '9050', '', '-', '0445', '65536', '3389x', '1e3']) {
    assert.equal(adminPort(port), undefined, port);
  }
  assert.equal(adminPort(443), undefined);
});

test('isLateralMovementPort takes RDP, SMB, WinRM, RPC/DCOM and SSH', () => {
  const lateral = ADMIN_PORTS.filter((row) => row.lateralMovement && row.transport === 'tcp');

  assert.deepEqual(
    lateral.map((row) => row.port),
    [22, 23, 135, 139, 445, 512, 513, 514, 3389, 5900, 5985, 5986],
  );
  assert.equal(isLateralMovementPort('3389'), true);
  assert.equal(isLateralMovementPort(1433), false);
  assert.equal(isLateralMovementPort('443'), false);
});

test('ADMIN_PORTS has one row per port and transport', () => {
  const keys = ADMIN_PORTS.map((row) => `${row.port}/${row.transport}`);
  assert.equal(new Set(keys).size, keys.length);
});
