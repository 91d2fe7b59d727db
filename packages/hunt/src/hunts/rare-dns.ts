/** Hunt: DNS names asked for rarely. */
import type { ReadyHunt } from './model.js';

export const RARE_DNS: ReadyHunt = {
  id: 'rare-dns',
  title: 'DNS queries for rare domains',
  techniques: ['T1071.004', 'T1568'],
  looksFor:
    'DNS lookups (Sysmon 22) counted per name: names asked for only once across the loaded ' +
    'logs stand out from the routine ones, as a new controller or a generated domain would.',
  opens: {
    kind: 'query',
    query: 'eventId:22 provider:"Microsoft-Windows-Sysmon"',
    rare: { field: 'QueryName', atMost: 1 },
  },
};
