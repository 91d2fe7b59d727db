/** The generator writes what it says: sizes, seeds, Sysmon fields and labels that match the log. */
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { generate, readBack } from './support/generate.js';

const SMALL = { seed: 42, sizeBytes: 1024 * 1024, hosts: 8 } as const;

test('SysmonLogGenerator: the same seed gives the same bytes, another seed other bytes', () => {
  const first = generate(SMALL);
  const again = generate(SMALL);
  const other = generate({ ...SMALL, seed: 43 });

  assert.deepEqual(again.bytes, first.bytes);
  assert.notDeepEqual(other.bytes, first.bytes);
});

test('SysmonLogGenerator: reaches the size asked for, whole chunks, every record readable', async () => {
  const log = generate(SMALL);
  const { records, summary } = await readBack(log.bytes);

  assert.ok(log.bytes.length >= SMALL.sizeBytes, `${log.bytes.length} bytes`);
  assert.ok(log.bytes.length < SMALL.sizeBytes + 3 * 65536, `${log.bytes.length} bytes`);
  assert.equal((log.bytes.length - 4096) % 65536, 0);
  assert.equal(records.length, log.records);
  assert.deepEqual(summary.diagnostics, []);
  assert.equal(summary.chunks.valid, summary.chunks.found);
});

test('SysmonLogGenerator: records are Sysmon events in time order with EventRecordID = header id', async () => {
  const { records } = await readBack(generate(SMALL).bytes);
  const ids = new Set(records.map((record) => record.eventId));

  assert.deepEqual(
    [...ids].sort((a, b) => a - b),
    [1, 3, 5, 7, 10, 11, 13, 22],
  );
  records.forEach((record, i) => {
    assert.equal(record.recordId, String(i + 1));
    assert.equal(record.headerRecordId, record.recordId);
    assert.equal(record.provider, 'Microsoft-Windows-Sysmon');
    assert.equal(record.channel, 'Microsoft-Windows-Sysmon/Operational');
    assert.equal(record.userId, 'S-1-5-18');
    if (i > 0) assert.ok(record.timeCreated! >= records[i - 1]!.timeCreated!, `record ${i + 1}`);
  });
});

test('SysmonLogGenerator: a network connection carries typed Sysmon fields', async () => {
  const { records } = await readBack(generate(SMALL).bytes);
  const connection = records.find((record) => record.eventId === 3)!;
  const data = connection.data;

  assert.equal(connection.version, 5);
  assert.equal(connection.keywords, '0x8000000000000000');
  assert.match(
    String(data.ProcessGuid),
    /^\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}$/,
  );
  assert.match(String(data.Initiated), /^(true|false)$/);
  assert.match(String(data.DestinationPort), /^\d+$/);
  assert.match(String(data.SourceIp), /^10\.0\.\d+\.\d+$/);
  assert.equal(data.UtcTime, connection.timeCreated!.replace('T', ' ').slice(0, 23));
});

test('SysmonLogGenerator: each label counts exactly the outbound connections written for it', async () => {
  const log = generate({ ...SMALL, beacons: 2, downloads: 2, phoneHome: 2, lateral: 3 });
  const { records } = await readBack(log.bytes);

  assert.equal(log.labels.length, 9);
  for (const label of log.labels) {
    const matching = records.filter(
      (record) =>
        record.eventId === 3 &&
        record.computer === label.computer &&
        record.data.Image === label.image &&
        record.data.DestinationIp === label.destinationIp &&
        record.data.DestinationPort === String(label.destinationPort),
    );
    assert.equal(matching.length, label.count, `${label.kind} on ${label.computer}`);
    assert.equal(matching[0]!.timeCreated, label.firstSeen);
    assert.equal(matching.at(-1)!.timeCreated, label.lastSeen);
  }
});

test('SysmonLogGenerator: beacon options set the count and the cadence', () => {
  const options = { ...SMALL, beacons: 1, beaconCount: 30, beaconIntervalMs: 60_000 };
  const [beacon] = generate({ ...options, beaconJitter: 0 }).labels;

  assert.equal(beacon?.kind, 'beacon');
  assert.equal(beacon?.count, 30);
  const spanMs = Date.parse(beacon!.lastSeen) - Date.parse(beacon!.firstSeen);
  assert.equal(Math.round(spanMs / 1000), 29 * 60);
});
