/** Dark and light themes: the user's choice, else the system's, set on the root element. */

/** A colour theme. */
export type Theme = 'dark' | 'light';

const STORAGE_KEY = 'evtxhunt-theme';

/** The theme chosen before, else what the system prefers. */
export function initialTheme(): Theme {
  const stored = safeStorage()?.getItem(STORAGE_KEY);
  if (stored === 'dark' || stored === 'light') return stored;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Applies `theme` to the page and remembers it on this machine only. */
export function applyTheme(theme: Theme): void {
  document.documentElement.dataset['theme'] = theme;
  safeStorage()?.setItem(STORAGE_KEY, theme);
}

function safeStorage(): Storage | undefined {
  try {
    return localStorage;
  } catch {
    return undefined;
  }
}
