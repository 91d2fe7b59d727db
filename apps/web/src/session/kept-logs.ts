/**
 * Log files kept in this browser, only when the person asks ("Keep the open log files in this
 * browser too"): a kept log can be opened again after a reload without picking it from disk.
 * Sessions keep no log otherwise. A kept log is opened like any file: read and hashed again.
 */
import { signal } from '@preact/signals';

import { SessionDb, type OpenedSessionDb } from './session-db.js';
import type { KeptLog } from './session-records.js';
import type { Workbench } from './workbench.js';

/** A file the browser would not keep: its name, and whether its storage was full. */
export class KeepLogError extends Error {
  override name = 'KeepLogError';

  constructor(
    readonly fileName: string,
    readonly full: boolean,
    readonly detail: string,
  ) {
    super(`${fileName} could not be kept: ${full ? 'this browser has no more room' : detail}`);
  }
}

/** The kept logs of this browser, as far as this page knows them. */
export class KeptLogs {
  readonly list = signal<readonly KeptLog[]>([]);
  /** True when logs can be kept (the page has its IndexedDB). */
  readonly available = signal(false);
  #db: SessionDb | undefined;

  constructor(
    private readonly bench: Workbench,
    db: Promise<OpenedSessionDb>,
  ) {
    void db.then(async (opened) => {
      if (!(opened instanceof SessionDb)) return;
      this.#db = opened;
      this.available.value = true;
      this.list.value = await opened.logs();
    });
  }

  /**
   * Keeps every open file that is read and hashed and not kept yet; resolves to how many were
   * kept. Rejects with a KeepLogError when the browser refuses (its storage quota, most often).
   */
  async keepOpen(): Promise<number> {
    const db = this.#db;
    if (db === undefined) return 0;
    const kept = new Set(this.list.peek().map((log) => log.sha256));
    let added = 0;
    for (const file of this.bench.files.peek()) {
      const blob = this.bench.blob(file.index);
      if (file.sha256 === undefined || blob === undefined || kept.has(file.sha256)) continue;
      const log = { sha256: file.sha256, name: file.name, size: blob.size, blob };
      try {
        await db.putLog(log);
      } catch (error) {
        const full = error instanceof DOMException && error.name === 'QuotaExceededError';
        const detail = error instanceof Error ? error.message : String(error);
        throw new KeepLogError(file.name, full, detail);
      }
      kept.add(file.sha256);
      this.list.value = [...this.list.peek(), log];
      added += 1;
    }
    return added;
  }

  /** Opens a kept log as if it were picked from disk. */
  open(log: KeptLog): void {
    this.bench.open([{ blob: log.blob, name: log.name }]);
  }

  async remove(sha256: string): Promise<void> {
    this.list.value = this.list.peek().filter((log) => log.sha256 !== sha256);
    await this.#db?.deleteLog(sha256);
  }

  /** Forgets the list (the database is emptied apart, by Forget). */
  clear(): void {
    this.#db = undefined;
    this.available.value = false;
    this.list.value = [];
  }
}
