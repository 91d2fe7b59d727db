/**
 * A record as one line of Windows-style event XML, for `dump --format xml` of inputs that were
 * not EVTX. The record keeps no markup, so this is the event rebuilt from its fields.
 */
import type { ImportedRecord } from '../types.js';

const EVENT_NAMESPACE = 'http://schemas.microsoft.com/win/2004/08/events/event';

/** The event's XML on one line, System first, then every data field as a `Data` element. */
export function recordXml(record: ImportedRecord): string {
  const body = systemXml(record) + eventDataXml(record) + renderingXml(record);
  return `<Event xmlns='${EVENT_NAMESPACE}'>${body}</Event>`;
}

/** The names Windows rendered, where the export kept them, as Event Viewer writes them. */
function renderingXml(record: ImportedRecord): string {
  const names = record.rendered;
  if (names === undefined) return '';
  const parts = (['level', 'task', 'opcode'] as const).map((key) => {
    const name = names[key];
    return name === undefined ? '' : element(upperFirst(key), [], name);
  });
  const keywords = names.keywords?.map((keyword) => element('Keyword', [], keyword)) ?? [];
  if (keywords.length > 0) parts.push(`<Keywords>${keywords.join('')}</Keywords>`);
  return `<RenderingInfo>${parts.join('')}</RenderingInfo>`;
}

function systemXml(record: ImportedRecord): string {
  const parts = [
    element('Provider', [
      ['Name', record.provider],
      ['Guid', record.providerGuid],
      ['EventSourceName', record.eventSourceName],
    ]),
    element('EventID', [['Qualifiers', text(record.qualifiers)]], String(record.eventId)),
    ...(['version', 'level', 'task', 'opcode'] as const).map((key) =>
      record[key] === undefined ? '' : element(upperFirst(key), [], String(record[key])),
    ),
    record.keywords === undefined ? '' : element('Keywords', [], record.keywords),
    element('TimeCreated', [['SystemTime', record.timeCreated]]),
    element('EventRecordID', [], record.recordId),
    element('Correlation', [
      ['ActivityID', record.activityId],
      ['RelatedActivityID', record.relatedActivityId],
    ]),
    element('Execution', [
      ['ProcessID', text(record.processId)],
      ['ThreadID', text(record.threadId)],
    ]),
    element('Channel', [], record.channel),
    element('Computer', [], record.computer),
    element('Security', [['UserID', record.userId]]),
  ];
  return `<System>${parts.join('')}</System>`;
}

function eventDataXml(record: ImportedRecord): string {
  // TODO: UserData fields are written as EventData: the record does not say which they were.
  const data: string[] = [];
  for (const [name, value] of Object.entries(record.data)) {
    const values = typeof value === 'string' ? [value] : value;
    for (const item of values) {
      data.push(
        name === 'Data' ? element('Data', [], item) : element('Data', [['Name', name]], item),
      );
    }
  }
  return `<EventData>${data.join('')}</EventData>`;
}

function element(
  name: string,
  attributes: readonly (readonly [string, string | undefined])[],
  content?: string,
): string {
  let open = `<${name}`;
  for (const [key, value] of attributes) {
    if (value !== undefined) open += ` ${key}='${escapeXml(value)}'`;
  }
  return content === undefined ? `${open}/>` : `${open}>${escapeXml(content)}</${name}>`;
}

function text(value: number | undefined): string | undefined {
  return value === undefined ? undefined : String(value);
}

function upperFirst(key: string): string {
  return key[0]?.toUpperCase() + key.slice(1);
}

/**
 * Markup characters as entities; characters XML 1.0 cannot hold as `_xHHHH_`, and so an
 * underscore that starts such a pattern in the text itself as `_x005F_` (as the EVTX parser's
 * XML does), so that reading it back gives the text, not the character.
 */
export function escapeXml(value: string): string {
  return value.replace(XML_SPECIAL, (char) => {
    const entity = ENTITIES.get(char);
    if (entity !== undefined) return entity;
    return `_x${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`;
  });
}

const XML_SPECIAL =
  /[&<>'"]|[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)/g;

const ENTITIES: ReadonlyMap<string, string> = new Map([
  ['&', '&amp;'],
  ['<', '&lt;'],
  ['>', '&gt;'],
  ["'", '&apos;'],
  ['"', '&quot;'],
]);
