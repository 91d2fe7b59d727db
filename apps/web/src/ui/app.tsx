/**
 * The workbench page: toolbar, file statuses, the events table and the details pane. Files
 * can be dropped anywhere on the page. Nothing is sent anywhere: files are read by workers in
 * this tab, and the only fetch is of the bundled sample from this same origin.
 */
import type { ReadyHunt } from '@evtxhunt/hunt';
import type { Ref } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';

import { columnLabel } from '../i18n/columns.js';
import { I18n, useI18n } from '../i18n/context.js';
import { huntText } from '../i18n/hunts.js';
import { applyLanguage, type Language } from '../i18n/language.js';
import { translator, type Translator } from '../i18n/translator.js';
import type { HuntSession } from '../session/hunt.js';
import type { OpenedHunt } from '../session/open-hunt.js';
import { showProcessEvents } from '../session/process-events.js';
import { DEFAULT_COLUMNS, type Workbench } from '../session/workbench.js';
import type { ColumnInfo } from '../store/columns.js';
import type { SortOrder } from '../store/sort.js';
import { ColumnChooser } from './column-chooser.js';
import { BookmarksPanel } from './bookmarks/bookmarks-panel.js';
import { DetailsPane } from './details/details-pane.js';
import { FileList } from './file-list.js';
import { HuntTabs } from './hunt/hunt-tabs.js';
import { HuntView } from './hunt/hunt-view.js';
import { HuntsMenu } from './hunts/hunts-menu.js';
import { SessionNote } from './sessions/session-note.js';
import { SessionsPanel, type SessionsPanelProps } from './sessions/sessions-panel.js';
import { SigmaRules } from './sigma/sigma-rules.js';
import { VirtualTable } from './table/virtual-table.js';
import { CellActions, type CellMenu } from './filter/cell-actions.js';
import { FacetsPanel } from './filter/facets-panel.js';
import { FilterBar } from './filter/filter-bar.js';
import { HistogramPanel } from './filter/histogram-panel.js';
import { useViewLink } from './filter/use-view-link.js';
import { applyTheme, type Theme } from './theme.js';
import { Toolbar } from './toolbar.js';

export interface AppProps {
  readonly bench: Workbench;
  /** Sessions and saved searches; without them the page keeps nothing and hides the panel. */
  readonly sessions?: SessionsPanelProps;
  /** Where the bundled sample is served, relative to the page. */
  readonly sampleUrl: string;
  readonly initialTheme: Theme;
  /** English when absent. */
  readonly initialLanguage?: Language;
}

/** The whole page, in the chosen language. */
export function App(props: AppProps) {
  const [language, setLanguage] = useState<Language>(props.initialLanguage ?? 'en');
  const tr = useMemo(() => translator(language), [language]);
  useEffect(() => {
    document.title = tr.t('app.title');
  }, [tr]);
  const pick = (next: Language) => {
    applyLanguage(next);
    setLanguage(next);
  };
  return (
    <I18n.Provider value={tr}>
      <Page {...props} language={language} onLanguage={pick} />
    </I18n.Provider>
  );
}

interface PageProps extends AppProps {
  readonly language: Language;
  readonly onLanguage: (language: Language) => void;
}

function Page({ bench, sessions, sampleUrl, initialTheme, language, onLanguage }: PageProps) {
  const tr = useI18n();
  const { t } = tr;
  const query = useRef<HTMLInputElement>(null);
  const table = useRef<HTMLElement>(null);
  const [chooserOpen, setChooserOpen] = useState(false);
  const [huntsOpen, setHuntsOpen] = useState(false);
  const [bookmarksOpen, setBookmarksOpen] = useState(false);
  const [sessionsOpen, setSessionsOpen] = useState(false);
  // What opening a hunt did, kept as facts so the line follows a change of language.
  const [huntNote, setHuntNote] = useState<[ReadyHunt, OpenedHunt] | undefined>(undefined);
  const [theme, setTheme] = useState(initialTheme);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const dragging = useFileDrop((files) => open(files));
  useGlobalKeys(bench, query, table);
  const linkWarnings = useViewLink(bench);
  const [cellMenu, setCellMenu] = useState<CellMenu | undefined>(undefined);

  function open(files: readonly File[]): void {
    bench.open(files.map((file) => ({ blob: file, name: file.name })));
  }

  async function openSample(): Promise<void> {
    const response = await fetch(sampleUrl).catch(() => {
      throw new Error(t('app.sampleOffline'));
    });
    if (!response.ok) {
      throw new Error(t('app.sampleHttp', { url: sampleUrl, status: String(response.status) }));
    }
    bench.open([{ blob: await response.blob(), name: sampleUrl.split('/').at(-1) ?? sampleUrl }]);
  }

  function toggleTheme(): void {
    const next = theme === 'dark' ? 'light' : 'dark';
    applyTheme(next);
    setTheme(next);
  }

  const allColumns = bench.filter.frame.value.columns();
  const shown = bench.columns.value;
  const picked = shown.flatMap((key) => allColumns.filter((column) => column.key === key));
  // None of the chosen columns is in these logs (an imported view, a link from other logs):
  // show the default ones rather than rows without a column.
  const columns =
    picked.length > 0
      ? picked
      : DEFAULT_COLUMNS.flatMap((key) => allColumns.filter((column) => column.key === key));
  const details = bench.detailsRow.value;
  const loaded = bench.files.value.length > 0;
  return (
    <div class={dragging ? 'app dragging' : 'app'}>
      <Toolbar
        chooserOpen={chooserOpen}
        huntsOpen={loaded ? huntsOpen : undefined}
        onToggleHunts={() => setHuntsOpen(!huntsOpen)}
        bookmarksOpen={loaded ? bookmarksOpen : undefined}
        bookmarkCount={bench.bookmarks.list.value.length}
        onToggleBookmarks={() => setBookmarksOpen(!bookmarksOpen)}
        theme={theme}
        onPickFiles={open}
        onOpenSample={() => void openSample().catch((error: unknown) => setProblem(String(error)))}
        onToggleChooser={() => setChooserOpen(!chooserOpen)}
        onToggleTheme={toggleTheme}
        sessionsOpen={sessions === undefined ? undefined : sessionsOpen}
        sessionsOn={sessions?.keeper.status.value.kind !== 'off'}
        sessionSaves={sessions?.keeper.saves.value ?? 0}
        sessionPending={sessions?.keeper.pending.value ?? false}
        onToggleSessions={() => setSessionsOpen(!sessionsOpen)}
        language={language}
        onLanguage={onLanguage}
      />
      <FilterBar filter={bench.filter} inputRef={query} linkWarnings={linkWarnings} />
      {sessions !== undefined && <SessionNote keeper={sessions.keeper} />}
      {sessions !== undefined && sessionsOpen && <SessionsPanel {...sessions} />}
      {loaded && bookmarksOpen && <BookmarksPanel bench={bench} />}
      {problem !== undefined && (
        <p class="banner" role="alert">
          {t('app.sampleFailed', { problem })}
        </p>
      )}
      {huntNote !== undefined && (
        <p class="hunt-note" role="status">
          {openedText(tr, huntText(tr.lang, huntNote[0]).title, huntNote[1])}
        </p>
      )}
      {loaded && huntsOpen && (
        <HuntsMenu
          bench={bench}
          onClose={() => setHuntsOpen(false)}
          onOpened={(hunt, opened) => setHuntNote([hunt, opened])}
        />
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
        {bench.files.value.length > 0 && <FacetsPanel filter={bench.filter} columns={allColumns} />}
        {bench.files.value.length === 0 ? (
          <EmptyState hunt={bench.hunt} />
        ) : bench.hunt.tab.value === 'events' ? (
          <EventsView
            bench={bench}
            columns={columns}
            allColumns={allColumns}
            section={table}
            theme={theme}
            onCellMenu={setCellMenu}
          />
        ) : (
          <HuntView bench={bench} />
        )}
        {details !== undefined && (
          <DetailsPane
            store={bench.store}
            frame={bench.filter.frame.value}
            row={details}
            readXml={bench.xml.bind(bench)}
            bookmarks={bench.bookmarks}
            onClose={() => closeDetails(bench, table)}
            onShowProcess={(guid) => {
              showProcessEvents(bench.filter, guid);
              query.current?.focus();
            }}
          />
        )}
      </main>
      {cellMenu !== undefined && (
        <CellActions
          key={`${cellMenu.row}-${cellMenu.key}-${cellMenu.x}-${cellMenu.y}`}
          bench={bench}
          menu={cellMenu}
          onClose={() => {
            setCellMenu(undefined);
            table.current?.querySelector<HTMLElement>('[role="grid"]')?.focus();
          }}
        />
      )}
      {dragging && (
        <div class="drop-overlay" aria-hidden="true">
          <p class="drop-overlay-text">{t('app.dropHere')}</p>
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
  readonly theme: Theme;
  readonly onCellMenu: (menu: CellMenu) => void;
}

/** The event count line, the time histogram and the table. */
function EventsView({ bench, columns, allColumns, section, theme, onCellMenu }: EventsViewProps) {
  const tr = useI18n();
  const shown = bench.view.value.length;
  const total = bench.rowCount.value;
  const filtered = bench.filter.kept.value !== undefined;
  const events = filtered
    ? tr.t('events.countFiltered', { shown, count: total })
    : tr.t('events.count', { count: total });
  return (
    <section class="events" aria-label={tr.t('events.label')} ref={section}>
      {/* Busy while files load, so screen readers announce the count once, not every frame. */}
      <p class="events-count" aria-live="polite" aria-busy={bench.loading}>
        {sortText(tr, events, bench.sort.value, allColumns)}
      </p>
      <HistogramPanel filter={bench.filter} theme={theme} />
      <VirtualTable
        frame={bench.filter.frame.value}
        onCellMenu={(request) =>
          onCellMenu({ ...request, row: bench.view.value.row(request.position) })
        }
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

/** What opening a hunt did, as the line under the query box says it. */
function openedText(tr: Translator, title: string, opened: OpenedHunt): string {
  if (opened.found === false) return tr.t('app.huntNoFinding', { title });
  const omitted = opened.omitted;
  if (omitted === 0) return tr.t('app.huntOpened', { title });
  return tr.t('app.huntOpenedRare', { title, count: omitted });
}

/** The event count, and the order when the table is sorted. */
function sortText(
  tr: Translator,
  events: string,
  order: SortOrder | undefined,
  columns: readonly ColumnInfo[],
): string {
  if (order === undefined) return events;
  const found = columns.find((column) => column.key === order.key);
  const column = found === undefined ? order.key : columnLabel(tr, found);
  return tr.t(order.direction === 'asc' ? 'events.sortedAsc' : 'events.sortedDesc', {
    events,
    column,
  });
}

/** Before any log: how to open one, and the Sigma rules, which run on the logs as they arrive. */
function EmptyState({ hunt }: { readonly hunt: HuntSession }) {
  const { t } = useI18n();
  return (
    <div class="empty">
      <p class="empty-title">{t('app.emptyTitle')}</p>
      <p>{t('app.emptyPrivacy')}</p>
      <SigmaRules hunt={hunt} />
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
