/**
 * The page's language: the user's choice kept in localStorage, else the first of the browser's
 * languages we have, else English. The root element's `lang` follows it.
 */

/** The languages with a complete catalogue. */
export const LANGUAGES = ['en', 'de'] as const;

/** A language with a complete catalogue. */
export type Language = (typeof LANGUAGES)[number];

/** Each language by its own name, as the switch offers it. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  en: 'English',
  de: 'Deutsch',
};

const STORAGE_KEY = 'evtxhunt-language';

/** The language `tag` (`de-AT`, `en`) asks for, when we have it. */
export function languageOf(tag: string): Language | undefined {
  const base = tag.toLowerCase().split('-')[0];
  return LANGUAGES.find((language) => language === base);
}

/** The first of `preferred` (navigator.languages) we have, else English. */
export function preferredLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const found = languageOf(tag);
    if (found !== undefined) return found;
  }
  return 'en';
}

/** The language chosen before on this machine, else the browser's. */
export function initialLanguage(): Language {
  const stored = safeStorage()?.getItem(STORAGE_KEY);
  const chosen = stored === null || stored === undefined ? undefined : languageOf(stored);
  return chosen ?? preferredLanguage(navigator.languages ?? [navigator.language]);
}

/** Sets `<html lang>` and remembers the choice on this machine only. */
export function applyLanguage(language: Language): void {
  document.documentElement.lang = language;
  safeStorage()?.setItem(STORAGE_KEY, language);
}

function safeStorage(): Storage | undefined {
  try {
    return localStorage;
  } catch {
    return undefined;
  }
}
