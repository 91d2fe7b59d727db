/** Builders for each Sysmon event the generator writes, from the world's hosts and processes. */
import type { Prng } from './prng.js';
import { utcTime, type SysmonEvent } from './sysmon-event.js';
import type { Host, Process } from './world.js';

/** A connection as event 3 describes it. */
export interface Connection {
  readonly initiated: boolean;
  readonly sourceIp: string;
  readonly sourcePort: number;
  readonly destinationIp: string;
  readonly destinationPort: number;
  readonly destinationHostname?: string;
}

const PORT_NAMES: Readonly<Record<number, string>> = {
  80: 'http',
  443: 'https',
  445: 'microsoft-ds',
  3389: 'ms-wbt-server',
  88: 'kerberos',
  389: 'ldap',
  135: 'epmap',
  53: 'domain',
  5985: '-',
};

/** Sysmon 1: the process started, with its parent's image and command line. */
export function processCreate(host: Host, process: Process, timeMs: number, r: Prng): SysmonEvent {
  const name = process.image.slice(process.image.lastIndexOf('\\') + 1);
  const parent = process.parent;
  const fields = {
    UtcTime: utcTime(timeMs),
    ProcessGuid: process.guid,
    ProcessId: process.pid,
    Image: process.image,
    FileVersion: '10.0.19041.1 (WinBuild.160101.0800)',
    Description: name,
    Product: 'Microsoft® Windows® Operating System',
    Company: 'Microsoft Corporation',
    OriginalFileName: name,
    CommandLine: process.commandLine,
    CurrentDirectory: `C:\\Users\\${host.userName}\\`,
    User: process.user,
    LogonGuid: host.logonGuid,
    LogonId: host.logonId,
    TerminalSessionId: 1,
    IntegrityLevel: 'Medium',
    Hashes: `SHA256=${r.hex(64)},IMPHASH=${r.hex(32)}`,
    ParentProcessGuid: parent?.guid ?? '{00000000-0000-0000-0000-000000000000}',
    ParentProcessId: parent?.pid ?? 0,
    ParentImage: parent?.image ?? '-',
    ParentCommandLine: parent?.commandLine ?? '-',
    ParentUser: parent?.user ?? '-',
  };
  return { eventId: 1, computer: host.computer, timeMs, fields };
}

/** Sysmon 5: the process ended. */
export function processEnd(host: Host, process: Process, timeMs: number): SysmonEvent {
  const fields = {
    UtcTime: utcTime(timeMs),
    ProcessGuid: process.guid,
    ProcessId: process.pid,
    Image: process.image,
    User: process.user,
  };
  return { eventId: 5, computer: host.computer, timeMs, fields };
}

/** Sysmon 3: a TCP connection, out from the host (`initiated`) or in to it. */
export function networkConnect(
  host: Host,
  process: Process,
  timeMs: number,
  connection: Connection,
): SysmonEvent {
  const fields = {
    UtcTime: utcTime(timeMs),
    ProcessGuid: process.guid,
    ProcessId: process.pid,
    Image: process.image,
    User: process.user,
    Protocol: 'tcp',
    Initiated: connection.initiated,
    SourceIsIpv6: false,
    SourceIp: connection.sourceIp,
    SourceHostname: connection.initiated ? host.computer : '-',
    SourcePort: connection.sourcePort,
    SourcePortName: '-',
    DestinationIsIpv6: false,
    DestinationIp: connection.destinationIp,
    DestinationHostname: connection.destinationHostname ?? '-',
    DestinationPort: connection.destinationPort,
    DestinationPortName: PORT_NAMES[connection.destinationPort] ?? '-',
  };
  return { eventId: 3, computer: host.computer, timeMs, fields };
}

/** Sysmon 22: a DNS query answered with one IPv4 address, as Sysmon writes it. */
export function dnsQuery(
  host: Host,
  process: Process,
  timeMs: number,
  name: string,
  address: string,
): SysmonEvent {
  const fields = {
    UtcTime: utcTime(timeMs),
    ProcessGuid: process.guid,
    ProcessId: process.pid,
    QueryName: name,
    QueryStatus: '0',
    QueryResults: `::ffff:${address};`,
    Image: process.image,
    User: process.user,
  };
  return { eventId: 22, computer: host.computer, timeMs, fields };
}

/** Sysmon 11: a file created. */
export function fileCreate(
  host: Host,
  process: Process,
  timeMs: number,
  path: string,
): SysmonEvent {
  const fields = {
    UtcTime: utcTime(timeMs),
    ProcessGuid: process.guid,
    ProcessId: process.pid,
    Image: process.image,
    TargetFilename: path,
    CreationUtcTime: utcTime(timeMs),
    User: process.user,
  };
  return { eventId: 11, computer: host.computer, timeMs, fields };
}

/** Sysmon 7: a signed Windows DLL loaded. */
export function imageLoad(host: Host, process: Process, timeMs: number, dll: string): SysmonEvent {
  const name = dll.slice(dll.lastIndexOf('\\') + 1);
  const fields = {
    UtcTime: utcTime(timeMs),
    ProcessGuid: process.guid,
    ProcessId: process.pid,
    Image: process.image,
    ImageLoaded: dll,
    FileVersion: '10.0.19041.1',
    Description: name,
    Product: 'Microsoft® Windows® Operating System',
    Company: 'Microsoft Corporation',
    OriginalFileName: name,
    Hashes: 'SHA256=' + '0'.repeat(64),
    Signed: 'true',
    Signature: 'Microsoft Windows',
    SignatureStatus: 'Valid',
    User: process.user,
  };
  return { eventId: 7, computer: host.computer, timeMs, fields };
}

/** Sysmon 10: one process opened another. */
export function processAccess(
  host: Host,
  source: Process,
  target: Process,
  timeMs: number,
): SysmonEvent {
  const fields = {
    UtcTime: utcTime(timeMs),
    SourceProcessGUID: source.guid,
    SourceProcessId: source.pid,
    SourceThreadId: source.pid + 4,
    SourceImage: source.image,
    TargetProcessGUID: target.guid,
    TargetProcessId: target.pid,
    TargetImage: target.image,
    GrantedAccess: 0x1000,
    CallTrace: 'C:\\Windows\\SYSTEM32\\ntdll.dll+9d1e4|C:\\Windows\\System32\\KERNELBASE.dll+2c13e',
    SourceUser: source.user,
    TargetUser: target.user,
  };
  return { eventId: 10, computer: host.computer, timeMs, fields };
}

/** Sysmon 13: a registry value set. */
export function registrySet(
  host: Host,
  process: Process,
  timeMs: number,
  key: string,
  details: string,
): SysmonEvent {
  const fields = {
    EventType: 'SetValue',
    UtcTime: utcTime(timeMs),
    ProcessGuid: process.guid,
    ProcessId: process.pid,
    Image: process.image,
    TargetObject: key,
    Details: details,
    User: process.user,
  };
  return { eventId: 13, computer: host.computer, timeMs, fields };
}

/** An ephemeral source port, as Windows picks them. */
export function ephemeralPort(r: Prng): number {
  return r.between(49152, 65535);
}
