import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  epochMicroseconds,
  timesketchLine,
  timesketchMessage,
} from '../../src/export/timesketch.js';
import { HOSTILE } from './hostile-record.js';

test('timesketchLine leads with the fields Timesketch needs, then the flattened fields', () => {
  const line = timesketchLine(HOSTILE, 'a.evtx');
  const parsed = JSON.parse(line) as Record<string, unknown>;

  assert.deepEqual(Object.keys(parsed).slice(0, 6), [
    'message',
    'datetime',
    'timestamp',
    'timestamp_desc',
    'file',
    'recordId',
  ]);
  assert.equal(parsed['datetime'], '2024-05-01T10:00:00.1234567Z');
  assert.equal(parsed['timestamp'], 1714557600123456);
  assert.equal(parsed['timestamp_desc'], 'Event Recorded');
  assert.equal(parsed['recordId'], '18446744073709551615');
  assert.equal(parsed['DestinationPort'], '443');
});

test('timesketchLine renames a data field that would overwrite one of its own', () => {
  const parsed = JSON.parse(timesketchLine(HOSTILE, 'a.evtx')) as Record<string, unknown>;

  assert.equal(parsed['data_message'], 'spoofed');
  assert.equal(Object.getOwnPropertyDescriptor(parsed, '__proto__')?.value, 'polluted');
  assert.match(String(parsed['message']), /^\[3\] Microsoft-Windows-Sysmon: Image=/);
});

test('timesketchLine keeps message and data_message apart: data_data_message for the second', () => {
  const record = { ...HOSTILE, data: { message: 'm', data_message: 'd', eventId: 'e' } };
  const parsed = JSON.parse(timesketchLine(record, 'a.evtx')) as Record<string, unknown>;

  assert.equal(parsed['data_message'], 'm');
  assert.equal(parsed['data_data_message'], 'd');
  assert.equal(parsed['data_eventId'], 'e');
  assert.equal(parsed['eventId'], 3);
});

test('timesketchLine writes no control character raw', () => {
  const line = timesketchLine(HOSTILE, 'a.evtx');

  assert.doesNotMatch(line, /[\u0000-\u001f\u007f-\u009f]/);
  assert.ok(line.includes('"Image":"C:\\\\evil\\u001b]0;pwned\\u0007.exe"'));
});

test('timesketchMessage shows the key fields, four at most, and cuts long values', () => {
  const long = { ...HOSTILE, data: { Image: 'x'.repeat(200), Other: 'y' } };

  assert.equal(
    timesketchMessage(HOSTILE),
    '[3] Microsoft-Windows-Sysmon: Image=C:\\evil\x1b]0;pwned\x07.exe ' +
      'CommandLine=@SUM(1,2)\r\n"quoted" DestinationIp=10.0.0.1; DROP DestinationPort=443',
  );
  assert.equal(
    timesketchMessage(long),
    `[3] Microsoft-Windows-Sysmon: Image=${'x'.repeat(120)}...`,
  );
  assert.equal(timesketchMessage({ ...HOSTILE, data: {} }), '[3] Microsoft-Windows-Sysmon');
});

test('epochMicroseconds truncates the 100-ns digit and refuses text that is no UTC time', () => {
  assert.equal(epochMicroseconds('1970-01-01T00:00:01.0000019Z'), 1000001);
  assert.equal(epochMicroseconds('2024-05-01T10:00:00Z'), 1714557600000000);
  assert.equal(epochMicroseconds('2024-05-01 10:00:00'), undefined);
  assert.equal(epochMicroseconds('2024-13-45T10:00:00Z'), undefined);
});
