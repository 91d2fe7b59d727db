import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
  isInitiatedNetworkConnect,
  isReportedHostname,
  isSysmonNetworkConnect,
  networkConnection,
} from '../src/sysmon.js';
import { connection, event } from './synthetic.js';

test('isInitiatedNetworkConnect takes Sysmon Event ID 3 with Initiated true only', () => {
  assert.equal(isInitiatedNetworkConnect(connection({})), true);
  assert.equal(isInitiatedNetworkConnect(connection({ Initiated: 'True' })), true);
  assert.equal(isInitiatedNetworkConnect(connection({ Initiated: 'false' })), false);
  assert.equal(isInitiatedNetworkConnect(event({ eventId: 3 })), false);
  assert.equal(
    isInitiatedNetworkConnect(event({ eventId: 1, data: { Initiated: 'true' } })),
    false,
  );
});

test('isSysmonNetworkConnect checks the provider as well as the event id', () => {
  const other = event({ eventId: 3, provider: 'Microsoft-Windows-Security-Auditing' });

  assert.equal(isSysmonNetworkConnect(other), false);
  assert.equal(isSysmonNetworkConnect(connection({ Initiated: 'false' })), true);
});

test('networkConnection reads the Event ID 3 fields by their Sysmon names', () => {
  const record = connection({
    User: 'CORP\\alice',
    ProcessGuid: '{5770385f-c22a-43e0-bf4c-06f5698ffbd9}',
    UtcTime: '2024-05-01 10:00:00.123',
    SourcePort: '50123',
    DestinationHostname: 'c2.example',
  });
  const fields = networkConnection(record);

  assert.ok(fields);
  assert.equal(fields.image, 'C:\\Windows\\System32\\rundll32.exe');
  assert.equal(fields.user, 'CORP\\alice');
  assert.equal(fields.initiated, true);
  assert.equal(fields.protocol, 'tcp');
  assert.equal(fields.sourcePort, '50123');
  assert.equal(fields.destinationHostname, 'c2.example');
  assert.equal(fields.destinationPort, '443');
  assert.equal(fields.processGuid, '{5770385f-c22a-43e0-bf4c-06f5698ffbd9}');
  assert.equal(fields.utcTime, '2024-05-01 10:00:00.123');
  assert.equal(fields.destinationPortName, undefined);
});

test('networkConnection is undefined for other events and Initiated may be missing', () => {
  assert.equal(networkConnection(event({ eventId: 1 })), undefined);
  assert.equal(networkConnection(event({ eventId: 3 }))?.initiated, undefined);
});

test('isReportedHostname drops empty and dash placeholders', () => {
  assert.equal(isReportedHostname('c2.example'), true);
  assert.equal(isReportedHostname('-'), false);
  assert.equal(isReportedHostname(''), false);
  assert.equal(isReportedHostname(undefined), false);
});
