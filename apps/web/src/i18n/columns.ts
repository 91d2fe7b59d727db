/** Column headers in the page's language: the System columns have catalogue entries. */
import type { MessageKey } from './en.js';
import type { Translator } from './translator.js';
import { visibleText } from '../ui/visible-text.js';

type ColumnKey = Extract<MessageKey, `column.${string}`>;

const SYSTEM_LABELS: Readonly<Record<string, Exclude<ColumnKey, 'column.time'>>> = {
  file: 'column.file',
  recordId: 'column.recordId',
  eventId: 'column.eventId',
  level: 'column.level',
  provider: 'column.provider',
  channel: 'column.channel',
  computer: 'column.computer',
};

/** What a column header shows, as the frame gives it: its key, label and time zone. */
export interface LabelledColumn {
  readonly key: string;
  readonly label: string;
  /** For the time column: the zone its cells are in (UTC when absent). */
  readonly zone?: string | undefined;
}

/**
 * The header of `column`: `Zeit (UTC)` for the time column, a System column's name in the
 * language, and a data field's own name (log text, never translated; its controls and bidi
 * marks shown as escapes, as values are).
 */
export function columnLabel(tr: Translator, column: LabelledColumn): string {
  if (column.key === 'timeCreated') return tr.t('column.time', { zone: column.zone ?? 'UTC' });
  const key = Object.hasOwn(SYSTEM_LABELS, column.key) ? SYSTEM_LABELS[column.key] : undefined;
  return key === undefined ? visibleText(column.label) : tr.t(key);
}
