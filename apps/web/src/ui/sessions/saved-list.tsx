/**
 * One list of named things, saved searches or column layouts: a name box with Save, then each with
 * Apply and Delete.
 */
import { useState } from 'preact/hooks';

import { useI18n } from '../../i18n/context.js';
import type { MessageKey } from '../../i18n/en.js';
import { visibleText } from '../visible-text.js';

/** The texts of each kind of list. */
const TEXTS = {
  search: {
    title: 'sessions.searches',
    name: 'sessions.searchName',
    save: 'sessions.saveSearch',
    none: 'sessions.noSearches',
    apply: 'sessions.applySearch',
    delete: 'sessions.deleteSearch',
  },
  layout: {
    title: 'sessions.layouts',
    name: 'sessions.layoutName',
    save: 'sessions.saveLayout',
    none: 'sessions.noLayouts',
    apply: 'sessions.applyLayout',
    delete: 'sessions.deleteLayout',
  },
} as const satisfies Record<string, Record<string, MessageKey>>;

export interface SavedListProps {
  readonly kind: keyof typeof TEXTS;
  readonly items: readonly { readonly name: string; readonly detail: string }[];
  /** Saves under `name`; throws a bad name, rejects when the browser refuses. */
  readonly onSave: (name: string) => Promise<void>;
  readonly onApply: (name: string) => void;
  readonly onDelete: (name: string) => Promise<void>;
  readonly onProblem: (text: string) => void;
}

/** The list. */
export function SavedList({ kind, items, onSave, onApply, onDelete, onProblem }: SavedListProps) {
  const { t } = useI18n();
  const texts = TEXTS[kind];
  const [name, setName] = useState('');
  const save = () => {
    try {
      onSave(name).then(
        () => setName(''),
        (error: unknown) => onProblem(String(error)),
      );
    } catch (error) {
      const problem = error instanceof Error ? error.message : String(error);
      onProblem(t('sessions.nameRefused', { problem }));
    }
  };
  return (
    <div class="saved-list">
      <h3>{t(texts.title)}</h3>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <input
          type="text"
          value={name}
          aria-label={t(texts.name)}
          placeholder={t('sessions.namePlaceholder')}
          onInput={(event) => setName((event.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit">{t(texts.save)}</button>
      </form>
      {items.length === 0 ? (
        <p class="hunt-note">{t(texts.none)}</p>
      ) : (
        <ul>
          {items.map((item) => (
            <li key={item.name} class="saved-item">
              <button
                type="button"
                class="link"
                aria-label={t(texts.apply, { name: visibleText(item.name) })}
                onClick={() => onApply(item.name)}
              >
                {visibleText(item.name)}
              </button>
              <code class="saved-detail">{visibleText(item.detail)}</code>
              <button
                type="button"
                aria-label={t(texts.delete, { name: visibleText(item.name) })}
                onClick={() =>
                  void onDelete(item.name).catch((error: unknown) => onProblem(String(error)))
                }
              >
                {t('sessions.delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
