/** Hunt: regular, repeated connections to one destination. */
import type { ReadyHunt } from './model.js';

export const BEACONING: ReadyHunt = {
  id: 'beaconing',
  title: 'Beaconing',
  techniques: ['T1071', 'T1029', 'T1573'],
  looksFor:
    'A process connecting to the same destination at a steady interval, with little jitter: ' +
    'the check-in of a command-and-control implant.',
  opens: { kind: 'findings', finding: 'beacon' },
};
