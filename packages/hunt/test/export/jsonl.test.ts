import { test } from 'node:test';
import assert from 'node:assert/strict';

import type { Finding } from '../../src/findings/finding.js';
import {
  JsonlWriter,
  findingJsonLines,
  jsonLine,
  recordJsonLines,
} from '../../src/export/jsonl.js';
import { event } from '../synthetic.js';

const FINDING: Finding = {
  kind: 'beacon',
  severity: 'high',
  computer: 'WS01',
  image: 'C:\\Users\\a\\beacon.exe',
  destinationIp: '203.0.113.7',
  destinationPort: 443,
  firstSeen: '2024-05-01T10:00:00.1234567Z',
  lastSeen: '2024-05-01T11:00:00.0000000Z',
  count: 2,
  evidence: [
    { recordId: '18446744073709551615', eventId: 3, time: '2024-05-01T10:00:00.1234567Z' },
  ],
  why: 'Regular connections.',
};

test('recordJsonLines writes each record as one line, 64-bit ids as strings, in UTC', () => {
  const record = event({ recordId: '18446744073709551615', data: { Image: 'a "b"\nc' } });
  const lines = [...recordJsonLines([record])];

  assert.equal(lines.length, 1);
  assert.equal(
    lines[0],
    '{"recordId":"18446744073709551615","timeCreated":"2024-05-01T10:00:00.0000000Z","eventId":1,' +
      '"provider":"Microsoft-Windows-Sysmon","channel":"Microsoft-Windows-Sysmon/Operational",' +
      '"computer":"WS01","data":{"Image":"a \\"b\\"\\nc"}}\n',
  );
});

test('JsonlWriter.record shows timeCreated in the zone and names the zone after it', () => {
  const writer = new JsonlWriter({ timeZone: 'America/New_York' });
  const line = writer.record(
    event({ recordId: '7', data: { UtcTime: '2024-05-01 10:00:00.000' } }),
  );

  assert.equal(
    line,
    '{"recordId":"7","timeCreated":"2024-05-01T06:00:00.0000000-04:00","timeZone":"America/New_York",' +
      '"eventId":1,"provider":"Microsoft-Windows-Sysmon","channel":"Microsoft-Windows-Sysmon/Operational",' +
      '"computer":"WS01","data":{"UtcTime":"2024-05-01 10:00:00.000"}}\n',
  );
  assert.deepEqual(JSON.parse(line).data, { UtcTime: '2024-05-01 10:00:00.000' });
});

test('JsonlWriter.record keeps a hostile __proto__ key as data and leaves odd times alone', () => {
  const record = JSON.parse(
    '{"recordId":"1","timeCreated":"garbage","eventId":1,"provider":"p","channel":"c",' +
      '"computer":"h","data":{},"__proto__":{"polluted":true}}',
  );
  const line = new JsonlWriter({ timeZone: 'Europe/Berlin' }).record(record);

  assert.match(line, /"timeCreated":"garbage","timeZone":"Europe\/Berlin"/);
  assert.match(line, /"__proto__":\{"polluted":true\}\}\n$/);
  assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
});

test('findingJsonLines shows every finding time in the zone', () => {
  const story = [
    {
      step: 'network' as const,
      time: '2024-05-01T10:00:00.1234567Z',
      summary: '203.0.113.7:443',
      evidence: FINDING.evidence[0]!,
    },
  ];
  const [line] = [...findingJsonLines([{ ...FINDING, story }], { timeZone: 'Asia/Kathmandu' })];
  const parsed = JSON.parse(line!);

  assert.equal(parsed.firstSeen, '2024-05-01T15:45:00.1234567+05:45');
  assert.equal(parsed.lastSeen, '2024-05-01T16:45:00.0000000+05:45');
  assert.equal(parsed.evidence[0].time, '2024-05-01T15:45:00.1234567+05:45');
  assert.equal(parsed.evidence[0].recordId, '18446744073709551615');
  assert.equal(parsed.story[0].time, '2024-05-01T15:45:00.1234567+05:45');
  assert.equal(parsed.story[0].evidence.time, '2024-05-01T15:45:00.1234567+05:45');
  assert.equal(parsed.timeZone, 'Asia/Katmandu');
  assert.equal(parsed.destinationPort, 443);
});

test('JsonlWriter.finding in UTC is the finding as it was, on one line', () => {
  const line = new JsonlWriter().finding(FINDING);

  assert.deepEqual(JSON.parse(line), FINDING);
  assert.equal(line.indexOf('\n'), line.length - 1);
});

test('jsonLine writes bigints as decimal strings and escapes U+2028 and U+2029', () => {
  assert.equal(jsonLine({ id: 18446744073709551615n }), '{"id":"18446744073709551615"}\n');
  assert.equal(jsonLine({ text: 'a\u2028b\u2029c' }), '{"text":"a\\u2028b\\u2029c"}\n');
  // Bidi overrides and C1 controls too, as the ECS export and the CLI's JSON write them.
  assert.equal(jsonLine({ t: 'x\u202eexe.txt\u009b' }), '{"t":"x\\u202eexe.txt\\u009b"}\n');
});
