import { test } from 'node:test';
import assert from 'node:assert/strict';

import { userWritablePlace } from '../../src/paths/user-writable.js';

function placeOf(path: string): string | undefined {
  return userWritablePlace(path)?.id;
}

/** Paths from the shared sample logs (and their usual variants) with the expected place. */
const CASES: readonly (readonly [string, string | undefined])[] = [
  ['C:\\Users\\IEUser\\AppData\\Local\\Temp\\CRYPTBASE.dll', 'temp'],
  ['C:\\Users\\SWACHC~1\\AppData\\Local\\Temp\\', 'temp'],
  ['C:\\Users\\ADMINI~1\\AppData\\Local\\Temp\\x.exe', 'temp'],
  ['c:\\users\\ieuser\\appdata\\local\\temp\\tmp.ini', 'temp'],
  ['%TEMP%\\tcm.tmp', 'temp'],
  ['%temp%', 'temp'],
  ['C:\\Documents and Settings\\bob\\Local Settings\\Temp\\a.exe', 'temp'],
  ['C:\\DOCUME~1\\bob\\LOCALS~1\\Temp\\a.exe', 'temp'],
  ['\\Device\\HarddiskVolume2\\Users\\bob\\AppData\\Local\\Temp\\a.exe', 'temp'],
  ['\\\\?\\C:\\Users\\bob\\AppData\\Local\\Temp\\a.exe', 'temp'],
  ['C:/Users/bob/AppData/Local/Temp/a.exe', 'temp'],
  ['\\\\WS01\\C$\\Users\\bob\\AppData\\Local\\Temp\\a.exe', 'temp'],
  ['C:\\Users\\IEUser\\AppData\\Roaming\\WINWORD.exe', 'appdata-roaming'],
  ['%APPDATA%\\Microsoft\\Windows\\Start Menu\\Programs\\Startup\\bs.ps1', 'appdata-roaming'],
  ['C:\\Users\\MNWPRO\\AppData\\Local\\Microsoft\\OneDrive\\OneDrive.exe', 'appdata-local'],
  ['%LOCALAPPDATA%\\x.exe', 'appdata-local'],
  ['C:\\Users\\bob\\AppData\\LocalLow\\x.exe', 'appdata-locallow'],
  ['C:\\Users\\IEUser\\Downloads\\com-hijack.exe', 'downloads'],
  ['Z:\\Users\\bouss\\Downloads\\a.exe', 'downloads'],
  ['C:\\Users\\IEUser\\Desktop\\RDPWRA~1.2\\install.bat', 'desktop'],
  ['C:\\Users\\IEUser\\Documents\\a.docm', 'documents'],
  ['C:\\Users\\IEUser\\Tools\\PrivEsc\\PrintSpoofer.exe', 'user-profile'],
  ['%USERPROFILE%\\x.exe', 'user-profile'],
  ['C:\\Users\\Public\\x.exe', 'users-public'],
  ['c:\\Users\\Public', 'users-public'],
  ['C:\\Users\\Default\\NTUSER.DAT', undefined],
  ['C:\\Users\\All Users\\x.exe', 'programdata'],
  ['C:\\ProgramData\\winpm.exe', 'programdata'],
  ['C:\\PROGRA~3\\DATAUS~1.DLL', 'programdata'],
  ['%ProgramData%\\x.exe', 'programdata'],
  [
    'C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.23110.3-0\\MsMpEng.exe',
    'programdata',
  ],
  ['C:\\Windows\\Temp\\svhost64.exe', 'windows-temp'],
  ['\\Device\\HarddiskVolumeShadowCopy7\\Windows\\Temp\\svhost64.exe', 'windows-temp'],
  ['%SystemRoot%\\Temp\\a.exe', 'windows-temp'],
  ['C:\\$Recycle.Bin\\S-1-5-21-1\\$R1.exe', 'recycle-bin'],
  ['C:\\RECYCLER\\a.exe', 'recycle-bin'],
  ['C:\\PerfLogs\\a.exe', 'perflogs'],
  ['C:\\Windows\\Tasks\\a.exe', 'windows-tasks'],
  ['C:\\Windows\\System32\\Tasks\\Microsoft\\Windows\\SyncCenter\\a.exe', 'windows-tasks'],
  ['C:\\Windows\\System32\\spool\\drivers\\color\\a.exe', 'spool-drivers-color'],
  ['C:\\Windows\\System32\\spool\\PRINTERS\\a.exe', 'spool'],
  ['C:\\Windows\\tracing\\a.exe', 'tracing'],
  ['C:\\Windows\\System32\\Microsoft\\Crypto\\RSA\\MachineKeys\\a', 'machine-keys'],
  ['C:\\Windows\\SysWOW64\\FxsTmp\\a.exe', 'fax-temp'],
  ['C:\\Windows\\System32\\com\\dmp\\a.exe', 'com-dmp'],
  ['C:\\Windows\\Registration\\CRMLog\\a.exe', 'windows-registration'],
  // not user-writable
  ['C:\\Windows\\System32\\cmd.exe', undefined],
  ['C:\\Windows\\System32\\Tasks\\Other\\a', undefined],
  ['C:\\Windows \\System32\\WINMM.dll', undefined],
  ['C:\\Program Files\\Windows Defender\\MpCmdRun.exe', undefined],
  ['C:\\PROGRA~1\\App\\a.exe', undefined],
  ['C:\\Users', undefined],
  ['C:\\TOOLS\\mimikatz.exe', undefined],
  ['\\\\172.16.66.254\\shared\\lsadb.dll', undefined],
  ['rundll32.exe', undefined],
  ['', undefined],
];

test('userWritablePlace finds the most specific place in every spelling', () => {
  for (const [path, expected] of CASES) assert.equal(placeOf(path), expected, path);
});

test('userWritablePlace reports the label and the pattern that matched', () => {
  assert.deepEqual(userWritablePlace('C:\\Users\\ADMINI~1\\AppData\\Local\\Temp\\x.exe'), {
    id: 'temp',
    label: 'user temp folder (%TEMP%)',
    pattern: '?:\\users\\*\\appdata\\local\\temp',
  });
});
