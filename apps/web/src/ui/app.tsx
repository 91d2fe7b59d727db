/**
 * The workbench page: toolbar, file statuses, the events table and the details pane. Files
 * can be dropped anywhere on the page. Nothing is sent anywhere: files are read by workers in
 * this tab, and the only fetch is of the bundled sample from this same origin.
 */
import type { Ref } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

import { count } from '../files/describe.js';
import type { Workbench } from '../session/workbench.js';
import type { ColumnInfo } from '../store/columns.js';
import type { SortOrder } from '../store/sort.js';
import { ColumnChooser } from './column-chooser.js';
import { DetailsPane } from './details-pane.js';
import { FileList } from './file-list.js';
import { HuntTabs } from './hunt/hunt-tabs.js';
import { HuntView } from './hunt/hunt-view.js';
import { VirtualTable } from './table/virtual-table.js';
import { applyTheme, type Theme } from './theme.js';
import { Toolbar } from './toolbar.js';

export interface AppProps {
  readonly bench: Workbench;
  /** Where the bundled sample is served, relative to the page. */
  readonly sampleUrl: string;
  readonly initialTheme: Theme;
}

/** The whole page. */
export function App({ bench, sampleUrl, initialTheme }: AppProps) {
  const query = useRef<HTMLInputElement>(null);
  const table = useRef<HTMLElement>(null);
  const [chooserOpen, setChooserOpen] = useState(false);
  const [theme, setTheme] = useState(initialTheme);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const dragging = useFileDrop((files) => open(files));
  useGlobalKeys(bench, query, table);

  function open(files: readonly File[]): void {
    bench.open(files.map((file) => ({ blob: file, name: file.name })));
  }

  async function openSample(): Promise<void> {
    const response = await fetch(sampleUrl);
    if (!response.ok) throw new Error(`${sampleUrl}: HTTP ${response.status}`);
    bench.open([{ blob: await response.blob(), name: sampleUrl.split('/').at(-1) ?? sampleUrl }]);
  }

  function toggleTheme(): void {
    const next = theme === 'dark' ? 'light' : 'dark';
    applyTheme(next);
    setTheme(next);
  }

  const allColumns = bench.store.columns();
  const shown = bench.columns.value;
  const columns = shown.flatMap((key) => allColumns.filter((column) => column.key === key));
  const details = bench.detailsRow.value;
  return (
    <div class={dragging ? 'app dragging' : 'app'}>
      <Toolbar
        queryInput={query}
        chooserOpen={chooserOpen}
        theme={theme}
        onPickFiles={open}
        onOpenSample={() => void openSample().catch((error: unknown) => setProblem(String(error)))}
        onToggleChooser={() => setChooserOpen(!chooserOpen)}
        onToggleTheme={toggleTheme}
      />
      {problem !== undefined && (
        <p class="banner" role="alert">
          {`The bundled sample could not be opened: ${problem}`}
        </p>
      )}
      {chooserOpen && (
        <ColumnChooser
          columns={allColumns}
          shown={shown}
          onToggle={(key, on) => bench.setColumnShown(key, on)}
          onClose={() => setChooserOpen(false)}
        />
      )}
      <FileList
        files={bench.files.value}
        onCancel={(i) => bench.cancel(i)}
        onCancelAll={() => bench.cancelAll()}
      />
      {bench.files.value.length > 0 && <HuntTabs hunt={bench.hunt} />}
      <main class={details === undefined ? 'workspace' : 'workspace with-details'}>
        {bench.files.value.length === 0 ? (
          <EmptyState />
        ) : bench.hunt.tab.value === 'events' ? (
          <EventsView bench={bench} columns={columns} allColumns={allColumns} section={table} />
        ) : (
          <HuntView bench={bench} />
        )}
        {details !== undefined && (
          <DetailsPane
            store={bench.store}
            row={details}
            readXml={bench.xml.bind(bench)}
            onClose={() => closeDetails(bench, table)}
          />
        )}
      </main>
      {dragging && (
        <div class="drop-overlay" aria-hidden="true">
          Drop .evtx files to read them here
        </div>
      )}
    </div>
  );
}

interface EventsViewProps {
  readonly bench: Workbench;
  readonly columns: readonly ColumnInfo[];
  readonly allColumns: readonly ColumnInfo[];
  readonly section: Ref<HTMLElement>;
}

/** The event count line and the table. */
function EventsView({ bench, columns, allColumns, section }: EventsViewProps) {
  return (
    <section class="events" aria-label="Events" ref={section}>
      <p class="events-count" aria-live="polite">
        {`${count(bench.rowCount.value)} events${sortText(bench.sort.value, allColumns)}`}
      </p>
      <VirtualTable
        frame={bench.store}
        view={bench.view.value}
        columns={columns}
        sort={bench.sort.value}
        selected={bench.selected.value}
        onSort={(key) => bench.toggleSort(key)}
        onSelect={(position) => (bench.selected.value = position)}
        onOpen={(position) => bench.openDetails(position)}
      />
    </section>
  );
}

function sortText(order: SortOrder | undefined, columns: readonly ColumnInfo[]): string {
  if (order === undefined) return '';
  const label = columns.find((column) => column.key === order.key)?.label ?? order.key;
  return `, sorted by ${label} (${order.direction === 'asc' ? 'ascending' : 'descending'})`;
}

function EmptyState() {
  return (
    <div class="empty">
      <p class="empty-title">
        Drop .evtx files anywhere on this page, or open them with the button above.
      </p>
      <p>
        They are read here, in this browser tab, by background workers. Nothing is uploaded: this
        page cannot contact any other site.
      </p>
    </div>
  );
}

function closeDetails(bench: Workbench, table: { current: HTMLElement | null }): void {
  bench.closeDetails();
  table.current?.querySelector<HTMLElement>('[role="grid"]')?.focus();
}

/** True while files are dragged over the page; dropped files go to `onFiles`. */
function useFileDrop(onFiles: (files: readonly File[]) => void): boolean {
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') === true;
    const over = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      setDragging(true);
    };
    const leave = (event: DragEvent) => {
      if (event.relatedTarget === null) setDragging(false);
    };
    const drop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      setDragging(false);
      onFiles(Array.from(event.dataTransfer?.files ?? []));
    };
    const events = [
      ['dragenter', over],
      ['dragover', over],
      ['dragleave', leave],
      ['drop', drop],
    ] as const;
    for (const [name, handler] of events) window.addEventListener(name, handler);
    return () => {
      for (const [name, handler] of events) window.removeEventListener(name, handler);
    };
  }, []);
  return dragging;
}

/** `/` focuses the query box; Esc closes the details pane. */
function useGlobalKeys(
  bench: Workbench,
  query: { current: HTMLInputElement | null },
  table: { current: HTMLElement | null },
): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const typing =
        event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement;
      if (event.key === '/' && !typing) {
        event.preventDefault();
        query.current?.focus();
      } else if (event.key === 'Escape' && bench.detailsRow.value !== undefined) {
        closeDetails(bench, table);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [bench]);
}
