/**
 * Saved searches (a name, the query and the view) and column layouts (a name, the columns in
 * order): saved, listed, applied, deleted, exported to a file and imported from a colleague's.
 * They live in signals for the page and, when the page keeps sessions, in IndexedDB too; a
 * page without IndexedDB still has them until it is closed.
 */
import { signal } from '@preact/signals';
import { decodeViewState } from '@evtxhunt/hunt';

import { readLibraryFile, libraryFileText, type Library } from './library-file.js';
import { SessionDb, type OpenedSessionDb } from './session-db.js';
import {
  readColumnLayout,
  readSavedSearch,
  SAVED_MAX,
  type ColumnLayout,
  type SavedSearch,
} from './session-records.js';
import { applyViewState, currentViewState, viewFragment } from './view-link.js';
import { DEFAULT_COLUMNS, type Workbench } from './workbench.js';

/** What an import added and replaced. */
export interface Imported {
  readonly searches: number;
  readonly layouts: number;
  /** Entries whose name was taken already: the imported one replaced it. */
  readonly replaced: number;
}

/** The saved searches and layouts of one page. */
export class SavedSearches {
  readonly searches = signal<readonly SavedSearch[]>([]);
  readonly layouts = signal<readonly ColumnLayout[]>([]);
  #db: SessionDb | undefined;

  constructor(
    private readonly bench: Workbench,
    db: Promise<OpenedSessionDb>,
  ) {
    void db.then(async (opened) => {
      if (!(opened instanceof SessionDb)) return;
      this.#db = opened;
      const [searches, layouts] = await Promise.all([opened.searches(), opened.layouts()]);
      this.searches.value = byName([...searches, ...this.searches.peek()]);
      this.layouts.value = byName([...layouts, ...this.layouts.peek()]);
    });
  }

  /** Saves the page's query and view as `name` (replacing one of that name); throws a bad name. */
  saveSearch(name: string): Promise<void> {
    const view = viewFragment(currentViewState(this.bench)).replace(/^#/, '');
    const search = readSavedSearch({ name: name.trim(), view }, 'the name');
    this.searches.value = byName([...this.searches.value, search]);
    return this.#db?.putSearch(search) ?? Promise.resolve();
  }

  /** Saves the columns shown as `name` (replacing one of that name); throws a bad name. */
  saveLayout(name: string): Promise<void> {
    const columns = [...this.bench.columns.value];
    const layout = readColumnLayout({ name: name.trim(), columns }, 'the name');
    this.layouts.value = byName([...this.layouts.value, layout]);
    return this.#db?.putLayout(layout) ?? Promise.resolve();
  }

  /**
   * Shows the saved search's query and view; returns what of it could not be used (a part too
   * long, a bad value), each said in words, for the page to show.
   */
  applySearch(search: SavedSearch): readonly string[] {
    const { state, warnings } = decodeViewState(search.view);
    applyViewState(this.bench, state);
    return warnings;
  }

  /** Shows the layout's columns. */
  applyLayout(layout: ColumnLayout): void {
    this.bench.columns.value = layout.columns.length === 0 ? DEFAULT_COLUMNS : layout.columns;
  }

  deleteSearch(name: string): Promise<void> {
    this.searches.value = this.searches.value.filter((search) => search.name !== name);
    return this.#db?.deleteSearch(name) ?? Promise.resolve();
  }

  deleteLayout(name: string): Promise<void> {
    this.layouts.value = this.layouts.value.filter((layout) => layout.name !== name);
    return this.#db?.deleteLayout(name) ?? Promise.resolve();
  }

  /** The text of a file holding every saved search and layout. */
  exportText(): string {
    return libraryFileText({ searches: this.searches.value, layouts: this.layouts.value });
  }

  /**
   * Adds the searches and layouts of a colleague's file; one with a name taken replaces the
   * one here. Throws, adding nothing, when the file is not one this app can read.
   */
  async importText(text: string, fileName: string): Promise<Imported> {
    const library: Library = readLibraryFile(text, fileName);
    // One entry per name within the file too (the last wins), so the counts say what changed.
    const searches = byName(library.searches);
    const layouts = byName(library.layouts);
    const taken = (names: readonly { name: string }[], name: string) =>
      names.some((other) => other.name === name);
    const replaced =
      searches.filter((search) => taken(this.searches.value, search.name)).length +
      layouts.filter((layout) => taken(this.layouts.value, layout.name)).length;
    this.searches.value = byName([...this.searches.value, ...searches]);
    this.layouts.value = byName([...this.layouts.value, ...layouts]);
    for (const search of searches) await this.#db?.putSearch(search);
    for (const layout of layouts) await this.#db?.putLayout(layout);
    return { searches: searches.length, layouts: layouts.length, replaced };
  }

  /** Forgets every saved search and layout of this page (the database is emptied apart). */
  clear(): void {
    this.#db = undefined;
    this.searches.value = [];
    this.layouts.value = [];
  }
}

/**
 * One entry per name, the last given winning, in name order, at most SAVED_MAX.
 * TODO: past SAVED_MAX, names late in the alphabet are dropped from the page (IndexedDB keeps
 * them) without a word.
 */
function byName<T extends { readonly name: string }>(items: readonly T[]): readonly T[] {
  const named = new Map(items.map((item) => [item.name, item]));
  return [...named.values()].sort((a, b) => a.name.localeCompare(b.name)).slice(0, SAVED_MAX);
}
