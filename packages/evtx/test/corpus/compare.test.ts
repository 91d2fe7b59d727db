import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
  compareWithWindows,
  firstDifference,
  foldLineEndings,
  structuredLeaves,
} from './compare.js';
import type { StructuredRecord } from '../../src/index.js';

test('compareWithWindows folds CR LF in ours and names the first differing character', () => {
  const windows = new Map([['7', `<Event><Data>a\nb</Data></Event>`]]);

  assert.deepEqual(
    compareWithWindows(windows, new Map([['7', `<Event><Data>a\r\nb</Data></Event>`]])),
    [],
  );
  assert.deepEqual(compareWithWindows(windows, new Map()), [
    'record 7: the reference has it, we did not read it',
  ]);
  assert.match(
    compareWithWindows(windows, new Map([['7', `<Event><Data>a\nc</Data></Event>`]]))[0] ?? '',
    /^record 7: XML at char 15: expected/,
  );
});

test('foldLineEndings keeps a lone CR', () => {
  assert.equal(foldLineEndings('a\r\nb\rc'), 'a\nb\rc');
});

test('firstDifference shows both sides around the first differing character', () => {
  assert.equal(firstDifference('abc', 'abd'), 'at char 2: expected "abc", ours "abd"');
});

test('structuredLeaves puts fields on the XML paths, canonical and without empties', () => {
  const record: StructuredRecord = {
    recordId: '125267',
    headerRecordId: '1',
    timeCreated: '2018-02-14T09:51:21.8650766Z',
    writtenTime: '',
    eventId: 3,
    provider: 'Microsoft-Windows-Sysmon',
    providerGuid: '{5770385F-C22A-43E0-BF4C-06F5698FFBD9}',
    channel: 'c',
    computer: 'h',
    data: { Initiated: 'True', SourcePortName: '', Data: ['x', 'y'] },
  };

  assert.deepEqual(structuredLeaves(record), [
    { path: 'System/EventID', value: '3' },
    { path: 'System/TimeCreated/@SystemTime', value: '2018-02-14T09:51:21.8650766Z' },
    { path: 'System/EventRecordID', value: '125267' },
    { path: 'System/Provider/@Name', value: 'Microsoft-Windows-Sysmon' },
    { path: 'System/Provider/@Guid', value: '{5770385f-c22a-43e0-bf4c-06f5698ffbd9}' },
    { path: 'System/Channel', value: 'c' },
    { path: 'System/Computer', value: 'h' },
    { path: 'EventData/Data[Name=Initiated]', value: 'true' },
    { path: 'EventData/Data[1]', value: 'x' },
    { path: 'EventData/Data[2]', value: 'y' },
  ]);
});
