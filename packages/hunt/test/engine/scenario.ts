/** Synthetic Sysmon activity for the engine's tests: connections, DNS answers, process starts. */
import type { EventRecord } from '../../src/record.js';
import { event } from '../synthetic.js';

const BASE_MS = Date.UTC(2024, 4, 1, 10, 0, 0);

/** Sysmon's UtcTime text for `offsetMs` after 2024-05-01 10:00:00 UTC. */
export function utc(offsetMs: number): string {
  return new Date(BASE_MS + offsetMs).toISOString().replace('T', ' ').replace('Z', '');
}

/** The ISO form the engine reports for the same instant. */
export function iso(offsetMs: number): string {
  return new Date(BASE_MS + offsetMs).toISOString().replace('Z', '0000Z');
}

/** What a connection needs; the rest defaults to an outbound TCP connection from WS01. */
export interface ConnectionSpec {
  readonly at: number;
  readonly image: string;
  readonly destinationIp: string;
  readonly destinationPort: number;
  readonly guid?: string;
  readonly initiated?: boolean;
  readonly sourceIp?: string;
  readonly computer?: string;
  readonly hostname?: string;
}

/** A Sysmon Event ID 3 record. */
export function connect(spec: ConnectionSpec): EventRecord {
  return event({
    eventId: 3,
    computer: spec.computer ?? 'WS01',
    file: 'sysmon.evtx',
    data: {
      UtcTime: utc(spec.at),
      ProcessGuid: spec.guid ?? '{00000000-0000-0000-0000-000000000001}',
      ProcessId: '4242',
      Image: spec.image,
      User: 'CORP\\alice',
      Protocol: 'tcp',
      Initiated: String(spec.initiated ?? true),
      SourceIp: spec.sourceIp ?? '10.0.0.5',
      SourcePort: '50000',
      DestinationIp: spec.destinationIp,
      DestinationHostname: spec.hostname ?? '-',
      DestinationPort: String(spec.destinationPort),
    },
  });
}

/** A Sysmon Event ID 22 record: `image` asked for `name` and got `results`. */
export function dns(
  at: number,
  image: string,
  name: string,
  results: string,
  guid?: string,
): EventRecord {
  return event({
    eventId: 22,
    computer: 'WS01',
    data: {
      UtcTime: utc(at),
      ProcessGuid: guid ?? '{00000000-0000-0000-0000-000000000001}',
      ProcessId: '4242',
      QueryName: name,
      QueryStatus: '0',
      QueryResults: results,
      Image: image,
    },
  });
}

/** A Sysmon Event ID 1 record. */
export function start(
  at: number,
  image: string,
  guid: string,
  parentImage: string,
  more: Record<string, string> = {},
): EventRecord {
  return event({
    eventId: 1,
    computer: 'WS01',
    data: {
      UtcTime: utc(at),
      ProcessGuid: guid,
      ProcessId: '5000',
      Image: image,
      CommandLine: image,
      ParentProcessGuid: '{00000000-0000-0000-0000-0000000000ff}',
      ParentImage: parentImage,
      ...more,
    },
  });
}

/** `count` connections, each `everyMs` ± `jitter` of it after the last (seeded, repeatable). */
export function series(
  count: number,
  everyMs: number,
  jitter: number,
  spec: Omit<ConnectionSpec, 'at'>,
): EventRecord[] {
  let seed = 12345;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };

  const records: EventRecord[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    records.push(connect({ ...spec, at }));
    at += everyMs * (1 + (random() * 2 - 1) * jitter);
  }
  return records;
}
