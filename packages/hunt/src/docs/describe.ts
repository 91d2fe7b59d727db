/**
 * Looking up what an event and its fields mean, for the details pane. Events are keyed by
 * provider and Event ID, because Event IDs collide across providers (Security 4625 is a failed
 * logon, EventSystem 4625 is not). Provider names match without regard to case; field names
 * match exactly, as Sysmon and Windows spell them.
 */
import { SYSMON_PROVIDER } from '../sysmon.js';
import type { EventDoc, FieldDocs } from './model.js';
import { isSysmonFieldName } from './sysmon-fields.js';
import { SECURITY_AUDITING_PROVIDER } from './providers.js';
import { SECURITY_COMMON_FIELDS, SECURITY_EVENT_DOCS } from './security-docs.js';
import { SYSMON_COMMON_FIELDS } from './sysmon-common-fields.js';
import { SYSMON_EVENT_DOCS } from './sysmon-docs.js';
import { WINDOWS_LOG_EVENT_DOCS } from './windows-log-docs.js';

/** What the System fields of every record (see fields.ts) hold. */
export const SYSTEM_FIELD_DOCS: FieldDocs = {
  eventId: 'Event ID: with the provider, says what kind of event this is.',
  provider: 'Component that wrote the event (System/Provider/@Name).',
  channel:
    'Log the event was written to, such as Security or Microsoft-Windows-Sysmon/Operational.',
  computer: 'Name of the computer the event was logged on, as that computer named itself.',
  recordId: 'Number of the record in its log file; it counts up as events are written.',
  timeCreated: 'When Windows wrote the event (System/TimeCreated), to 100 nanoseconds.',
  file: 'File the record was read from.',
  level:
    'Severity the provider gave the event: 1 Critical, 2 Error, 3 Warning, 4 Information, ' +
    '5 Verbose; 0 (no level) is shown as Information, as Event Viewer does.',
};

/** Every event the workbench explains. */
export const EVENT_DOCS: readonly EventDoc[] = [
  ...SYSMON_EVENT_DOCS,
  ...SECURITY_EVENT_DOCS,
  ...WINDOWS_LOG_EVENT_DOCS,
];

const BY_KEY: ReadonlyMap<string, EventDoc> = new Map(
  EVENT_DOCS.map((doc) => [docKey(doc.provider, doc.eventId), doc]),
);

const COMMON_BY_PROVIDER: ReadonlyMap<string, FieldDocs> = new Map([
  [SYSMON_PROVIDER.toLowerCase(), SYSMON_COMMON_FIELDS],
  [SECURITY_AUDITING_PROVIDER.toLowerCase(), SECURITY_COMMON_FIELDS],
]);

/** What an event means, or undefined when the workbench has no text for it. */
export function describeEvent(provider: string, eventId: number): EventDoc | undefined {
  return BY_KEY.get(docKey(provider, eventId));
}

/**
 * What one field of an event holds: the event's own text, else the text its provider's events
 * share, else the System field text (eventId, computer, ...), which every event has.
 * Otherwise undefined: for the data fields of events the workbench does not describe, and for
 * Sysmon field names that event never carries.
 */
export function describeField(
  provider: string,
  eventId: number,
  field: string,
): string | undefined {
  const system = ownText(SYSTEM_FIELD_DOCS, field);
  const doc = describeEvent(provider, eventId);
  if (doc === undefined) return system;

  const own = ownText(doc.fields, field);
  if (own !== undefined) return own;
  if (isSysmon(provider) && !isSysmonFieldName(eventId, field)) return system;

  const common = COMMON_BY_PROVIDER.get(provider.toLowerCase());
  return (common && ownText(common, field)) ?? system;
}

function isSysmon(provider: string): boolean {
  return provider.toLowerCase() === SYSMON_PROVIDER.toLowerCase();
}

function docKey(provider: string, eventId: number): string {
  return `${provider.toLowerCase()}\u0000${eventId}`;
}

/** A table's own entry only, so names such as "constructor" or "__proto__" find nothing. */
function ownText(table: FieldDocs, field: string): string | undefined {
  return Object.hasOwn(table, field) ? table[field] : undefined;
}
