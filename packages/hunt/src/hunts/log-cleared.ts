/** Hunt: event logs cleared. */
import type { ReadyHunt } from './model.js';

export const LOG_CLEARED: ReadyHunt = {
  id: 'log-cleared',
  title: 'Event logs cleared',
  techniques: ['T1070.001'],
  looksFor:
    'The Security log (1102) or another log (System 104) cleared: someone removing their ' +
    'tracks, or a lab reset; the account that cleared it is in the event.',
  opens: {
    kind: 'query',
    query: '(eventId:1102 OR eventId:104) provider:"Microsoft-Windows-Eventlog"',
  },
};
