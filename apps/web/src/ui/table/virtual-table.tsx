/**
 * One table of every event, drawing only the rows in sight from a data frame through a row
 * view. Fixed row height; the grid itself takes the keyboard focus and points at the selected
 * row with aria-activedescendant. Cell text is always text, never markup.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

import type { ColumnInfo } from '../../store/columns.js';
import type { DataFrame } from '../../store/frame.js';
import type { SortOrder } from '../../store/sort.js';
import type { RowView } from '../../store/view.js';
import { gridTemplate } from './column-widths.js';
import { movedSelection } from './keys.js';
import {
  MAX_BODY_HEIGHT,
  rowWindow,
  rowsInView,
  scrollToShow,
  type TableGeometry,
} from './row-window.js';
import { CELL_TEXT_LIMIT, cellParts } from './cell-text.js';
import { columnLabel } from '../../i18n/columns.js';
import { useI18n } from '../../i18n/context.js';

/** Row height in pixels; the stylesheet's --row-height must match. */
export const ROW_HEIGHT = 24;
const HEADER_HEIGHT = 30;
/** Cells show at most this much of a value; the details pane shows all of it. */

export interface VirtualTableProps {
  readonly frame: DataFrame;
  readonly view: RowView;
  readonly columns: readonly ColumnInfo[];
  readonly sort: SortOrder | undefined;
  readonly selected: number;
  readonly onSort: (key: string) => void;
  readonly onSelect: (position: number) => void;
  readonly onOpen: (position: number) => void;
  /** Asks for a cell's actions: right click on a cell, or Shift+F10 / the menu key on a row. */
  readonly onCellMenu?: (request: CellMenuRequest) => void;
  /** The grid's name for screen readers; "Events" when absent. */
  readonly label?: string;
}

/** Which cell a person wants actions for, and where on screen to show them. */
export interface CellMenuRequest {
  readonly position: number;
  readonly key: string;
  readonly x: number;
  readonly y: number;
}

/** The events table. */
export function VirtualTable(props: VirtualTableProps) {
  const { t } = useI18n();
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const viewportHeight = useViewportHeight(scroller);
  const geometry: TableGeometry = {
    rowCount: props.view.length,
    rowHeight: ROW_HEIGHT,
    viewportHeight: Math.max(ROW_HEIGHT, viewportHeight - HEADER_HEIGHT),
    maxHeight: MAX_BODY_HEIGHT,
  };
  const window = rowWindow(geometry, scrollTop);
  useKeepSelectionInView(scroller, geometry, props.selected);

  const onKeyDown = (event: KeyboardEvent) => {
    // Keys pressed on a header's sort button are that button's own.
    if (event.target !== event.currentTarget) return;
    if (event.key === 'Enter' && props.selected >= 0) {
      event.preventDefault();
      props.onOpen(props.selected);
      return;
    }
    if (isMenuKey(event) && props.selected >= 0 && props.onCellMenu !== undefined) {
      event.preventDefault();
      props.onCellMenu(rowMenuRequest(props.selected, props.columns[0]?.key ?? 'timeCreated'));
      return;
    }
    const next = movedSelection(event.key, props.selected, props.view.length, rowsInView(geometry));
    if (next === undefined) return;
    event.preventDefault();
    props.onSelect(next);
  };

  const template = gridTemplate(props.columns.map((column) => column.key));
  const rendered = props.selected >= window.first && props.selected < window.first + window.count;
  return (
    <div
      ref={scroller}
      class="table"
      role="grid"
      aria-label={props.label ?? t('events.label')}
      aria-rowcount={props.view.length + 1}
      aria-colcount={props.columns.length}
      aria-activedescendant={rendered ? rowId(props.selected) : undefined}
      aria-keyshortcuts={props.onCellMenu === undefined ? undefined : 'Shift+F10'}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onScroll={(event) => setScrollTop((event.currentTarget as HTMLDivElement).scrollTop)}
    >
      <HeaderRow
        columns={props.columns}
        sort={props.sort}
        template={template}
        onSort={props.onSort}
      />
      <div role="rowgroup" class="table-body" style={{ height: `${window.bodyHeight}px` }}>
        <div class="table-rows" style={{ transform: `translateY(${window.top}px)` }}>
          {Array.from({ length: Math.max(0, window.count) }, (_, i) => (
            <BodyRow
              key={window.first + i}
              position={window.first + i}
              template={template}
              {...props}
            />
          ))}
        </div>
      </div>
    </div>
  );
}

function rowId(position: number): string {
  return `event-row-${position}`;
}

function isMenuKey(event: KeyboardEvent): boolean {
  return event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey);
}

/** A menu request for a row chosen by keyboard: shown under the row, or mid-screen. */
function rowMenuRequest(position: number, key: string): CellMenuRequest {
  const box = document.getElementById(rowId(position))?.getBoundingClientRect();
  const x = box === undefined ? window.innerWidth / 3 : box.left + 24;
  const y = box === undefined ? window.innerHeight / 3 : box.bottom;
  return { position, key, x, y };
}

interface HeaderRowProps {
  readonly columns: readonly ColumnInfo[];
  readonly sort: SortOrder | undefined;
  readonly template: string;
  readonly onSort: (key: string) => void;
}

function HeaderRow({ columns, sort, template, onSort }: HeaderRowProps) {
  const tr = useI18n();
  return (
    <div role="rowgroup" class="table-head">
      <div role="row" aria-rowindex={1} class="table-row" style={{ gridTemplateColumns: template }}>
        {columns.map((column, index) => {
          const direction = sort?.key === column.key ? sort.direction : undefined;
          const label = columnLabel(tr, column);
          const ariaSort =
            direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none';
          return (
            <div
              role="columnheader"
              aria-colindex={index + 1}
              aria-sort={ariaSort}
              class="table-header"
              key={column.key}
            >
              <button
                type="button"
                onClick={() => onSort(column.key)}
                title={tr.t('events.sortBy', { column: label })}
              >
                <span>{label}</span>
                <span class="sort-mark" aria-hidden="true">
                  {direction === 'asc' ? '▲' : direction === 'desc' ? '▼' : ''}
                </span>
              </button>
            </div>
          );
        })}
      </div>
    </div>
  );
}

interface BodyRowProps extends VirtualTableProps {
  readonly position: number;
  readonly template: string;
}

function BodyRow({
  position,
  template,
  frame,
  view,
  columns,
  selected,
  onSelect,
  onOpen,
  onCellMenu,
}: BodyRowProps) {
  const tr = useI18n();
  const { t } = tr;
  const row = view.row(position);
  const recovered = frame.recovered(row);
  const classes = [
    'table-row',
    position === selected ? 'selected' : '',
    recovered ? 'recovered' : '',
  ];
  return (
    <div
      id={rowId(position)}
      role="row"
      aria-rowindex={position + 2}
      aria-selected={position === selected}
      class={classes.filter((name) => name !== '').join(' ')}
      style={{ gridTemplateColumns: template }}
      onClick={() => onSelect(position)}
      onDblClick={() => onOpen(position)}
    >
      {columns.map((column, index) => {
        const text = frame.cell(row, column.key) ?? '';
        // A level shows in the page's language; its title keeps the name a query uses.
        const { body, trailing } = cellParts(column.key === 'level' ? tr.level(text) : text);
        return (
          <div
            role="gridcell"
            aria-colindex={index + 1}
            class={column.numeric ? 'cell numeric' : 'cell'}
            key={column.key}
            title={text === '' ? undefined : text.slice(0, CELL_TEXT_LIMIT)}
            onContextMenu={(event) => {
              if (onCellMenu === undefined) return;
              event.preventDefault();
              onSelect(position);
              onCellMenu({ position, key: column.key, x: event.clientX, y: event.clientY });
            }}
          >
            {recovered && index === 0 && <RecoveredMark />}
            {body}
            {trailing !== '' && (
              <span class="trailing-space" title={t('events.trailingSpace')}>
                {trailing}
              </span>
            )}
          </div>
        );
      })}
    </div>
  );
}

/** The badge at the start of a recovered row's first cell, its title saying what that means. */
function RecoveredMark() {
  const { t } = useI18n();
  return (
    <span class="recovered-mark" title={t('events.recoveredTitle')}>
      {t('events.recovered')}
    </span>
  );
}

/** The scroller's height, following resizes. */
function useViewportHeight(scroller: { current: HTMLDivElement | null }): number {
  const [height, setHeight] = useState(600);
  useLayoutEffect(() => {
    const element = scroller.current;
    if (element === null) return undefined;
    setHeight(element.clientHeight);
    const observer = new ResizeObserver(() => setHeight(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, [scroller]);
  return height;
}

/** Scrolls the least needed to keep the selected row in full view when the selection moves. */
function useKeepSelectionInView(
  scroller: { current: HTMLDivElement | null },
  geometry: TableGeometry,
  selected: number,
): void {
  useEffect(() => {
    const element = scroller.current;
    if (element === null || selected < 0) return;
    const top = scrollToShow(geometry, element.scrollTop, selected);
    if (top !== undefined) element.scrollTop = top;
  }, [selected]);
}
