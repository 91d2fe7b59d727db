/**
 * A table of some store rows (a pivot group's connections, a finding's evidence) on the same
 * virtual table as the events view, with its own sort and selection. Enter or a double click
 * opens a row's details.
 */
import { useMemo, useState } from 'preact/hooks';

import type { EventStore } from '../../store/event-store.js';
import { sortedIndex, type SortOrder } from '../../store/sort.js';
import { indexView } from '../../store/view.js';
import { VirtualTable } from '../table/virtual-table.js';

export interface EventRowsProps {
  readonly store: EventStore;
  readonly rows: Uint32Array;
  /** Column keys to show, in order; keys the store has no column for are left out. */
  readonly columns: readonly string[];
  /** The grid's name for screen readers. */
  readonly label: string;
  readonly onOpen: (row: number) => void;
}

/** The rows as a table. */
export function EventRows({ store, rows, columns, label, onOpen }: EventRowsProps) {
  const [sort, setSort] = useState<SortOrder | undefined>(undefined);
  const [selected, setSelected] = useState(-1);
  const view = useMemo(
    () => indexView(sort === undefined ? rows : sortedIndex(store, sort, rows)),
    [store, rows, sort],
  );
  const known = store.columns();
  const shown = columns.flatMap((key) => known.filter((column) => column.key === key));

  const toggle = (key: string) => {
    if (sort?.key !== key) setSort({ key, direction: 'asc' });
    else setSort(sort.direction === 'asc' ? { key, direction: 'desc' } : undefined);
  };
  return (
    <VirtualTable
      frame={store}
      view={view}
      columns={shown}
      sort={sort}
      selected={selected}
      label={label}
      onSort={toggle}
      onSelect={setSelected}
      onOpen={(position) => onOpen(view.row(position))}
    />
  );
}
