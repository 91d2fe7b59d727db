/**
 * Sysmon's event data under the ECS names Elastic's own Sysmon integration uses. Hash names
 * are taken only from ECS's list; values that do not fit a typed field stay only in
 * `winlog.event_data`, where the exact text always is (ecs-values.ts).
 */
import type { ExportRecord } from './export-record.js';
import type { EcsDocument } from './ecs-document.js';
import { baseName, decimalNumber, ipText, singleText } from './ecs-values.js';

/** Event data fields copied as text: Sysmon name, ECS name. */
const TEXT_FIELDS: readonly (readonly [string, string])[] = [
  ['Image', 'process.executable'],
  ['ProcessGuid', 'process.entity_id'],
  ['CommandLine', 'process.command_line'],
  ['CurrentDirectory', 'process.working_directory'],
  ['ParentImage', 'process.parent.executable'],
  ['ParentProcessGuid', 'process.parent.entity_id'],
  ['ParentCommandLine', 'process.parent.command_line'],
  ['SourceHostname', 'source.domain'],
  ['DestinationHostname', 'destination.domain'],
  ['QueryName', 'dns.question.name'],
  ['TargetFilename', 'file.path'],
  ['ImageLoaded', 'dll.path'],
];

/** Fields that become numbers: name, ECS name, largest value. */
const NUMBER_FIELDS: readonly (readonly [string, string, number])[] = [
  ['ProcessId', 'process.pid', 0xffffffff],
  ['ParentProcessId', 'process.parent.pid', 0xffffffff],
  ['SourcePort', 'source.port', 65535],
  ['DestinationPort', 'destination.port', 65535],
];

const IP_FIELDS: readonly (readonly [string, string])[] = [
  ['SourceIp', 'source.ip'],
  ['DestinationIp', 'destination.ip'],
];

/** The hash algorithms of ECS's `hash.*`, by the name Sysmon writes. */
const HASH_NAMES: ReadonlyMap<string, string> = new Map([
  ['MD5', 'md5'],
  ['SHA1', 'sha1'],
  ['SHA256', 'sha256'],
  ['SHA384', 'sha384'],
  ['SHA512', 'sha512'],
]);

/** Adds the ECS fields a Sysmon event's data gives. */
export function addSysmonFields(doc: EcsDocument, record: ExportRecord): void {
  const text = (name: string): string | undefined => singleText(record.data[name]);

  for (const [name, ecs] of TEXT_FIELDS) doc.set(ecs, text(name));
  for (const [name, ecs, max] of NUMBER_FIELDS) doc.set(ecs, decimalNumber(text(name), max));
  for (const [name, ecs] of IP_FIELDS) doc.set(ecs, ipText(text(name)));
  doc.set('process.name', baseName(text('Image')));
  doc.set('process.parent.name', baseName(text('ParentImage')));

  doc.set('network.transport', text('Protocol')?.toLowerCase());
  doc.set('network.direction', direction(text('Initiated')));
  addUser(doc, text('User'));
  addHashes(doc, hashOwner(record.eventId), text('Hashes') ?? text('Hash'));
}

/** Sysmon's Initiated: true for a connection this host opened (ECS egress), false for one in. */
function direction(initiated: string | undefined): string | undefined {
  if (initiated === 'true') return 'egress';
  return initiated === 'false' ? 'ingress' : undefined;
}

/** `DOMAIN\name` as user.domain and user.name; a name without a domain as user.name. */
function addUser(doc: EcsDocument, user: string | undefined): void {
  if (user === undefined) return;

  const slash = user.indexOf('\\');
  doc.set('user.domain', slash < 0 ? undefined : user.slice(0, slash));
  doc.set('user.name', user.slice(slash + 1));
}

/** Whose hashes an event's are: the process created (1), the module loaded (7), else a file. */
function hashOwner(eventId: number): string {
  if (eventId === 1) return 'process.hash';
  return eventId === 7 ? 'dll.hash' : 'file.hash';
}

/** `SHA1=...,MD5=...,IMPHASH=...`: each algorithm ECS has, lower-cased as ECS writes it. */
function addHashes(doc: EcsDocument, owner: string, hashes: string | undefined): void {
  for (const pair of hashes?.split(',') ?? []) {
    const equals = pair.indexOf('=');
    const name = HASH_NAMES.get(pair.slice(0, equals).trim().toUpperCase());
    if (equals > 0 && name !== undefined) doc.set(`${owner}.${name}`, pair.slice(equals + 1));
  }
}
