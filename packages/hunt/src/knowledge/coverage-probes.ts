/**
 * Questions to ask a Sysmon configuration: would a connection out be logged for each LOLBin in
 * its home, for a binary in each user-writable place, and for the common programs (browsers,
 * Office, chat, sync clients)? Paths are made from each table's first folder pattern, with a
 * plausible name where the pattern has a wildcard.
 */
import type { CoverageProbe } from '../sysmon-config/coverage.js';
import { USER_WRITABLE_PLACES } from '../paths/user-writable.js';
import { COMMON_PROCESSES } from './common-processes.js';
import { LOLBINS } from './lolbins.js';

/** A probe with the category the hunt report groups it by. */
export interface CategorisedProbe extends CoverageProbe {
  readonly category: 'lolbin' | 'user-writable' | 'common-process';
}

/** The Event ID 3 fields of an HTTPS connection out to a public address. */
const OUTBOUND_HTTPS: Readonly<Record<string, string>> = {
  User: 'CORP\\analyst',
  Protocol: 'tcp',
  Initiated: 'true',
  SourceIsIpv6: 'false',
  SourceIp: '10.0.0.5',
  SourceHostname: '',
  SourcePort: '50000',
  SourcePortName: '',
  DestinationIsIpv6: 'false',
  DestinationIp: '93.184.216.34',
  DestinationHostname: '',
  DestinationPort: '443',
  DestinationPortName: 'https',
};

/** Every probe: LOLBins, user-writable places, then common programs. */
export function outboundCoverageProbes(): CategorisedProbe[] {
  const lolbins = LOLBINS.map((lolbin) => probe('lolbin', lolbin.name, lolbin.homes, lolbin.name));
  const places = USER_WRITABLE_PLACES.map((place) =>
    probe('user-writable', place.label, place.patterns, 'update.exe'),
  );
  const common = COMMON_PROCESSES.map((process) =>
    probe('common-process', process.name, process.homes, process.name),
  );
  return [...lolbins, ...places, ...common];
}

function probe(
  category: CategorisedProbe['category'],
  label: string,
  folders: readonly string[],
  fileName: string,
): CategorisedProbe {
  const folder = examplePath(folders[0] ?? '?:\\windows\\system32');
  return {
    category,
    label,
    eventId: 3,
    fields: { ...OUTBOUND_HTTPS, Image: `${folder}\\${fileName}` },
  };
}

/**
 * A concrete folder for a pattern: `?:` becomes `C:`, a `*` segment a user name, and a wildcard
 * inside a segment the most common spelling (`program files*` is `program files`).
 */
export function examplePath(pattern: string): string {
  return pattern
    .split('\\')
    .map((segment) =>
      segment === '?:' ? 'C:' : segment === '*' ? 'analyst' : exampleSegment(segment),
    )
    .join('\\');
}

const WILDCARD_EXAMPLES: Readonly<Record<string, string>> = {
  'framework*': 'framework64',
  'v*': 'v4.0.30319',
  'office*': 'office16',
};

function exampleSegment(segment: string): string {
  return WILDCARD_EXAMPLES[segment] ?? segment.replaceAll('*', '').replaceAll('?', 'x');
}
