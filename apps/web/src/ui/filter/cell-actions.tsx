/**
 * Actions on a cell, in a small dialog opened by a right click on the cell or Shift+F10 (or
 * the menu key) on the selected row: keep only its value, leave it out, add its field as a
 * column, show the events of the same process, or show the minutes around the event. Any
 * field of the event can be picked in the dialog, so the keyboard reaches every cell.
 */
import { useEffect, useRef, useState } from 'preact/hooks';

import type { FieldValue } from '@evtxhunt/hunt';

import { columnLabel } from '../../i18n/columns.js';
import { useI18n } from '../../i18n/context.js';
import type { Translator } from '../../i18n/translator.js';
import type { Workbench } from '../../session/workbench.js';
import { SYSTEM_COLUMNS, isSystemColumn, systemLabel } from '../../store/columns.js';

/** Which cell the dialog is about and where it opens. */
export interface CellMenu {
  /** The store row. */
  readonly row: number;
  readonly key: string;
  readonly x: number;
  readonly y: number;
}

export interface CellActionsProps {
  readonly bench: Workbench;
  readonly menu: CellMenu;
  /** Closes the dialog; focus goes back to the table. */
  readonly onClose: () => void;
}

/** Minutes around an event shown unless the person asks for another number. */
export const DEFAULT_MINUTES = 5;

const MAX_MINUTES = 7 * 24 * 60;
const VALUE_TEXT_LIMIT = 300;
const DIALOG_WIDTH = 360;
const DIALOG_HEIGHT = 320;

/** One field of the event as the dialog offers it. */
interface EventField {
  readonly key: string;
  readonly label: string;
  /** What the cell shows. */
  readonly shown: string;
  /** What a query matches: the UTC time, the first of a repeated field's values. */
  readonly value: string;
}

/** The cell actions dialog. */
export function CellActions({ bench, menu, onClose }: CellActionsProps) {
  const tr = useI18n();
  const { t } = tr;
  const fields = eventFields(bench, menu.row, tr);
  const [key, setKey] = useState(menu.key);
  const dialog = useRef<HTMLDivElement>(null);
  useDismiss(dialog, onClose);

  const field = fields.find((candidate) => candidate.key === key) ?? fields[0];
  if (field === undefined) return null;
  return (
    <div
      ref={dialog}
      class="cell-actions"
      role="dialog"
      aria-label={t('cell.label')}
      style={{
        left: `${place(menu.x, DIALOG_WIDTH, innerWidth)}px`,
        top: `${place(menu.y, DIALOG_HEIGHT, innerHeight)}px`,
      }}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.stopPropagation();
        onClose();
      }}
    >
      <label class="cell-actions-field">
        <span>{t('cell.field')}</span>
        <select
          value={field.key}
          onChange={(event) => setKey((event.currentTarget as HTMLSelectElement).value)}
        >
          {fields.map((candidate) => (
            <option key={candidate.key} value={candidate.key}>
              {candidate.label}
            </option>
          ))}
        </select>
      </label>
      <p class="cell-actions-value" title={field.shown}>
        {field.shown === '' ? t('cell.empty') : clipped(field.shown)}
      </p>
      <ActionButtons bench={bench} row={menu.row} field={field} fields={fields} onDone={onClose} />
    </div>
  );
}

interface ActionButtonsProps {
  readonly bench: Workbench;
  readonly row: number;
  /** The field picked, and all of the event's. */
  readonly field: EventField;
  readonly fields: readonly EventField[];
  readonly onDone: () => void;
}

/** The actions: each one changes the query or the columns, then closes the dialog. */
function ActionButtons({ bench, row, field, fields, onDone }: ActionButtonsProps) {
  const { t } = useI18n();
  const [minutes, setMinutes] = useState(DEFAULT_MINUTES);
  const guid = processGuid(fields, field);
  const shownAsColumn = bench.columns.value.includes(field.key);
  const act = (action: () => void) => () => {
    action();
    onDone();
  };

  return (
    <div class="cell-actions-buttons">
      <button type="button" onClick={act(() => bench.filter.include(field.key, field.value))}>
        {t('cell.keep')}
      </button>
      <button type="button" onClick={act(() => bench.filter.exclude(field.key, field.value))}>
        {t('cell.leaveOut')}
      </button>
      <button
        type="button"
        disabled={shownAsColumn}
        onClick={act(() => bench.setColumnShown(field.key, true))}
      >
        {t(shownAsColumn ? 'cell.isColumn' : 'cell.addColumn', { field: field.label })}
      </button>
      <button
        type="button"
        disabled={guid === undefined}
        title={guid === undefined ? t('cell.noProcess') : t('cell.processGuid', { guid })}
        onClick={act(() => guid !== undefined && bench.filter.sameProcess(guid))}
      >
        {t('cell.sameProcess')}
      </button>
      <span class="cell-actions-around">
        <button type="button" onClick={act(() => bench.filter.around(row, minutes))}>
          {t('cell.around')}
        </button>
        <input
          type="number"
          min={1}
          max={MAX_MINUTES}
          value={minutes}
          aria-label={t('cell.minutes')}
          onInput={(event) =>
            setMinutes(minutesFrom((event.currentTarget as HTMLInputElement).value))
          }
        />
      </span>
    </div>
  );
}

/** Every field of the row: the System columns, then its event data in document order. */
function eventFields(bench: Workbench, row: number, tr: Translator): readonly EventField[] {
  const { store } = bench;
  const frame = bench.filter.frame.value;
  const system = SYSTEM_COLUMNS.map((key) => ({
    key,
    label: columnLabel(tr, { key, label: systemLabel(key), zone: frame.zone }),
    shown: frame.cell(row, key) ?? '',
    value: store.cell(row, key) ?? '',
  }));
  const data = Object.entries(store.record(row).data)
    .filter(([name]) => !isSystemColumn(name))
    .map(([name, value]) => ({
      key: name,
      label: name,
      shown: joined(value),
      value: first(value),
    }));
  return [...system, ...data];
}

/** The process a "same process" action follows: the picked field if it is a ProcessGuid. */
function processGuid(fields: readonly EventField[], picked: EventField): string | undefined {
  if (picked.key.endsWith('ProcessGuid') && picked.value !== '') return picked.value;
  const own = fields.find((field) => field.key === 'ProcessGuid')?.value;
  return own === '' ? undefined : own;
}

/**
 * TODO: a field repeated in one event (a list) is matched by its first value only, since a
 * query term tests one value; matching every value would need an OR of them.
 */
function first(value: FieldValue): string {
  return typeof value === 'string' ? value : (value[0] ?? '');
}

function joined(value: FieldValue): string {
  return typeof value === 'string' ? value : value.join('; ');
}

function clipped(text: string): string {
  return text.length > VALUE_TEXT_LIMIT ? `${text.slice(0, VALUE_TEXT_LIMIT)}…` : text;
}

function minutesFrom(text: string): number {
  const minutes = Math.round(Number(text));
  return Number.isFinite(minutes) ? Math.min(MAX_MINUTES, Math.max(1, minutes)) : DEFAULT_MINUTES;
}

/** A coordinate that keeps a box of `size` inside `room`. */
function place(at: number, size: number, room: number): number {
  return Math.max(4, Math.min(at, room - size - 4));
}

/** Focuses the dialog's first button on open; a press outside it closes it. */
function useDismiss(dialog: { current: HTMLDivElement | null }, onClose: () => void): void {
  useEffect(() => {
    dialog.current?.querySelector<HTMLElement>('button')?.focus();
    const outside = (event: PointerEvent) => {
      if (!(event.target instanceof Node) || dialog.current?.contains(event.target) !== true) {
        onClose();
      }
    };
    document.addEventListener('pointerdown', outside, true);
    return () => document.removeEventListener('pointerdown', outside, true);
  }, []);
}
