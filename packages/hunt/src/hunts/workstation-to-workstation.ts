/** Hunt: workstations reaching each other on admin ports (lateral movement). */
import type { ReadyHunt } from './model.js';

export const WORKSTATION_TO_WORKSTATION: ReadyHunt = {
  id: 'workstation-to-workstation',
  title: 'Workstation to workstation',
  techniques: ['T1021', 'T1570'],
  looksFor:
    'Connections on admin ports (SMB, RDP, WinRM, ...) between internal hosts where the one ' +
    'reached is no server for that service in these logs: lateral movement between workstations.',
  opens: { kind: 'findings', finding: 'lateral-movement' },
};
