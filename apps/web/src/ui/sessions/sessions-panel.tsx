/**
 * The Sessions panel under the query box: whether this browser keeps sessions, the saved
 * searches and column layouts (save, apply, delete), their export to a file and the import of
 * a colleague's, the log files kept at the person's request, and the one button that forgets
 * everything kept. Names are shown as text, never as markup, whoever wrote them.
 */
import { useState } from 'preact/hooks';
import { decodeViewState } from '@evtxhunt/hunt';

import { useI18n } from '../../i18n/context.js';
import type { Translator } from '../../i18n/translator.js';
import type { KeptLogs } from '../../session/kept-logs.js';
import { LIBRARY_FILE_MAX_BYTES, LibraryFileError } from '../../session/library-file.js';
import type { SavedSearches } from '../../session/saved-searches.js';
import type { SessionKeeper, SessionStatus } from '../../session/sessions.js';
import { KeptLogsList } from './kept-logs-list.js';
import { SavedList } from './saved-list.js';
import { visibleText } from '../visible-text.js';
import { useDownload } from './use-download.js';

/** The file saved searches are exported to. */
const EXPORT_NAME = 'evtxhunt-saved-searches.json';

export interface SessionsPanelProps {
  readonly keeper: SessionKeeper;
  readonly saved: SavedSearches;
  readonly logs: KeptLogs;
}

/** The panel. */
export function SessionsPanel({ keeper, saved, logs }: SessionsPanelProps) {
  const tr = useI18n();
  const { t } = tr;
  const [message, setMessage] = useState<{ text: string; problem: boolean } | undefined>();
  const download = useDownload();
  const tell = (text: string, problem = false) => setMessage({ text, problem });
  const forget = () => {
    if (!window.confirm(t('sessions.forgetQuestion'))) return;
    saved.clear();
    logs.clear();
    // The address keeps the view too (the share link), and a reload would bring it back.
    history.replaceState(history.state, '', location.pathname + location.search);
    keeper.forget().then(
      () => tell(t('sessions.forgetDone')),
      (error: unknown) => tell(t('sessions.forgetFailed', { problem: String(error) }), true),
    );
  };
  const exportFile = () => {
    download(EXPORT_NAME, new Blob([saved.exportText()], { type: 'application/json' }));
    tell(t('sessions.exported', { file: EXPORT_NAME }));
  };
  return (
    <section class="sessions" aria-label={t('sessions.label')}>
      <div class="sessions-head">
        <h2>{t('sessions.label')}</h2>
        <p class="sessions-state">{statusText(keeper.status.value, tr)}</p>
        <button type="button" class="danger" onClick={forget}>
          {t('sessions.forget')}
        </button>
      </div>
      <SavedList
        kind="search"
        items={saved.searches.value.map((search) => ({
          name: search.name,
          detail: decodeViewState(search.view).state.query || t('sessions.everyEvent'),
        }))}
        onSave={(name) => saved.saveSearch(name)}
        onApply={(name) => {
          const search = saved.searches.value.find((item) => item.name === name);
          if (search === undefined) return;
          const problems = saved.applySearch(search);
          if (problems.length > 0) {
            tell(
              visibleText(t('sessions.appliedPartly', { name, problems: problems.join('; ') })),
              true,
            );
          }
        }}
        onDelete={(name) => saved.deleteSearch(name)}
        onProblem={(text) => tell(text, true)}
      />
      <SavedList
        kind="layout"
        items={saved.layouts.value.map((layout) => ({
          name: layout.name,
          detail: layout.columns.join(', '),
        }))}
        onSave={(name) => saved.saveLayout(name)}
        onApply={(name) => {
          const layout = saved.layouts.value.find((item) => item.name === name);
          if (layout !== undefined) saved.applyLayout(layout);
        }}
        onDelete={(name) => saved.deleteLayout(name)}
        onProblem={(text) => tell(text, true)}
      />
      <KeptLogsList logs={logs} onMessage={tell} />
      <div class="sessions-files">
        <button type="button" onClick={exportFile}>
          {t('sessions.export')}
        </button>
        <label class="button">
          {t('sessions.import')}
          <input
            type="file"
            class="visually-hidden"
            accept=".json,application/json"
            aria-label={t('sessions.importLabel')}
            onChange={(event) => {
              const input = event.currentTarget as HTMLInputElement;
              const file = input.files?.[0];
              input.value = '';
              if (file === undefined) return;
              void importFile(saved, file, tr).then(tell, (text: string) => tell(text, true));
            }}
          />
        </label>
      </div>
      {message !== undefined && (
        <p
          class={message.problem ? 'banner banner-error' : 'hunt-note'}
          role={message.problem ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      )}
    </section>
  );
}

function statusText(status: SessionStatus, { t }: Translator): string {
  switch (status.kind) {
    case 'starting':
      return t('sessions.starting');
    case 'on':
      return t('sessions.on');
    case 'off':
      return status.why.kind === 'absent'
        ? t('sessions.offAbsent')
        : t('sessions.offRefused', { detail: status.why.detail });
    case 'failing':
      return t('sessions.failing', { detail: status.detail });
    case 'forgotten':
      return t('sessions.forgotten');
  }
}

/** Reads a colleague's file; resolves to what it added, rejects with why it was refused. */
async function importFile(saved: SavedSearches, file: File, { t }: Translator): Promise<string> {
  const refused = (problem: string) => t('sessions.importRefused', { file: file.name, problem });
  if (file.size > LIBRARY_FILE_MAX_BYTES) {
    throw t('sessions.importTooBig', { file: file.name, mib: LIBRARY_FILE_MAX_BYTES / 2 ** 20 });
  }
  try {
    const added = await saved.importText(await file.text(), file.name);
    const searches = t('sessions.importedSearches', { count: added.searches });
    const layouts = t('sessions.importedLayouts', { count: added.layouts });
    const done = t('sessions.imported', { searches, layouts, file: file.name });
    if (added.replaced === 0) return done;
    return `${done} ${t('sessions.importedReplacing', { count: added.replaced })}`;
  } catch (error) {
    if (error instanceof LibraryFileError) throw refused(error.problem);
    throw error instanceof Error ? error.message : String(error);
  }
}
