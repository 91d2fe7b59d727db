/** Hunt: network and Remote Desktop logons from sources seen rarely. */
import type { ReadyHunt } from './model.js';

export const REMOTE_LOGONS: ReadyHunt = {
  id: 'remote-logons',
  title: 'Network and RDP logons from unusual sources',
  techniques: ['T1021.001', 'T1021.002', 'T1078'],
  looksFor:
    'Successful logons of type 3 (network) or 10 (Remote Desktop) from another address, ' +
    'counted per source: the addresses that logged on only once or twice are the unusual ones.',
  opens: {
    kind: 'query',
    query:
      'eventId:4624 provider:"Microsoft-Windows-Security-Auditing" (LogonType:3 OR LogonType:10) ' +
      'IpAddress:* -IpAddress:"-" -IpAddress:"127.0.0.1" -IpAddress:"::1"',
    rare: { field: 'IpAddress', atMost: 2 },
  },
};
