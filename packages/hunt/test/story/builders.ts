/**
 * Synthetic Sysmon and Security events for the story tests, built as records and passed
 * through toActivity, so the tests read activities exactly as the engine makes them.
 */
import type {
  DnsQuery,
  FileActivity,
  NetworkConnect,
  ProcessEnd,
  ProcessStart,
} from '../../src/events/activity.js';
import { toActivity } from '../../src/events/normalise.js';
import type { EventRecord } from '../../src/record.js';
import { event } from '../synthetic.js';

/** Sysmon's UtcTime for a time given as `HH:MM:SS.mmm` on 2024-05-01. */
export function utc(clock: string): string {
  return `2024-05-01 ${clock}`;
}

/** A Sysmon guid whose last group is `n`, so tests can tell processes apart at a glance. */
export function guid(n: number): string {
  return `{6f1d0c2e-0001-6632-${String(n).padStart(4, '0')}-00000000a000}`;
}

interface Start {
  readonly guid?: string;
  readonly pid: number;
  readonly image: string;
  readonly at: string;
  readonly parentGuid?: string;
  readonly parentPid?: number;
  readonly parentImage?: string;
  readonly commandLine?: string;
  readonly computer?: string;
}

/** A Sysmon Event ID 1. */
export function sysmonStart(start: Start): ProcessStart {
  return activity<ProcessStart>(
    event({
      eventId: 1,
      computer: start.computer ?? 'WS01',
      data: pick({
        UtcTime: utc(start.at),
        ProcessGuid: start.guid,
        ProcessId: String(start.pid),
        Image: start.image,
        CommandLine: start.commandLine,
        ParentProcessGuid: start.parentGuid,
        ParentProcessId: start.parentPid === undefined ? undefined : String(start.parentPid),
        ParentImage: start.parentImage,
      }),
    }),
  );
}

/** A Security Event ID 4688: pids in hex, the time only in TimeCreated. */
export function securityStart(start: Omit<Start, 'guid' | 'parentGuid'>): ProcessStart {
  return activity<ProcessStart>(
    event({
      eventId: 4688,
      provider: 'Microsoft-Windows-Security-Auditing',
      channel: 'Security',
      computer: start.computer ?? 'WS01',
      timeCreated: `2024-05-01T${start.at}0000Z`,
      data: pick({
        NewProcessId: `0x${start.pid.toString(16)}`,
        NewProcessName: start.image,
        ProcessId: start.parentPid === undefined ? undefined : `0x${start.parentPid.toString(16)}`,
        ParentProcessName: start.parentImage,
        CommandLine: start.commandLine,
      }),
    }),
  );
}

/** A Sysmon Event ID 5. */
export function sysmonEnd(processGuid: string, pid: number, at: string): ProcessEnd {
  const data = { UtcTime: utc(at), ProcessGuid: processGuid, ProcessId: String(pid) };
  return activity<ProcessEnd>(event({ eventId: 5, data }));
}

/** A Sysmon Event ID 22 answered with `results` as Sysmon writes them. */
export function dnsQuery(processGuid: string, name: string, results: string, at: string): DnsQuery {
  const data = {
    UtcTime: utc(at),
    ProcessGuid: processGuid,
    QueryName: name,
    QueryResults: results,
  };
  return activity<DnsQuery>(event({ eventId: 22, data: { QueryStatus: '0', ...data } }));
}

/** A Sysmon Event ID 3 this host initiated, to `ip` port 443. */
export function connect(
  processGuid: string,
  ip: string,
  at: string,
  initiated = 'true',
): NetworkConnect {
  const data = {
    UtcTime: utc(at),
    ProcessGuid: processGuid,
    Protocol: 'tcp',
    Initiated: initiated,
    SourceIp: '10.0.0.5',
    SourcePort: '50100',
    DestinationIp: ip,
    DestinationPort: '443',
  };
  return activity<NetworkConnect>(event({ eventId: 3, data }));
}

/** A Sysmon Event ID 11. */
export function fileCreate(processGuid: string, path: string, at: string): FileActivity {
  const data = { UtcTime: utc(at), ProcessGuid: processGuid, TargetFilename: path };
  return activity<FileActivity>(event({ eventId: 11, data }));
}

function activity<T>(record: EventRecord): T {
  const made = toActivity(record);
  if (made === undefined) throw new Error(`test record ${record.recordId} made no activity`);
  return made as T;
}

function pick(fields: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields)) if (value !== undefined) out[name] = value;
  return out;
}
