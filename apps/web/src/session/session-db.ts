/**
 * Sessions in IndexedDB: `files` (by SHA-256: name, size, bookmarks), `sessions` (by the set
 * of hashes: the view and finding bookmarks), `searches` and `layouts` (by name), and `logs`:
 * a log's content only when the person asked for that file to be kept.
 * Every value read back goes through session-records' readers; one that fails them is left
 * out and counted, so a damaged or hostile entry costs that entry and nothing else.
 */
import {
  readColumnLayout,
  readFileRecord,
  readKeptLog,
  readSavedSearch,
  readSessionRecord,
  SAVED_MAX,
  type ColumnLayout,
  type FileRecord,
  type KeptLog,
  type SavedSearch,
  type SessionRecord,
} from './session-records.js';

/** The database's name in this origin. */
export const SESSION_DB_NAME = 'evtxhunt-sessions';
const SESSION_DB_VERSION = 1;

type StoreName = 'files' | 'sessions' | 'searches' | 'layouts' | 'logs';
const STORES: readonly (readonly [StoreName, string])[] = [
  ['files', 'sha256'],
  ['sessions', 'key'],
  ['searches', 'name'],
  ['layouts', 'name'],
  ['logs', 'sha256'],
];

/** What the session keeper reads and writes: files by hash, sessions by their set of hashes. */
export interface SessionStore {
  file(sha256: string): Promise<FileRecord | undefined>;
  session(key: string): Promise<SessionRecord | undefined>;
  putFile(record: FileRecord): Promise<void>;
  putSession(record: SessionRecord): Promise<void>;
  forget(): Promise<void>;
}

/** An open session database. */
export class SessionDb implements SessionStore {
  /** Values read back that failed their checks and were left out. */
  refused = 0;

  constructor(private readonly db: IDBDatabase) {
    // Another tab deleting or upgrading the database waits for this one to let go: let go.
    db.onversionchange = () => db.close();
  }

  async file(sha256: string): Promise<FileRecord | undefined> {
    return this.checked(await this.get('files', sha256), readFileRecord);
  }

  async session(key: string): Promise<SessionRecord | undefined> {
    return this.checked(await this.get('sessions', key), readSessionRecord);
  }

  async searches(): Promise<readonly SavedSearch[]> {
    const values = await this.all('searches');
    return values.flatMap((value) => this.checked(value, readSavedSearch) ?? []);
  }

  async layouts(): Promise<readonly ColumnLayout[]> {
    const values = await this.all('layouts');
    return values.flatMap((value) => this.checked(value, readColumnLayout) ?? []);
  }

  async logs(): Promise<readonly KeptLog[]> {
    const values = await this.all('logs');
    return values.flatMap((value) => this.checked(value, readKeptLog) ?? []);
  }

  putLog(log: KeptLog): Promise<void> {
    return this.put('logs', log);
  }

  deleteLog(sha256: string): Promise<void> {
    return this.write('logs', (store) => store.delete(sha256));
  }

  putFile(record: FileRecord): Promise<void> {
    return this.put('files', record);
  }

  putSession(record: SessionRecord): Promise<void> {
    return this.put('sessions', record);
  }

  putSearch(search: SavedSearch): Promise<void> {
    return this.put('searches', search);
  }

  putLayout(layout: ColumnLayout): Promise<void> {
    return this.put('layouts', layout);
  }

  deleteSearch(name: string): Promise<void> {
    return this.write('searches', (store) => store.delete(name));
  }

  deleteLayout(name: string): Promise<void> {
    return this.write('layouts', (store) => store.delete(name));
  }

  /** Empties every store: files, sessions, saved searches, layouts and kept logs. */
  async forget(): Promise<void> {
    const names = STORES.map(([name]) => name);
    const transaction = this.db.transaction(names, 'readwrite');
    for (const name of names) transaction.objectStore(name).clear();
    await done(transaction);
  }

  private checked<T>(value: unknown, read: (value: unknown) => T): T | undefined {
    if (value === undefined) return undefined;
    try {
      return read(value);
    } catch {
      this.refused += 1;
      return undefined;
    }
  }

  private get(store: StoreName, key: string): Promise<unknown> {
    const request = this.db.transaction(store).objectStore(store).get(key);
    return settled(request);
  }

  /** At most SAVED_MAX values, so a flooded store cannot flood the page. */
  private all(store: StoreName): Promise<readonly unknown[]> {
    const request = this.db.transaction(store).objectStore(store).getAll(null, SAVED_MAX);
    return settled(request);
  }

  private put(store: StoreName, value: object): Promise<void> {
    return this.write(store, (objects) => objects.put(value));
  }

  private async write(store: StoreName, change: (objects: IDBObjectStore) => void): Promise<void> {
    const transaction = this.db.transaction(store, 'readwrite');
    change(transaction.objectStore(store));
    await done(transaction);
  }
}

/** Why a tab has no session database: no IndexedDB at all, or the browser refused it. */
export type NoSessionDb =
  { readonly kind: 'absent' } | { readonly kind: 'refused'; readonly detail: string };

/** What opening the session database gave. */
export type OpenedSessionDb = SessionDb | NoSessionDb;

/** True when the database could not be opened. */
export function isNoSessionDb(opened: SessionStore | NoSessionDb): opened is NoSessionDb {
  return 'kind' in opened;
}

/** The session database, or why this tab has none (no IndexedDB, private mode, refused). */
export async function openSessionDb(factory: IDBFactory | undefined): Promise<OpenedSessionDb> {
  if (factory === undefined) return { kind: 'absent' };
  try {
    const request = factory.open(SESSION_DB_NAME, SESSION_DB_VERSION);
    request.onupgradeneeded = () => {
      for (const [name, keyPath] of STORES) {
        if (!request.result.objectStoreNames.contains(name)) {
          request.result.createObjectStore(name, { keyPath });
        }
      }
    };
    return new SessionDb(await settled(request));
  } catch (error) {
    return { kind: 'refused', detail: error instanceof Error ? error.message : String(error) };
  }
}

function settled<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

function done(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB write failed'));
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB write aborted'));
  });
}
