/** The star that bookmarks an event or a finding, and the note of a starred one. */
import { useI18n } from '../../i18n/context.js';
import { NOTE_LIMIT, type Bookmarks } from '../../session/bookmarks.js';
import type { Starrable } from '../../session/bookmarks-open.js';

export interface StarButtonProps {
  readonly bookmarks: Bookmarks;
  /** Built when the star is pressed (reading an event's time takes a store lookup). */
  readonly starrable: () => Starrable;
  /** The key of what this star is for. */
  readonly bookmarkKey: string;
  /** What is starred, in a few words: "this event", "this finding". */
  readonly what: string;
}

/** A toggle button: "☆ Bookmark" or "★ Bookmarked". */
export function StarButton({ bookmarks, starrable, bookmarkKey: key, what }: StarButtonProps) {
  const { t } = useI18n();
  const starred = bookmarks.list.value.some((bookmark) => bookmark.key === key);
  const toggle = () => {
    const { target, time } = starrable();
    bookmarks.toggle(target, time);
  };
  return (
    <button
      type="button"
      class={starred ? 'star starred' : 'star'}
      aria-pressed={starred}
      aria-label={t('bookmarks.star', { what })}
      onClick={toggle}
    >
      {starred ? '★' : '☆'}
    </button>
  );
}

export interface NoteEditorProps {
  readonly bookmarks: Bookmarks;
  readonly bookmarkKey: string;
  /** The field's label. */
  readonly label: string;
}

/**
 * A text box for the note of a bookmark, with how much of NOTE_LIMIT it uses; when the key is
 * not bookmarked, a line saying a note set aside comes back with the star, or nothing.
 */
export function NoteEditor({ bookmarks, bookmarkKey: key, label }: NoteEditorProps) {
  const { t } = useI18n();
  const bookmark = bookmarks.list.value.find((found) => found.key === key);
  if (bookmark === undefined) {
    const kept = bookmarks.unstarredNote(key) !== undefined;
    return kept ? <p class="bookmark-note-kept">{t('bookmarks.noteKept')}</p> : null;
  }
  return (
    <>
      <label class="bookmark-note">
        <span>{label}</span>
        <textarea
          rows={2}
          maxLength={NOTE_LIMIT}
          value={bookmark.note}
          onInput={(event) => bookmarks.setNote(key, event.currentTarget.value)}
        />
      </label>
      <p class="bookmark-note-length">
        {t('bookmarks.noteLength', { used: bookmark.note.length, limit: NOTE_LIMIT })}
      </p>
    </>
  );
}
