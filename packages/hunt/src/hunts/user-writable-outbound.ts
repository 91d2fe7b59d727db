/** Hunt: programs started from user-writable folders connecting out. */
import type { ReadyHunt } from './model.js';

export const USER_WRITABLE_OUTBOUND: ReadyHunt = {
  id: 'user-writable-outbound',
  title: 'Programs in user-writable folders connecting out',
  techniques: ['T1204.002', 'T1071'],
  looksFor:
    'Outbound connections from programs run out of Temp, AppData, Downloads, ProgramData and ' +
    'other folders any user can write to, where dropped malware usually lives.',
  opens: { kind: 'findings', finding: 'user-writable-outbound' },
};
