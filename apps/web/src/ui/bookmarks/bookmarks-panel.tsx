/**
 * The bookmarks list under the query box: every starred event and finding in time order with
 * its note, a button that opens each, Previous and Next to walk them, and the exports (a
 * Markdown report and JSONL). Files download through a blob: URL of this page's own origin.
 */
import { useEffect, useState } from 'preact/hooks';

import { plural } from '../../files/describe.js';
import { PAGE_PACER } from '../../hunt/slices.js';
import type { Bookmark } from '../../session/bookmarks.js';
import { bookmarkLabel, openBookmark } from '../../session/bookmarks-open.js';
import { jsonlReport, markdownReport, reportSource } from '../../session/bookmarks-report.js';
import type { Workbench } from '../../session/workbench.js';
import { visibleText } from '../visible-text.js';
import { NoteEditor } from './star-button.js';

/** A finished export: its name and a blob: URL to it. */
interface Download {
  readonly name: string;
  readonly url: string;
}

const FORMATS = {
  markdown: { name: 'evtxhunt-bookmarks.md', type: 'text/markdown', write: markdownReport },
  jsonl: { name: 'evtxhunt-bookmarks.jsonl', type: 'application/x-ndjson', write: jsonlReport },
} as const;

/** The panel. */
export function BookmarksPanel({ bench }: { readonly bench: Workbench }) {
  const bookmarks = bench.bookmarks;
  const list = bookmarks.list.value;
  const [status, exportAs] = useExport(bench);
  // Why the bookmark last picked could not be opened (its finding is gone), or undefined.
  const [notOpened, setNotOpened] = useState<string | undefined>(undefined);
  const open = (bookmark: Bookmark) => setNotOpened(openBookmark(bench, bookmark));
  const walk = (step: 1 | -1) => {
    const next = bookmarks.step(step);
    if (next !== undefined) open(next);
  };
  const none = list.length === 0;
  return (
    <section class="bookmarks" aria-label="Bookmarks">
      <div class="bookmarks-head">
        <h2>{plural(list.length, 'bookmark')}</h2>
        <button type="button" disabled={none} onClick={() => walk(-1)}>
          Previous bookmark
        </button>
        <button type="button" disabled={none} onClick={() => walk(1)}>
          Next bookmark
        </button>
        <button type="button" disabled={none} onClick={() => exportAs('markdown')}>
          Export report (Markdown)
        </button>
        <button type="button" disabled={none} onClick={() => exportAs('jsonl')}>
          Export JSONL
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
        <p class="hunt-note">
          Star an event in its details, or a finding in the findings list, to bookmark it.
        </p>
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
  const current = bench.bookmarks.current.value === bookmark.key;
  const label = visibleText(bookmarkLabel(bench.store, bookmark));
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
        aria-label={`Remove the bookmark ${label}`}
        onClick={() => bench.bookmarks.remove(bookmark.key)}
      >
        Remove
      </button>
      <NoteEditor bookmarks={bench.bookmarks} bookmarkKey={bookmark.key} label="Note" />
    </li>
  );
}

/** What the last export did, and a function that writes and downloads one. */
function useExport(bench: Workbench): [string, (format: keyof typeof FORMATS) => void] {
  const [status, setStatus] = useState('');
  const [download, setDownload] = useState<Download | undefined>(undefined);
  useEffect(() => {
    if (download === undefined) return undefined;
    const anchor = document.createElement('a');
    anchor.href = download.url;
    anchor.download = download.name;
    anchor.click();
    return () => URL.revokeObjectURL(download.url);
  }, [download]);

  const exportAs = (format: keyof typeof FORMATS) => {
    const { name, type, write } = FORMATS[format];
    const list = bench.bookmarks.list.peek();
    setStatus(`Writing ${name}…`);
    reportSource(bench.store, PAGE_PACER).then(
      (source) => {
        const blob = new Blob([write(list, source)], { type });
        setDownload({ name, url: URL.createObjectURL(blob) });
        setStatus(`${plural(list.length, 'bookmark')} written to ${name}.`);
      },
      (error: unknown) => setStatus(`The export failed: ${String(error)}`),
    );
  };
  return [status, exportAs];
}
