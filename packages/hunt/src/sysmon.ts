/**
 * Sysmon field access. Names are Sysmon's own (`DestinationIp`, `Initiated`); values stay the
 * strings Windows renders, so nothing is lost when a field holds something unexpected.
 */
import { fieldText, type EventRecord } from './record.js';

/** The provider name Sysmon writes into System/Provider/@Name. */
export const SYSMON_PROVIDER = 'Microsoft-Windows-Sysmon';

/** Sysmon Event ID 3: a TCP/UDP connection seen by the driver. */
export const SYSMON_NETWORK_CONNECT = 3;

/** The EventData fields of a Sysmon Event ID 3 record, as rendered by Windows. */
export interface NetworkConnection {
  readonly utcTime: string | undefined;
  readonly processGuid: string | undefined;
  readonly processId: string | undefined;
  readonly image: string | undefined;
  readonly user: string | undefined;
  readonly protocol: string | undefined;
  /** `true` when this host opened the connection; undefined when the field is missing. */
  readonly initiated: boolean | undefined;
  readonly sourceIp: string | undefined;
  readonly sourceHostname: string | undefined;
  readonly sourcePort: string | undefined;
  readonly destinationIp: string | undefined;
  readonly destinationHostname: string | undefined;
  readonly destinationPort: string | undefined;
  readonly destinationPortName: string | undefined;
}

/** True when the record is Sysmon Event ID 3, whatever its direction. */
export function isSysmonNetworkConnect(record: EventRecord): boolean {
  return record.provider === SYSMON_PROVIDER && record.eventId === SYSMON_NETWORK_CONNECT;
}

/**
 * True when the record is a Sysmon Event ID 3 this host initiated (`Initiated` is `true`;
 * compared without case because some tools render the boolean as `True`).
 */
export function isInitiatedNetworkConnect(record: EventRecord): boolean {
  return isSysmonNetworkConnect(record) && parseSysmonBoolean(fieldText(record, 'Initiated'));
}

/** The network fields of a Sysmon Event ID 3 record, or undefined for any other record. */
export function networkConnection(record: EventRecord): NetworkConnection | undefined {
  if (!isSysmonNetworkConnect(record)) return undefined;

  const text = (name: string): string | undefined => fieldText(record, name);
  const initiated = text('Initiated');
  return {
    utcTime: text('UtcTime'),
    processGuid: text('ProcessGuid'),
    processId: text('ProcessId'),
    image: text('Image'),
    user: text('User'),
    protocol: text('Protocol'),
    initiated: initiated === undefined ? undefined : parseSysmonBoolean(initiated),
    sourceIp: text('SourceIp'),
    sourceHostname: text('SourceHostname'),
    sourcePort: text('SourcePort'),
    destinationIp: text('DestinationIp'),
    destinationHostname: text('DestinationHostname'),
    destinationPort: text('DestinationPort'),
    destinationPortName: text('DestinationPortName'),
  };
}

/**
 * A Sysmon host name worth reporting: Sysmon writes `-` or nothing when it resolved none, so
 * both count as absent.
 */
export function isReportedHostname(value: string | undefined): value is string {
  return value !== undefined && value !== '' && value !== '-';
}

function parseSysmonBoolean(value: string | undefined): boolean {
  return value !== undefined && value.toLowerCase() === 'true';
}
