import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
  SYSMON_EVENT_FIELDS,
  compareSchemaVersions,
  isSysmonFieldName,
  sysmonFieldNames,
} from '../../src/docs/sysmon-fields.js';

const EVENT_1_OLDEST = [
  'UtcTime',
  'ProcessGuid',
  'ProcessId',
  'Image',
  'CommandLine',
  'CurrentDirectory',
  'User',
  'LogonGuid',
  'LogonId',
  'TerminalSessionId',
  'IntegrityLevel',
  'Hashes',
  'ParentProcessGuid',
  'ParentProcessId',
  'ParentImage',
  'ParentCommandLine',
];

test('SYSMON_EVENT_FIELDS covers Event IDs 1 to 29 and 255, nothing else', () => {
  const ids = [...SYSMON_EVENT_FIELDS.keys()].sort((a, b) => a - b);
  assert.deepEqual(ids, [...Array.from({ length: 29 }, (_, i) => i + 1), 255]);
});

test('sysmonFieldNames follows Event 1 through the schema versions', () => {
  assert.deepEqual(sysmonFieldNames(1, '3.30'), EVENT_1_OLDEST);

  const v4_20 = sysmonFieldNames(1, '4.20') ?? [];
  assert.deepEqual(v4_20.slice(0, 8), [
    'RuleName',
    'UtcTime',
    'ProcessGuid',
    'ProcessId',
    'Image',
    'FileVersion',
    'Description',
    'Product',
  ]);
  assert.equal(v4_20.includes('OriginalFileName'), false);
  assert.equal(sysmonFieldNames(1, '4.70')?.includes('OriginalFileName'), true);
  assert.equal(sysmonFieldNames(1, '4.70')?.includes('ParentUser'), false);
  assert.equal(sysmonFieldNames(1, '4.90')?.at(-1), 'ParentUser');
  assert.equal(sysmonFieldNames(1)?.length, 23);
});

test('sysmonFieldNames knows when an event first existed', () => {
  assert.equal(sysmonFieldNames(22, '4.20'), undefined);
  assert.deepEqual(sysmonFieldNames(22, '4.21'), [
    'RuleName',
    'UtcTime',
    'ProcessGuid',
    'ProcessId',
    'QueryName',
    'QueryStatus',
    'QueryResults',
    'Image',
  ]);
  assert.equal(sysmonFieldNames(29, '4.83'), undefined);
  assert.equal(sysmonFieldNames(28, '4.83')?.at(-1), 'IsExecutable');
  assert.equal(sysmonFieldNames(99), undefined);
  assert.equal(sysmonFieldNames(1, 'latest'), undefined);
});

test('sysmonFieldNames gives pipe events EventType only from schema 4.21', () => {
  assert.deepEqual(sysmonFieldNames(18, '4.10'), [
    'RuleName',
    'UtcTime',
    'ProcessGuid',
    'ProcessId',
    'PipeName',
    'Image',
  ]);
  assert.equal(sysmonFieldNames(18, '4.21')?.[1], 'EventType');
});

test('isSysmonFieldName is exact about case and event', () => {
  assert.equal(isSysmonFieldName(10, 'SourceProcessGUID'), true);
  assert.equal(isSysmonFieldName(10, 'SourceProcessGuid'), false);
  assert.equal(isSysmonFieldName(8, 'SourceProcessGuid'), true);
  assert.equal(isSysmonFieldName(3, 'DestinationIP'), false);
  assert.equal(isSysmonFieldName(6, 'ProcessGuid'), false);
});

test('compareSchemaVersions reads versions as decimals, non-versions last', () => {
  assert.equal(compareSchemaVersions('4.2', '4.20'), 0);
  assert.ok(compareSchemaVersions('4.2', '4.21') < 0);
  assert.ok(compareSchemaVersions('4.90', '4.83') > 0);
  assert.ok(compareSchemaVersions('soon', '4.0') > 0);
  assert.equal(compareSchemaVersions('soon', 'later'), 0);
});
