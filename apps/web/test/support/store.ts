/** Stores filled from real logs on disk, the way the page fills them. */
import { basename } from 'node:path';

import { EventStore } from '../../src/store/event-store.js';
import { parseFile } from './parse.js';

/** A store holding every record of the files at `paths`, each under its base name. */
export async function storeOfFiles(...paths: string[]): Promise<EventStore> {
  const store = new EventStore();
  for (const path of paths) {
    const { rows } = await parseFile(path);
    store.append(store.addFile(basename(path)), rows);
  }
  return store;
}

/** Every row number of `store`. */
export function allRows(store: EventStore): number[] {
  return Array.from({ length: store.rowCount }, (_, row) => row);
}
