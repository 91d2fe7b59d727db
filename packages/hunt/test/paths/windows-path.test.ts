import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
  baseName,
  normaliseWindowsPath,
  parentPath,
  parseWindowsPath,
} from '../../src/paths/windows-path.js';

/** Spellings seen in the shared sample logs (field and file noted), with their normal form. */
const SPELLINGS: readonly (readonly [string, string])[] = [
  // Image, most Sysmon logs
  [
    'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
    'c:\\windows\\system32\\windowspowershell\\v1.0\\powershell.exe',
  ],
  ['C:\\WINDOWS\\system32\\cmd.exe', 'c:\\windows\\system32\\cmd.exe'],
  // CurrentDirectory, trailing backslash
  ['C:\\Users\\SWACHC~1\\AppData\\Local\\Temp\\', 'c:\\users\\swachc~1\\appdata\\local\\temp'],
  ['C:\\PROGRA~3\\', 'c:\\progra~3'],
  // ObjectName (Security 4656/4663) and TargetFilename
  ['\\??\\C:\\Windows\\SYSVOL\\sysvol', 'c:\\windows\\sysvol\\sysvol'],
  ['\\??\\C:\\', 'c:\\'],
  ['\\\\?\\C:\\Windows\\system32\\wbem\\WMIADAP.EXE', 'c:\\windows\\system32\\wbem\\wmiadap.exe'],
  [
    '\\Device\\HarddiskVolumeShadowCopy7\\Windows\\Temp\\svhost64.exe',
    '?:\\windows\\temp\\svhost64.exe',
  ],
  ['\\Device\\HarddiskVolume3\\Windows\\System32\\lsass.exe', '?:\\windows\\system32\\lsass.exe'],
  [
    '\\Device\\Mup\\VBoxSvr\\Users\\bouss\\Downloads\\x.exe',
    '\\\\vboxsvr\\users\\bouss\\downloads\\x.exe',
  ],
  // ImagePath (System 7045) and driver loads
  ['\\SystemRoot\\System32\\drivers\\BthEnum.sys', 'c:\\windows\\system32\\drivers\\bthenum.sys'],
  ['%SystemRoot%\\system32\\svchost.exe', 'c:\\windows\\system32\\svchost.exe'],
  ['%SYSTEMROOT%\\duKhLYUX.exe', 'c:\\windows\\dukhlyux.exe'],
  [
    '%windir%\\Microsoft.Net\\Framework64\\v3.0\\WPF\\x.exe',
    'c:\\windows\\microsoft.net\\framework64\\v3.0\\wpf\\x.exe',
  ],
  ['%TEMP%\\a.exe', 'c:\\users\\%username%\\appdata\\local\\temp\\a.exe'],
  ['%HOMEDRIVE%%HOMEPATH%\\x', 'c:\\users\\%username%\\x'],
  ['%ProgramFiles(x86)%\\App\\a.exe', 'c:\\program files (x86)\\app\\a.exe'],
  ['%UNKNOWN%\\a.exe', '%unknown%\\a.exe'],
  // UNC
  ['\\\\172.16.66.254\\shared\\lsadb.dll', '\\\\172.16.66.254\\shared\\lsadb.dll'],
  ['\\\\?\\UNC\\server\\share\\a.exe', '\\\\server\\share\\a.exe'],
  ['\\??\\UNC\\server\\share\\a.exe', '\\\\server\\share\\a.exe'],
  ['\\\\tsclient\\c\\temp\\stack\\', '\\\\tsclient\\c\\temp\\stack'],
  ['\\\\server', '\\\\server'],
  // forward slashes, quotes, dots
  ['C:/Users/Public/x.exe', 'c:\\users\\public\\x.exe'],
  ['"C:\\Program Files\\App\\a.exe"', 'c:\\program files\\app\\a.exe'],
  ['C:\\Windows\\System32\\..\\Temp\\.\\x.exe', 'c:\\windows\\temp\\x.exe'],
  ['C:\\..\\..\\x.exe', 'c:\\x.exe'],
  ['C:\\Windows\\\\System32\\\\cmd.exe', 'c:\\windows\\system32\\cmd.exe'],
  // a mock folder with a trailing space is a different folder and stays different
  ['C:\\Windows \\System32\\WINMM.dll', 'c:\\windows \\system32\\winmm.dll'],
  // not paths from a root
  ['System', 'system'],
  ['\\Windows\\Temp\\x.exe', '\\windows\\temp\\x.exe'],
  ['', ''],
];

test('normaliseWindowsPath brings every spelling to one lowercase form', () => {
  for (const [written, expected] of SPELLINGS) {
    assert.equal(normaliseWindowsPath(written), expected, written);
  }
});

test('parseWindowsPath splits the root from the segments', () => {
  assert.deepEqual(parseWindowsPath('C:\\Users\\IEUser\\Desktop\\procdump.exe'), {
    root: 'c:',
    segments: ['users', 'ieuser', 'desktop', 'procdump.exe'],
    text: 'c:\\users\\ieuser\\desktop\\procdump.exe',
  });
  assert.equal(parseWindowsPath('\\Device\\HarddiskVolume2').root, '?:');
  assert.equal(
    parseWindowsPath('\\\\?\\Volume{4c1b02c1-d990-11dc-99ae-806e6f6e6963}\\x').text,
    '?:\\x',
  );
  assert.equal(parseWindowsPath('\\\\vboxsrv\\HTools\\msxsl.exe').root, '\\\\vboxsrv\\htools');
  assert.equal(parseWindowsPath('Z:\\bouss\\Downloads').root, 'z:');
  assert.equal(parseWindowsPath('rundll32.exe').root, '');
});

test('baseName gives the lowercase file name', () => {
  assert.equal(baseName('C:\\Windows\\SysWOW64\\rundll32.exe'), 'rundll32.exe');
  assert.equal(baseName('\\Device\\HarddiskVolume3\\Windows\\explorer.EXE'), 'explorer.exe');
  assert.equal(baseName('C:/tools/PsExec64.exe'), 'psexec64.exe');
  assert.equal(baseName('powershell.exe'), 'powershell.exe');
  assert.equal(baseName('C:\\'), '');
  assert.equal(baseName(parseWindowsPath('C:\\a\\b.dll')), 'b.dll');
});

test('parentPath drops the last segment', () => {
  assert.equal(
    parentPath(parseWindowsPath('C:\\Windows\\System32\\cmd.exe')).text,
    'c:\\windows\\system32',
  );
  assert.equal(parentPath(parseWindowsPath('C:\\cmd.exe')).text, 'c:\\');
  assert.equal(parentPath(parseWindowsPath('\\\\srv\\share\\a.exe')).text, '\\\\srv\\share');
});
