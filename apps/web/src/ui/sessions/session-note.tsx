/** The line under the query box saying what was brought back from this browser, if anything. */
import { plural } from '../../files/describe.js';
import type { Restored, SessionKeeper } from '../../session/sessions.js';

/** Says what the last restore brought back; nothing when nothing was. */
export function SessionNote({ keeper }: { readonly keeper: SessionKeeper }) {
  const restored = keeper.restored.value;
  if (restored === undefined) return null;
  return (
    <p class="hunt-note session-note" role="status">
      {restoredText(restored)}
    </p>
  );
}

function restoredText({ bookmarks, missing, view, findings }: Restored): string {
  const parts = [];
  if (findings > 0) parts.push(plural(findings, 'finding bookmark'));
  if (bookmarks === 1) parts.push('1 bookmark with its note');
  if (bookmarks > 1) parts.push(`${plural(bookmarks, 'bookmark')} with their notes`);
  if (view) parts.push('the query, columns and view kept for these files');
  const back = parts.length === 0 ? 'nothing shown' : parts.join(' and ');
  const absent =
    missing === 0
      ? ''
      : missing === 1
        ? ' 1 kept bookmark points at a record not read this time; it stays kept.'
        : ` ${plural(missing, 'kept bookmark')} point at records not read this time; they stay kept.`;
  return `Session restored from this browser: ${back}.${absent}`;
}
