/** A store holding a real log, as the filter tests read it. */
import { basename } from 'node:path';

import { EventStore } from '../../src/store/event-store.js';
import { parseFile } from '../support/parse.js';

/** A store with every row of the files at `paths`, in file order. */
export async function sampleStore(...paths: string[]): Promise<EventStore> {
  const store = new EventStore();
  for (const path of paths) {
    const { rows } = await parseFile(path);
    store.append(store.addFile(basename(path)), rows);
  }
  return store;
}
