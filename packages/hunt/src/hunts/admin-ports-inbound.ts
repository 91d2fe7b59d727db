/** Hunt: inbound connections to remote administration ports. */
import type { ReadyHunt } from './model.js';

export const ADMIN_PORTS_INBOUND: ReadyHunt = {
  id: 'admin-ports-inbound',
  title: 'Inbound connections to admin ports',
  techniques: ['T1021', 'T1021.001', 'T1021.002', 'T1021.006'],
  looksFor:
    'Connections into this computer on SMB, RDP, WinRM, RPC and other remote administration ' +
    'ports, from hosts that are not expected to administer it.',
  opens: { kind: 'findings', finding: 'inbound-admin-port' },
};
