/** Hunt: processes opening LSASS. */
import type { ReadyHunt } from './model.js';

export const LSASS_ACCESS: ReadyHunt = {
  id: 'lsass-access',
  title: 'LSASS memory access',
  techniques: ['T1003.001'],
  looksFor:
    'Processes opening lsass.exe (Sysmon 10), which holds credentials in memory; read ' +
    'GrantedAccess (PROCESS_VM_READ is what dumping needs) and the SourceImage.',
  opens: {
    kind: 'query',
    query: 'eventId:10 provider:"Microsoft-Windows-Sysmon" TargetImage:*\\lsass.exe',
  },
};
