import { test } from 'node:test';
import assert from 'node:assert/strict';

import { LOLBINS, lolbinFor } from '../../src/knowledge/lolbins.js';
import { compilePathPattern } from '../../src/paths/path-pattern.js';

/** Image paths from the shared sample logs, with whether each is outside its LOLBin's home. */
const AT_HOME: readonly string[] = [
  'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
  'C:\\Windows\\SysWOW64\\WindowsPowerShell\\v1.0\\powershell.exe',
  'C:\\WINDOWS\\system32\\cmd.exe',
  'C:\\Windows\\SysWOW64\\rundll32.exe',
  'C:\\Windows\\System32\\mshta.exe',
  'C:\\WINDOWS\\System32\\Wbem\\WMIC.exe',
  'C:\\Windows\\Microsoft.NET\\Framework\\v4.0.30319\\csc.exe',
  'C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\regasm.exe',
  'C:\\Program Files (x86)\\Microsoft Visual Studio\\2019\\Community\\MSBuild\\Current\\Bin\\MSBuild.exe',
  'C:\\Program Files\\PowerShell\\7\\pwsh.exe',
  'C:\\Windows\\explorer.exe',
  'C:\\Windows\\regedit.exe',
  'C:\\Windows\\hh.exe',
  '\\Device\\HarddiskVolume2\\Windows\\System32\\certutil.exe',
  '%SystemRoot%\\System32\\bitsadmin.exe',
];

const OUTSIDE_HOME: readonly string[] = [
  'C:\\Users\\IEUser\\AppData\\Local\\Temp\\rundll32.exe',
  'C:\\Windows \\System32\\cmd.exe',
  'C:\\Windows\\System32\\evil\\certutil.exe',
  'C:\\Windows\\Temp\\powershell.exe',
  'C:\\ProgramData\\mshta.exe',
  '\\\\tsclient\\c\\temp\\regsvr32.exe',
  'C:\\Windows\\explorer\\explorer.exe',
];

test('LOLBINS lists at least 40 binaries, each with homes, categories and ATT&CK ids', () => {
  assert.ok(LOLBINS.length >= 40, `only ${LOLBINS.length}`);
  for (const lolbin of LOLBINS) {
    assert.equal(lolbin.name, lolbin.name.toLowerCase(), lolbin.name);
    assert.match(lolbin.name, /^[a-z0-9_.-]+\.exe$/, lolbin.name);
    assert.ok(lolbin.homes.length > 0, lolbin.name);
    assert.ok(lolbin.categories.length > 0, lolbin.name);
    for (const id of lolbin.mitre) assert.match(id, /^T\d{4}(?:\.\d{3})?$/, lolbin.name);
    for (const home of lolbin.homes) assert.doesNotThrow(() => compilePathPattern(home), home);
  }
  assert.equal(new Set(LOLBINS.map((lolbin) => lolbin.name)).size, LOLBINS.length);
});

test('lolbinFor finds LOLBins at home in every spelling', () => {
  for (const image of AT_HOME) {
    const match = lolbinFor(image);
    assert.ok(match, image);
    assert.equal(match.outsideHome, false, image);
  }
});

test('lolbinFor flags a LOLBin name outside its home', () => {
  for (const image of OUTSIDE_HOME) {
    const match = lolbinFor(image);
    assert.ok(match, image);
    assert.equal(match.outsideHome, true, image);
  }
});

test('lolbinFor reports the entry facts', () => {
  const match = lolbinFor('C:\\Windows\\System32\\rundll32.exe');

  assert.ok(match);
  assert.equal(match.lolbin.name, 'rundll32.exe');
  assert.deepEqual(match.lolbin.mitre, ['T1218.011', 'T1564.004']);
  assert.deepEqual(match.lolbin.categories, ['proxy-execution']);
  assert.equal(match.lolbin.normallyConnects, false);
  assert.equal(lolbinFor('C:\\Windows\\System32\\curl.exe')?.lolbin.normallyConnects, true);
});

test('lolbinFor ignores other binaries and cannot place a bare name', () => {
  assert.equal(lolbinFor('C:\\Windows\\System32\\notepad.exe'), undefined);
  assert.equal(lolbinFor('C:\\Windows\\System32\\rundll32.exe.bak'), undefined);
  assert.equal(lolbinFor(''), undefined);
  assert.equal(lolbinFor('rundll32.exe')?.outsideHome, false);
  assert.equal(lolbinFor('RUNDLL32.EXE')?.lolbin.name, 'rundll32.exe');
});
