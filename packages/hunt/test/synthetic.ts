/** Synthetic records for the engine's tests: plain objects shaped like parser output. */
import type { EventRecord, FieldValue } from '../src/record.js';

let nextId = 1;

/** Any event; System fields default to a Sysmon Event ID 1 on host WS01. */
export function event(
  fields: Partial<Omit<EventRecord, 'data'>> & { data?: Record<string, FieldValue> },
): EventRecord {
  return {
    recordId: String(nextId++),
    timeCreated: '2024-05-01T10:00:00.0000000Z',
    eventId: 1,
    provider: 'Microsoft-Windows-Sysmon',
    channel: 'Microsoft-Windows-Sysmon/Operational',
    computer: 'WS01',
    data: {},
    ...fields,
  };
}

/** A Sysmon Event ID 3 this host initiated; `data` entries override the defaults. */
export function connection(
  data: Record<string, FieldValue>,
  timeCreated = '2024-05-01T10:00:00.0000000Z',
): EventRecord {
  return event({
    eventId: 3,
    timeCreated,
    data: {
      Image: 'C:\\Windows\\System32\\rundll32.exe',
      Protocol: 'tcp',
      Initiated: 'true',
      SourceIp: '10.0.0.5',
      DestinationIp: '203.0.113.7',
      DestinationHostname: '',
      DestinationPort: '443',
      ...data,
    },
  });
}
