/**
 * What the details pane shows for one row, worked out without a browser: every System and
 * EventData field with its value, meaning (describeField) and decoded value (decodeField: a
 * logon type's name, a status code's reason, ...), what the event means (describeEvent), and
 * the ProcessGuid a Sysmon event can be followed by.
 */
import {
  SYSMON_PROVIDER,
  decodeField,
  describeEvent,
  describeField,
  type DecodedValue,
  type EventDoc,
  type FieldValue,
} from '@evtxhunt/hunt';

import { SYSTEM_COLUMNS, isExtraColumn, systemLabel } from '../../store/columns.js';
import type { EventStore } from '../../store/event-store.js';
import type { DataFrame } from '../../store/frame.js';
import { SYSTEM_EXTRA_MEANINGS } from './system-meanings.js';

/** One field as the pane lists it. */
export interface DetailField {
  /** The column key: a System key such as `timeCreated`, or the data field's own name. */
  readonly key: string;
  /** What the pane calls it: the System column's header, or the data field's name. */
  readonly label: string;
  /** The value as text; several values on lines of their own. */
  readonly value: string;
  /** What the field holds, or undefined when the workbench has no text for it. */
  readonly meaning: string | undefined;
  /** What this value stands for (shown beside it, never in its place); absent when unknown. */
  readonly decoded?: DecodedValue;
  /** For the time field: the zone its value is shown in; UTC when absent. */
  readonly zone?: string;
}

/** Everything the pane shows of one event. */
export interface EventDetails {
  readonly eventId: number;
  readonly recordId: string;
  readonly provider: string;
  /** True when the record was recovered, not live (EventStore.recovered). */
  readonly recovered: boolean;
  /** What the event means, or undefined for events the workbench does not describe. */
  readonly doc: EventDoc | undefined;
  readonly system: readonly DetailField[];
  readonly data: readonly DetailField[];
  /** The ProcessGuid of a Sysmon event that has one, to show that process's events. */
  readonly processGuid: string | undefined;
}

/**
 * The details of store row `row`. System values and labels come from `frame` when given (the
 * table's frame, so times show in the zone the table shows), else from the store.
 */
export function eventDetails(store: EventStore, row: number, frame?: DataFrame): EventDetails {
  const record = store.record(row);
  const { provider, eventId } = record;
  const meaning = (key: string) =>
    isExtraColumn(key) ? SYSTEM_EXTRA_MEANINGS[key] : describeField(provider, eventId, key);
  const decoded = (key: string, value: FieldValue) => {
    const found = decodeField(record, key, value);
    return found === undefined ? {} : { decoded: found };
  };

  const shown = frame ?? store;
  const columns = new Map(shown.columns().map((column) => [column.key, column]));
  // The rest of System (`System.Task`, ...) is listed only when the event has it.
  const system = SYSTEM_COLUMNS.filter(
    (key) => !isExtraColumn(key) || hasValue(shown, row, key),
  ).map((key) => {
    const value = shown.cell(row, key) ?? '';
    const column = columns.get(key);
    const label = column?.label ?? systemLabel(key);
    const zone = column?.zone === undefined ? {} : { zone: column.zone };
    return { key, label, value, meaning: meaning(key), ...decoded(key, value), ...zone };
  });
  const data = Object.entries(record.data).map(([name, value]) => ({
    key: name,
    label: name,
    value: valueText(value),
    meaning: meaning(name),
    ...decoded(name, value),
  }));
  return {
    eventId,
    recordId: record.recordId,
    provider,
    recovered: store.recovered(row),
    doc: describeEvent(provider, eventId),
    system,
    data,
    processGuid: followableGuid(provider, record.data['ProcessGuid']),
  };
}

function hasValue(frame: DataFrame, row: number, key: string): boolean {
  return frame.cell(row, key) !== undefined;
}

function valueText(value: FieldValue): string {
  return typeof value === 'string' ? value : value.join('\n');
}

function followableGuid(provider: string, value: FieldValue | undefined): string | undefined {
  if (provider.toLowerCase() !== SYSMON_PROVIDER.toLowerCase()) return undefined;
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
