/**
 * The Sessions panel under the query box: whether this browser keeps sessions, the saved
 * searches and column layouts (save, apply, delete), their export to a file and the import of
 * a colleague's, and the one button that forgets everything kept. Names are shown as text,
 * never as markup, whoever wrote them.
 */
import { useState } from 'preact/hooks';
import { decodeViewState } from '@evtxhunt/hunt';

import { plural } from '../../files/describe.js';
import type { KeptLogs } from '../../session/kept-logs.js';
import { LIBRARY_FILE_MAX_BYTES } from '../../session/library-file.js';
import type { SavedSearches } from '../../session/saved-searches.js';
import type { SessionKeeper, SessionStatus } from '../../session/sessions.js';
import { KeptLogsList } from './kept-logs-list.js';
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
  const [message, setMessage] = useState<{ text: string; problem: boolean } | undefined>();
  const download = useDownload();
  const tell = (text: string, problem = false) => setMessage({ text, problem });
  const forget = () => {
    if (!window.confirm(FORGET_QUESTION)) return;
    saved.clear();
    logs.clear();
    keeper.forget().then(
      () => tell('Everything kept in this browser was forgotten.'),
      (error: unknown) => tell(`Forgetting failed: ${String(error)}`, true),
    );
  };
  return (
    <section class="sessions" aria-label="Sessions">
      <div class="sessions-head">
        <h2>Sessions</h2>
        <p class="sessions-state">{statusText(keeper.status.value)}</p>
        <button type="button" class="danger" onClick={forget}>
          Forget everything kept in this browser…
        </button>
      </div>
      <SavedList
        title="Saved searches"
        what="search"
        items={saved.searches.value.map((search) => ({
          name: search.name,
          detail: decodeViewState(search.view).state.query || '(every event)',
        }))}
        onSave={(name) => saved.saveSearch(name)}
        onApply={(name) => {
          const search = saved.searches.value.find((item) => item.name === name);
          if (search !== undefined) saved.applySearch(search);
        }}
        onDelete={(name) => saved.deleteSearch(name)}
        onProblem={(text) => tell(text, true)}
      />
      <SavedList
        title="Column layouts"
        what="layout"
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
        <button
          type="button"
          onClick={() => {
            download(EXPORT_NAME, new Blob([saved.exportText()], { type: 'application/json' }));
            tell(`Saved searches and layouts written to ${EXPORT_NAME}.`);
          }}
        >
          Export saved searches
        </button>
        <label class="button">
          Import saved searches…
          <input
            type="file"
            class="visually-hidden"
            accept=".json,application/json"
            aria-label="Import saved searches"
            onChange={(event) => {
              const input = event.currentTarget as HTMLInputElement;
              const file = input.files?.[0];
              input.value = '';
              if (file !== undefined) void importFile(saved, file).then(tell, (e) => tell(e, true));
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

const FORGET_QUESTION =
  'Forget every session, bookmark, note, saved search and column layout kept in this browser? ' +
  'This cannot be undone.';

function statusText(status: SessionStatus): string {
  switch (status.kind) {
    case 'starting':
      return 'Sessions are starting…';
    case 'on':
      return (
        'Sessions are on: the files’ names, sizes and SHA-256 hashes, the view, bookmarks and ' +
        'notes are kept in this browser, keyed by file hash. The logs themselves are not kept.'
      );
    case 'off':
      return status.why.kind === 'absent'
        ? 'Sessions are off: this browser gives the page no IndexedDB. Everything else works; nothing is kept after this page closes.'
        : `Sessions are off: this browser refused the page its IndexedDB (${status.why.detail}). Everything else works; nothing is kept after this page closes.`;
    case 'failing':
      return `Sessions are failing: this browser refused to keep the last change (${status.detail}).`;
    case 'forgotten':
      return 'Everything kept in this browser was forgotten; this page keeps nothing more until it is reloaded.';
  }
}

/** Reads a colleague's file; resolves to what it added, rejects with why it was refused. */
async function importFile(saved: SavedSearches, file: File): Promise<string> {
  if (file.size > LIBRARY_FILE_MAX_BYTES) {
    throw `${file.name} is not a saved-searches file this app can read: it is over ${LIBRARY_FILE_MAX_BYTES / 1024 / 1024} MiB`;
  }
  try {
    const added = await saved.importText(await file.text(), file.name);
    const replaced = added.replaced > 0 ? `, ${added.replaced} replacing one of the same name` : '';
    return `Imported ${plural(added.searches, 'saved search', 'saved searches')} and ${plural(added.layouts, 'column layout')} from ${file.name}${replaced}.`;
  } catch (error) {
    throw error instanceof Error ? error.message : String(error);
  }
}

interface SavedListProps {
  readonly title: string;
  readonly what: 'search' | 'layout';
  readonly items: readonly { readonly name: string; readonly detail: string }[];
  readonly onSave: (name: string) => Promise<void>;
  readonly onApply: (name: string) => void;
  readonly onDelete: (name: string) => Promise<void>;
  readonly onProblem: (text: string) => void;
}

/** One list of named things: a name box with Save, then each with Apply and Delete. */
function SavedList({ title, what, items, onSave, onApply, onDelete, onProblem }: SavedListProps) {
  const [name, setName] = useState('');
  const save = () => {
    try {
      onSave(name).then(
        () => setName(''),
        (error: unknown) => onProblem(String(error)),
      );
    } catch (error) {
      onProblem(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <div class="saved-list">
      <h3>{title}</h3>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <input
          type="text"
          value={name}
          aria-label={`Name of the ${what}`}
          placeholder="Name"
          onInput={(event) => setName((event.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit">
          {what === 'search' ? 'Save this search' : 'Save these columns'}
        </button>
      </form>
      {items.length === 0 ? (
        <p class="hunt-note">
          {what === 'search' ? 'No saved searches yet.' : 'No column layouts yet.'}
        </p>
      ) : (
        <ul>
          {items.map((item) => (
            <li key={item.name} class="saved-item">
              <button
                type="button"
                class="link"
                aria-label={`Apply the ${what} ${item.name}`}
                onClick={() => onApply(item.name)}
              >
                {item.name}
              </button>
              <code class="saved-detail">{item.detail}</code>
              <button
                type="button"
                aria-label={`Delete the ${what} ${item.name}`}
                onClick={() =>
                  void onDelete(item.name).catch((error: unknown) => onProblem(String(error)))
                }
              >
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
