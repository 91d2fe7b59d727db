/**
 * The bookmarks list under the query box: every starred event and finding in time order with
 * its note, a button that opens each, Previous and Next to walk them, and the exports (a
 * Markdown report and JSONL). Files download through a blob: URL of this page's own origin.
 */
import { useState } from 'preact/hooks';

import { useI18n } from '../../i18n/context.js';
import type { Translator } from '../../i18n/translator.js';
import { PAGE_PACER } from '../../hunt/slices.js';
import type { Bookmark } from '../../session/bookmarks.js';
import { bookmarkLabel, findingName, openBookmark } from '../../session/bookmarks-open.js';
import { jsonlReport, markdownReport, reportSource } from '../../session/bookmarks-report.js';
import type { Workbench } from '../../session/workbench.js';
import { useDownload } from '../sessions/use-download.js';
import { visibleText } from '../visible-text.js';
import { NoteEditor } from './star-button.js';

const FORMATS = {
  markdown: { name: 'evtxhunt-bookmarks.md', type: 'text/markdown', write: markdownReport },
  jsonl: { name: 'evtxhunt-bookmarks.jsonl', type: 'application/x-ndjson', write: jsonlReport },
} as const;

/** The panel. */
export function BookmarksPanel({ bench }: { readonly bench: Workbench }) {
  const tr = useI18n();
  const { t } = tr;
  const bookmarks = bench.bookmarks;
  const list = bookmarks.list.value;
  const [status, exportAs] = useExport(bench);
  // Why the bookmark last picked could not be opened (its finding is gone), or undefined.
  const [notOpened, setNotOpened] = useState<string | undefined>(undefined);
  const open = (bookmark: Bookmark) => {
    const { target } = bookmark;
    const opened = openBookmark(bench, bookmark);
    const gone = !opened && target.kind === 'finding';
    setNotOpened(
      gone ? t('bookmarks.gone', { finding: findingName(target.finding, tr) }) : undefined,
    );
  };
  const walk = (step: 1 | -1) => {
    const next = bookmarks.step(step);
    if (next !== undefined) open(next);
  };
  const none = list.length === 0;
  return (
    <section class="bookmarks" aria-label={t('bookmarks.label')}>
      <div class="bookmarks-head">
        <h2>{t('bookmarks.count', { count: list.length })}</h2>
        <button type="button" disabled={none} onClick={() => walk(-1)}>
          {t('bookmarks.previous')}
        </button>
        <button type="button" disabled={none} onClick={() => walk(1)}>
          {t('bookmarks.next')}
        </button>
        <button type="button" disabled={none} onClick={() => exportAs('markdown')}>
          {t('bookmarks.exportMarkdown')}
        </button>
        <button type="button" disabled={none} onClick={() => exportAs('jsonl')}>
          {t('bookmarks.exportJsonl')}
        </button>
        <p class="bookmarks-status" role="status">
          {status}
        </p>
      </div>
      {notOpened !== undefined && (
        <p class="problem bookmark-gone" role="alert">
          {visibleText(notOpened)}
        </p>
      )}
      {none ? (
        <p class="hunt-note">{t('bookmarks.none')}</p>
      ) : (
        <ol class="bookmark-list">
          {list.map((bookmark) => (
            <BookmarkItem key={bookmark.key} bench={bench} bookmark={bookmark} onOpen={open} />
          ))}
        </ol>
      )}
    </section>
  );
}

interface BookmarkItemProps {
  readonly bench: Workbench;
  readonly bookmark: Bookmark;
  readonly onOpen: (bookmark: Bookmark) => void;
}

function BookmarkItem({ bench, bookmark, onOpen }: BookmarkItemProps) {
  const tr = useI18n();
  const { t } = tr;
  const current = bench.bookmarks.current.value === bookmark.key;
  const label = visibleText(bookmarkLabel(bench.filter.frame.value, bookmark, tr));
  return (
    <li
      class={current ? 'bookmark current' : 'bookmark'}
      aria-current={current ? 'true' : undefined}
    >
      <button type="button" class="link" onClick={() => onOpen(bookmark)}>
        {label}
      </button>
      <button
        type="button"
        class="bookmark-remove"
        aria-label={t('bookmarks.removeLabel', { bookmark: label })}
        onClick={() => bench.bookmarks.remove(bookmark.key)}
      >
        {t('bookmarks.remove')}
      </button>
      <NoteEditor
        bookmarks={bench.bookmarks}
        bookmarkKey={bookmark.key}
        label={t('bookmarks.note')}
      />
    </li>
  );
}

/** What the last export did, and a function that writes and downloads one. */
function useExport(bench: Workbench): [string, (format: keyof typeof FORMATS) => void] {
  const tr: Translator = useI18n();
  const [status, setStatus] = useState('');
  const download = useDownload();

  const exportAs = (format: keyof typeof FORMATS) => {
    const { name, type, write } = FORMATS[format];
    const list = bench.bookmarks.list.peek();
    setStatus(tr.t('bookmarks.writing', { file: name }));
    reportSource(bench.store, PAGE_PACER).then(
      (source) => {
        const blob = new Blob([write(list, source)], { type });
        download(name, blob);
        setStatus(tr.t('bookmarks.written', { count: list.length, file: name }));
      },
      (error: unknown) => setStatus(tr.t('bookmarks.failed', { reason: String(error) })),
    );
  };
  return [status, exportAs];
}
