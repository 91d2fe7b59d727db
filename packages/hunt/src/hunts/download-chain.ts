/** Hunt: a process that looked a name up, connected to it and wrote a file. */
import type { ReadyHunt } from './model.js';

export const DOWNLOAD_CHAIN: ReadyHunt = {
  id: 'download-chain',
  title: 'Lookup, connection and file written by one process',
  techniques: ['T1105'],
  looksFor:
    'One process run that queried DNS, connected to the address it got and then created a ' +
    'file: the shape of a download of a second stage.',
  opens: { kind: 'findings', finding: 'chain' },
};
