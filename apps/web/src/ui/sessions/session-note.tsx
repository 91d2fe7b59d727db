/** The line under the query box saying what was brought back from this browser, if anything. */
import { useI18n } from '../../i18n/context.js';
import type { Translator } from '../../i18n/translator.js';
import type { Restored, SessionKeeper } from '../../session/sessions.js';

/** Says what the last restore brought back; nothing when nothing was. */
export function SessionNote({ keeper }: { readonly keeper: SessionKeeper }) {
  const tr = useI18n();
  const restored = keeper.restored.value;
  if (restored === undefined) return null;
  return (
    <p class="hunt-note session-note" role="status">
      {restoredText(restored, tr)}
    </p>
  );
}

function restoredText({ bookmarks, missing, view, findings }: Restored, tr: Translator): string {
  const { t } = tr;
  const parts = [];
  if (findings > 0) parts.push(t('sessions.restoredFindings', { count: findings }));
  if (bookmarks > 0) parts.push(t('sessions.restoredBookmarks', { count: bookmarks }));
  if (view) parts.push(t('sessions.restoredView'));
  const what =
    parts.length === 0
      ? t('sessions.restoredNothing')
      : new Intl.ListFormat(tr.lang, { type: 'conjunction' }).format(parts);
  const restored = t('sessions.restored', { what });
  return missing === 0
    ? restored
    : `${restored} ${t('sessions.restoredMissing', { count: missing })}`;
}
