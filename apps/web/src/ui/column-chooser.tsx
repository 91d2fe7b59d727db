/**
 * The column chooser: every column present, System fields first, each with how many events
 * have it, and a box to narrow the list by name. Checked columns are shown in the table.
 */
import { useRef, useState } from 'preact/hooks';

import { count, plural } from '../files/describe.js';
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
  const [narrow, setNarrow] = useState('');
  const panel = useRef<HTMLDivElement>(null);
  useReturnFocus(panel);
  const wanted = narrow.trim().toLowerCase();
  const listed = columns.filter(
    (column) => wanted === '' || `${column.key} ${column.label}`.toLowerCase().includes(wanted),
  );

  return (
    <div
      ref={panel}
      class="chooser"
      role="dialog"
      aria-label="Choose columns"
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.stopPropagation();
        onClose();
      }}
    >
      <div class="chooser-head">
        <input
          type="search"
          aria-label="Find a field"
          placeholder="Find a field"
          value={narrow}
          autoFocus
          onInput={(event) => setNarrow((event.currentTarget as HTMLInputElement).value)}
        />
        <button type="button" onClick={onClose}>
          Done
        </button>
      </div>
      <ul class="chooser-list" aria-label="Columns">
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
              <span class="chooser-name">{column.label}</span>
              <span class="chooser-count">{count(column.rows)}</span>
            </label>
          </li>
        ))}
      </ul>
      <p class="chooser-note">{`${plural(columns.length, 'column')}: every field present in the loaded events`}</p>
    </div>
  );
}
