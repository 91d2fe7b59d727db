/** The bar across the top: open files, the bundled sample, hunts, columns, theme. */
import type { Theme } from './theme.js';

export interface ToolbarProps {
  readonly chooserOpen: boolean;
  /** Whether the Hunts menu is open; undefined hides its button (no files loaded yet). */
  readonly huntsOpen?: boolean | undefined;
  readonly theme: Theme;
  readonly onPickFiles: (files: readonly File[]) => void;
  readonly onOpenSample: () => void;
  readonly onToggleChooser: () => void;
  readonly onToggleHunts?: () => void;
  /** Whether the bookmarks list is open; undefined hides its button (no files loaded yet). */
  readonly bookmarksOpen?: boolean | undefined;
  /** How many bookmarks there are, shown on the button. */
  readonly bookmarkCount?: number;
  readonly onToggleBookmarks?: () => void;
  readonly onToggleTheme: () => void;
  /** Whether the Sessions panel is open; undefined hides its button. */
  readonly sessionsOpen?: boolean | undefined;
  /** False when this browser keeps no sessions: the button says so. */
  readonly sessionsOn?: boolean;
  /** How many times the session was written, for tests to wait on. */
  readonly sessionSaves?: number;
  /** True while a session change waits to be written, for tests to wait on. */
  readonly sessionPending?: boolean;
  readonly onToggleSessions?: () => void;
}

/** The toolbar. */
export function Toolbar(props: ToolbarProps) {
  return (
    <header class="toolbar">
      <h1 class="brand">evtxhunt</h1>
      <label class="button">
        Open files…
        <input
          type="file"
          class="visually-hidden"
          multiple
          accept=".evtx,.xml,.json,.jsonl,.ndjson,.csv,.gz,.zip"
          aria-label="Open EVTX files"
          onChange={(event) => {
            const input = event.currentTarget as HTMLInputElement;
            props.onPickFiles(Array.from(input.files ?? []));
            input.value = '';
          }}
        />
      </label>
      <button type="button" onClick={props.onOpenSample}>
        Open the bundled sample
      </button>
      <span class="toolbar-gap" />
      {props.huntsOpen !== undefined && (
        <button type="button" aria-expanded={props.huntsOpen} onClick={props.onToggleHunts}>
          Hunts
        </button>
      )}
      {props.bookmarksOpen !== undefined && (
        <button type="button" aria-expanded={props.bookmarksOpen} onClick={props.onToggleBookmarks}>
          {`Bookmarks (${props.bookmarkCount ?? 0})`}
        </button>
      )}
      {props.sessionsOpen !== undefined && (
        <button
          type="button"
          aria-expanded={props.sessionsOpen}
          data-session-saves={props.sessionSaves}
          data-session-pending={String(props.sessionPending ?? false)}
          onClick={props.onToggleSessions}
        >
          {props.sessionsOn === false ? 'Sessions (off)' : 'Sessions'}
        </button>
      )}
      <button type="button" aria-expanded={props.chooserOpen} onClick={props.onToggleChooser}>
        Columns
      </button>
      <button type="button" aria-pressed={props.theme === 'dark'} onClick={props.onToggleTheme}>
        Dark theme
      </button>
    </header>
  );
}
