/** Hunt: DLLs loaded from folders any user can write to. */
import type { ReadyHunt } from './model.js';

export const USER_WRITABLE_DLL_LOADS: ReadyHunt = {
  id: 'user-writable-dll-loads',
  title: 'DLLs loaded from user-writable folders',
  techniques: ['T1574.001', 'T1574.002'],
  looksFor:
    'Modules loaded (Sysmon 7) from user profiles, ProgramData, Windows\\Temp, PerfLogs or the ' +
    'recycle bin: DLL side-loading and search-order hijacking drop their DLL there.',
  opens: {
    kind: 'query',
    query:
      'eventId:7 provider:"Microsoft-Windows-Sysmon" ' +
      'ImageLoaded:/^[a-z]:\\\\(users|programdata|windows\\\\temp|perflogs|\\$recycle\\.bin)\\\\/i',
  },
};
