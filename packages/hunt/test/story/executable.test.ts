import { test } from 'node:test';
import assert from 'node:assert/strict';

import { isExecutableName, isHousekeepingFile } from '../../src/story/executable.js';

test('isExecutableName: programs, libraries, scripts and shortcuts, in any case', () => {
  const yes = [
    'C:\\a.exe',
    'C:\\x\\B.DLL',
    'c:/s/run.Ps1',
    'C:\\u\\Start.lnk',
    'D:\\m.hta',
    'x.msi',
  ];
  for (const path of yes) assert.equal(isExecutableName(path), true, path);
});

test('isExecutableName: data files, names without a dot and stream suffixes are not code', () => {
  const no = [
    'C:\\cache\\f_0001.tmp',
    'C:\\notes.txt',
    'C:\\exe',
    'C:\\dir.exe\\file',
    'a.exe:Zone.Identifier',
  ];
  for (const path of no) assert.equal(isExecutableName(path), false, path);
});

test('isHousekeepingFile: the files PowerShell and .NET write about themselves', () => {
  assert.equal(
    isHousekeepingFile(
      'C:\\Users\\teste\\AppData\\Local\\Microsoft\\CLR_v4.0\\UsageLogs\\powershell.exe.log',
    ),
    true,
  );
  assert.equal(
    isHousekeepingFile('C:\\Users\\a\\AppData\\Local\\Temp\\__PSScriptPolicyTest_ab12cd.ps1'),
    true,
  );
  assert.equal(isHousekeepingFile('C:\\Users\\a\\AppData\\Local\\Temp\\payload.ps1'), false);
  assert.equal(isHousekeepingFile('C:\\Users\\a\\UsageLogs\\x.log'), false);
});
