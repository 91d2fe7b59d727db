/**
 * A language's words and number formats: `t(key, params)` fills a catalogue entry, choosing a
 * plural form by `count` with Intl.PluralRules; numbers go through Intl.NumberFormat of the
 * language. Event times are never formatted here: they stay UTC ISO-8601 (or the chosen zone).
 */
import type { Severity } from '@evtxhunt/hunt';

import { DE } from './de.js';
import { EN, type Catalogue, type MessageKey } from './en.js';
import type { Language } from './language.js';
import { fillParams, type MessageParams, type ParamValue } from './message.js';

const CATALOGUES: Readonly<Record<Language, Catalogue>> = { en: EN, de: DE };

/** The arguments `t` takes for `key`: none, or an object with each of its parameters. */
export type ParamArgs<K extends MessageKey> = [MessageParams<(typeof EN)[K]>] extends [never]
  ? []
  : [Readonly<Record<MessageParams<(typeof EN)[K]>, ParamValue>>];

/** The words and formats of one language. Its functions may be destructured. */
export interface Translator {
  readonly lang: Language;
  /** The entry `key`, with its parameters filled in. */
  t<K extends MessageKey>(key: K, ...params: ParamArgs<K>): string;
  /** `1,730` in English, `1.730` in German. */
  count(value: number): string;
  /** `2.1 MB` in English, `2,1 MB` in German. */
  bytes(value: number): string;
  /** `0.94` in English, `0,94` in German: `value` with exactly `digits` fraction digits. */
  fixed(value: number, digits: number): string;
  /** A finding's severity (the engine's `high`) in the language. */
  severity(severity: Severity): string;
  /**
   * An event level's name (the store's and the query's English `Information`) in the language;
   * a name it does not know comes back as it is.
   */
  level(name: string): string;
}

const BYTE_UNITS = ['KB', 'MB', 'GB', 'TB'];

/** Event Viewer's level names (levelName) to their catalogue keys. */
type LevelKey = Extract<MessageKey, `level.${string}`>;
const LEVEL_KEYS: ReadonlyMap<string, LevelKey> = new Map<string, LevelKey>([
  ['Critical', 'level.critical'],
  ['Error', 'level.error'],
  ['Warning', 'level.warning'],
  ['Information', 'level.information'],
  ['Verbose', 'level.verbose'],
]);

/** The translator of `lang`. */
export function translator(lang: Language): Translator {
  const catalogue = CATALOGUES[lang];
  const numbers = new Intl.NumberFormat(lang);
  const tenths = new Intl.NumberFormat(lang, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const plurals = new Intl.PluralRules(lang);
  const format = (value: ParamValue) => (typeof value === 'number' ? numbers.format(value) : value);

  function t<K extends MessageKey>(key: K, ...args: ParamArgs<K>): string {
    const params: Readonly<Record<string, ParamValue>> = args[0] ?? {};
    const message = catalogue[key];
    if (typeof message === 'string') return fillParams(message, params, format);
    const count = params['count'];
    const form = typeof count === 'number' ? plurals.select(count) : 'other';
    return fillParams(message[form] ?? message.other, params, format);
  }

  function bytes(value: number): string {
    if (value < 1024) return `${numbers.format(value)} B`;
    let scaled = value / 1024;
    let unit = 0;
    while (scaled >= 1024 && unit < BYTE_UNITS.length - 1) {
      scaled /= 1024;
      unit++;
    }
    return `${tenths.format(scaled)} ${BYTE_UNITS[unit]}`;
  }

  function fixed(value: number, digits: number): string {
    const options = { minimumFractionDigits: digits, maximumFractionDigits: digits };
    return new Intl.NumberFormat(lang, options).format(value);
  }

  const severity = (value: Severity) => t(`severity.${value}`);
  const level = (name: string) => {
    const key = LEVEL_KEYS.get(name);
    return key === undefined ? name : t(key);
  };
  return { lang, t, count: (value) => numbers.format(value), bytes, fixed, severity, level };
}
