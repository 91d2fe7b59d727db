/** The bar across the top: open files, the bundled sample, hunts, columns, theme, language. */
import { useI18n } from '../i18n/context.js';
import { LANGUAGES, LANGUAGE_NAMES, languageOf, type Language } from '../i18n/language.js';
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
  /** The page's language and what changes it; without them the toolbar offers no switch. */
  readonly language?: Language;
  readonly onLanguage?: (language: Language) => void;
}

/** The toolbar. */
export function Toolbar(props: ToolbarProps) {
  const { t } = useI18n();
  return (
    <header class="toolbar">
      <h1 class="brand">evtxhunt</h1>
      <label class="button">
        {t('toolbar.openFiles')}
        <input
          type="file"
          class="visually-hidden"
          multiple
          accept=".evtx,.xml,.json,.jsonl,.ndjson,.csv,.gz,.zip"
          aria-label={t('toolbar.openFilesLabel')}
          onChange={(event) => {
            const input = event.currentTarget as HTMLInputElement;
            props.onPickFiles(Array.from(input.files ?? []));
            input.value = '';
          }}
        />
      </label>
      <button type="button" onClick={props.onOpenSample}>
        {t('toolbar.sample')}
      </button>
      <span class="toolbar-gap" />
      {props.huntsOpen !== undefined && (
        <button type="button" aria-expanded={props.huntsOpen} onClick={props.onToggleHunts}>
          {t('toolbar.hunts')}
        </button>
      )}
      {props.bookmarksOpen !== undefined && (
        <button type="button" aria-expanded={props.bookmarksOpen} onClick={props.onToggleBookmarks}>
          {t('toolbar.bookmarks', { count: props.bookmarkCount ?? 0 })}
        </button>
      )}
      <button type="button" aria-expanded={props.chooserOpen} onClick={props.onToggleChooser}>
        {t('toolbar.columns')}
      </button>
      <button type="button" aria-pressed={props.theme === 'dark'} onClick={props.onToggleTheme}>
        {t('toolbar.darkTheme')}
      </button>
      {props.language !== undefined && props.onLanguage !== undefined && (
        <LanguagePicker language={props.language} onLanguage={props.onLanguage} />
      )}
    </header>
  );
}

/** The language switch: each language under its own name. */
function LanguagePicker(props: { language: Language; onLanguage: (language: Language) => void }) {
  const { t } = useI18n();
  return (
    <select
      class="language-picker"
      aria-label={t('toolbar.language')}
      value={props.language}
      onChange={(event) => {
        const picked = languageOf((event.currentTarget as HTMLSelectElement).value);
        if (picked !== undefined) props.onLanguage(picked);
      }}
    >
      {LANGUAGES.map((language) => (
        <option key={language} value={language} lang={language}>
          {LANGUAGE_NAMES[language]}
        </option>
      ))}
    </select>
  );
}
