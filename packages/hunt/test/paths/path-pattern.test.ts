import { test } from 'node:test';
import assert from 'node:assert/strict';

import { compilePathPattern, isPathDirectlyIn, isPathUnder } from '../../src/paths/path-pattern.js';
import { parseWindowsPath } from '../../src/paths/windows-path.js';

function under(pattern: string, path: string): boolean {
  return isPathUnder(parseWindowsPath(path), compilePathPattern(pattern));
}

function directlyIn(pattern: string, path: string): boolean {
  return isPathDirectlyIn(parseWindowsPath(path), compilePathPattern(pattern));
}

test('compilePathPattern needs a drive or share root', () => {
  assert.equal(compilePathPattern('?:\\Windows\\System32').segments.length, 2);
  assert.equal(compilePathPattern('c:\\windows').root, 'c:');
  assert.throws(
    () => compilePathPattern('windows\\system32'),
    /^Error: Cannot compile path pattern "windows\\\\system32": expected \?:\\ or c:\\$/,
  );
});

test('isPathUnder accepts any drive spelling for ?:', () => {
  const pattern = '?:\\windows\\temp';
  assert.equal(under(pattern, 'C:\\Windows\\Temp\\x.exe'), true);
  assert.equal(under(pattern, 'D:\\WINDOWS\\TEMP'), true);
  assert.equal(under(pattern, '\\Device\\HarddiskVolume3\\Windows\\Temp\\x.exe'), true);
  assert.equal(under(pattern, '\\Windows\\Temp\\x.exe'), true);
  assert.equal(under(pattern, '\\\\ws01\\C$\\Windows\\Temp\\x.exe'), true);
  assert.equal(under(pattern, '\\\\ws01\\share\\Windows\\Temp\\x.exe'), false);
  assert.equal(under(pattern, 'Windows\\Temp\\x.exe'), false);
  assert.equal(under(pattern, 'C:\\Windows\\Temporary\\x.exe'), false);
  assert.equal(under(pattern, 'C:\\Windows'), false);
  assert.equal(under('c:\\windows', 'D:\\Windows\\x.exe'), false);
});

test('isPathUnder matches * as one folder and inside names', () => {
  assert.equal(under('?:\\users\\*\\appdata', 'C:\\Users\\ADMINI~1\\AppData\\Local\\Temp'), true);
  assert.equal(under('?:\\users\\*\\appdata', 'C:\\Users\\AppData'), false);
  const dotnet = '?:\\windows\\microsoft.net\\framework*\\v*';
  assert.equal(under(dotnet, 'C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\x.exe'), true);
  assert.equal(under(dotnet, 'C:\\Windows\\Microsoft.NET\\Framework\\v2.0.50727\\x.exe'), true);
  assert.equal(under(dotnet, 'C:\\Windows\\Microsoft.NET\\assembly\\x.exe'), false);
});

test('isPathUnder matches literal names through 8.3 short names', () => {
  assert.equal(under('?:\\programdata', 'C:\\PROGRA~3\\DATAUS~1.DLL'), true);
  assert.equal(under('?:\\programdata', 'C:\\PROGRA~1\\App\\a.exe'), false);
  assert.equal(under('?:\\program files', 'C:\\PROGRA~1\\App\\a.exe'), true);
  assert.equal(
    under('?:\\documents and settings\\*\\local settings', 'C:\\DOCUME~1\\bob\\LOCALS~1\\x'),
    true,
  );
});

test('isPathDirectlyIn takes direct children only', () => {
  assert.equal(directlyIn('?:\\windows\\system32', 'C:\\Windows\\System32\\cmd.exe'), true);
  assert.equal(directlyIn('?:\\windows\\system32', 'C:\\Windows\\System32\\evil\\cmd.exe'), false);
  assert.equal(directlyIn('?:\\windows\\system32', 'C:\\Windows\\System32'), false);
  assert.equal(directlyIn('?:\\windows\\system32', 'C:\\Windows \\System32\\cmd.exe'), false);
});
