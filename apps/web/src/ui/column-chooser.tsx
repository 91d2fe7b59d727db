/**
 * The column chooser: every column present, System fields first, each with how many events
 * have it, and a box to narrow the list by name. Checked columns are shown in the table.
 */
import { useRef, useState } from 'preact/hooks';

import { columnLabel } from '../i18n/columns.js';
import { useI18n } from '../i18n/context.js';
import type { ColumnInfo } from '../store/columns.js';
import { useReturnFocus } from './focus.js';

export interface ColumnChooserProps {
  readonly columns: readonly ColumnInfo[];
  readonly shown: readonly string[];
  readonly onToggle: (key: string, shown: boolean) => void;
  readonly onClose: () => void;
}

/** The chooser's panel. */
export function ColumnChooser({ columns, shown, onToggle, onClose }: ColumnChooserProps) {
  const tr = useI18n();
  const { t } = tr;
  const [narrow, setNarrow] = useState('');
  const panel = useRef<HTMLDivElement>(null);
  useReturnFocus(panel);
  const wanted = narrow.trim().toLowerCase();
  const listed = columns.filter(
    (column) =>
      wanted === '' ||
      `${column.key} ${column.label} ${columnLabel(tr, column)}`.toLowerCase().includes(wanted),
  );

  return (
    <div
      ref={panel}
      class="chooser"
      role="dialog"
      aria-label={t('chooser.label')}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.stopPropagation();
        onClose();
      }}
    >
      <div class="chooser-head">
        <input
          type="search"
          aria-label={t('chooser.find')}
          placeholder={t('chooser.find')}
          value={narrow}
          autoFocus
          onInput={(event) => setNarrow((event.currentTarget as HTMLInputElement).value)}
        />
        <button type="button" onClick={onClose}>
          {t('chooser.done')}
        </button>
      </div>
      <ul class="chooser-list" aria-label={t('chooser.list')}>
        {listed.map((column) => (
          <li key={column.key}>
            <label>
              <input
                type="checkbox"
                checked={shown.includes(column.key)}
                onChange={(event) =>
                  onToggle(column.key, (event.currentTarget as HTMLInputElement).checked)
                }
              />
              <span class="chooser-name">{columnLabel(tr, column)}</span>
              <span class="chooser-count">{tr.count(column.rows)}</span>
            </label>
          </li>
        ))}
      </ul>
      <p class="chooser-note">{t('chooser.note', { count: columns.length })}</p>
    </div>
  );
}
