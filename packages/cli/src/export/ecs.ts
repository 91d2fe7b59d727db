/**
 * Records as ECS documents (`dump --format ecs`), one JSON object per line, for Elastic or
 * OpenSearch: what Winlogbeat would send for the event. `@timestamp` and `event.*`, `host.name`,
 * `log.file.path` and `winlog.*` for every event (`winlog.event_data` holds the event's data as
 * it is), and for Sysmon the fields ECS names: `process.*`, `destination.*`, `source.*`,
 * `network.*`, `dns.question.name`, `file.path`, `user.*` and hashes (sysmon-ecs.ts).
 *
 * Values stay exact text where ECS takes a keyword (record ids, event ids); ports and process
 * ids become numbers only when they are plain decimals in range, and addresses go to ECS's ip
 * fields only when they are addresses, so a hostile value never makes a bulk request fail: it
 * stays in `winlog.event_data` alone.
 */
import type { StructuredRecord } from '@evtxhunt/evtx';

import { jsonText } from '../json.js';
import { EcsDocument } from './ecs-document.js';
import { SYSMON_PROVIDER, addSysmonFields } from './sysmon-ecs.js';

/** The ECS version the documents follow. */
export const ECS_VERSION = '8.11.0';

/** A record header time of zero, as ISO text. */
const FILETIME_ZERO = '1601-01-01T00:00:00.0000000';

/** The ECS line for one record of `file`. */
export function ecsLine(record: StructuredRecord, file: string): string {
  return jsonText(ecsDocument(record, file).value);
}

/** The ECS document for one record of `file`. */
export function ecsDocument(record: StructuredRecord, file: string): EcsDocument {
  const doc = new EcsDocument();
  doc.set('@timestamp', record.timeCreated ?? record.writtenTime);
  doc.set('ecs.version', ECS_VERSION);
  doc.set('event.kind', 'event');
  doc.set('event.code', String(record.eventId));
  doc.set('event.provider', record.provider);
  // When Windows wrote the record into the log (the record header's time); zero (1601) in
  // logs some tools export, which says nothing.
  if (!record.writtenTime.startsWith(FILETIME_ZERO)) doc.set('event.created', record.writtenTime);
  doc.set('host.name', record.computer);
  doc.set('log.file.path', file);
  if (record.recovered === true) doc.set('tags', ['evtxhunt-recovered']);

  addWinlogFields(doc, record);
  // TODO: only Sysmon's data gets ECS names; Security events (4624 TargetUserName and
  // IpAddress, 4688 NewProcessName, ...) are in winlog.event_data alone for now.
  if (record.provider === SYSMON_PROVIDER) addSysmonFields(doc, record);
  return doc;
}

/** `winlog.*` as Winlogbeat names them; ids stay exact decimal text (ECS keywords). */
function addWinlogFields(doc: EcsDocument, record: StructuredRecord): void {
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
