/** The page's translator, handed down by the app; a component reads it with `useI18n()`. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

import { translator, type Translator } from './translator.js';

/** English until the app provides the chosen language. */
export const I18n = createContext<Translator>(translator('en'));

/** The translator of the page's language. */
export function useI18n(): Translator {
  return useContext(I18n);
}
