/**
 * Records as ECS documents, one JSON object per line, for Elastic or OpenSearch: what
 * Winlogbeat would send for the event. `@timestamp`, `event.*`, `host.name`, `log.*` and
 * `winlog.*` for every event (`winlog.event_data` holds the event's data as it is); the fields
 * ECS names for Sysmon (ecs-sysmon.ts) and for Security, service and log-clearing events
 * (ecs-security.ts). Used by `evtxhunt dump --format ecs` and the web app's export alike.
 *
 * Values stay exact text where ECS takes a keyword (record ids, event ids); numbers and
 * addresses go to ECS's typed fields only when they are ones (ecs-values.ts).
 */
import { EcsDocument, ECS_VERSION } from './ecs-document.js';
import { addSecurityFields } from './ecs-security.js';
import { addSysmonFields } from './ecs-sysmon.js';
import { SYSMON_PROVIDER } from '../sysmon.js';
import type { ExportRecord } from './export-record.js';
import { exportJsonText } from './export-json.js';

/** ECS's log.level for each Windows Level, as Event Viewer names them; 0 is shown as 4. */
const LEVEL_NAMES = ['information', 'critical', 'error', 'warning', 'information', 'verbose'];

/** The audit keywords of Security events: Audit Success and Audit Failure. */
const AUDIT_SUCCESS = 0x20n << 48n;
const AUDIT_FAILURE = 0x10n << 48n;

/** The ECS line for one record of `file`, without a line feed. */
export function ecsRecordLine(record: ExportRecord, file: string): string {
  return exportJsonText(ecsRecordDocument(record, file).value);
}

/** The ECS document for one record of `file`. */
export function ecsRecordDocument(record: ExportRecord, file: string): EcsDocument {
  const doc = new EcsDocument();
  doc.set('@timestamp', record.timeCreated ?? record.writtenTime);
  doc.set('ecs.version', ECS_VERSION);
  doc.set('event.kind', 'event');
  doc.set('event.code', String(record.eventId));
  doc.set('event.provider', record.provider);
  doc.set(
    'event.outcome',
    auditOutcome(record.keywords) ?? namedOutcome(record.rendered?.keywords),
  );
  doc.set('host.name', record.computer);
  doc.set('log.file.path', file);
  doc.set('log.level', logLevel(record));
  if (record.recovered === true) doc.set('tags', ['evtxhunt-recovered']);

  addWinlogFields(doc, record);
  if (record.provider === SYSMON_PROVIDER) addSysmonFields(doc, record);
  else addSecurityFields(doc, record);
  return doc;
}

/** `winlog.*` as Winlogbeat names them; ids stay exact decimal text (ECS keywords). */
function addWinlogFields(doc: EcsDocument, record: ExportRecord): void {
  doc.set('winlog.channel', record.channel);
  doc.set('winlog.provider_name', record.provider);
  doc.set('winlog.provider_guid', record.providerGuid);
  doc.set('winlog.computer_name', record.computer);
  doc.set('winlog.record_id', record.recordId);
  doc.set('winlog.event_id', String(record.eventId));
  doc.set('winlog.version', record.version);
  doc.set('winlog.process.pid', record.processId);
  doc.set('winlog.process.thread.id', record.threadId);
  doc.set('winlog.user.identifier', record.userId);
  doc.set('winlog.activity_id', record.activityId);
  doc.set('winlog.related_activity_id', record.relatedActivityId);
  doc.set('winlog.event_data', record.data);
}

/** success or failure from the audit keywords a Security event carries, else nothing. */
function auditOutcome(keywords: string | undefined): string | undefined {
  if (keywords === undefined || !/^0x[0-9a-f]{1,16}$/i.test(keywords)) return undefined;
  const mask = BigInt(keywords);
  if ((mask & AUDIT_FAILURE) !== 0n) return 'failure';
  return (mask & AUDIT_SUCCESS) !== 0n ? 'success' : undefined;
}

/** ECS's log.level: Level's name, or the name an export kept in its place, lower-cased. */
function logLevel(record: ExportRecord): string | undefined {
  if (record.level !== undefined) return LEVEL_NAMES[record.level];
  return record.rendered?.level?.toLowerCase();
}

/** success or failure from the names of the audit keywords, as Winlogbeat keeps them. */
function namedOutcome(names: readonly string[] | undefined): string | undefined {
  if (names?.includes('Audit Failure')) return 'failure';
  return names?.includes('Audit Success') ? 'success' : undefined;
}
