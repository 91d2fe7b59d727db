import { test } from 'node:test';
import assert from 'node:assert/strict';

import { commonProcessFor, isBrowser } from '../../src/knowledge/common-processes.js';

test('isBrowser takes browsers by file name wherever they run', () => {
  assert.equal(
    isBrowser('C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe'),
    true,
  );
  assert.equal(isBrowser('C:\\Program Files\\Opera\\49.0.2725.64\\opera.exe'), true);
  assert.equal(isBrowser('C:\\Program Files\\Internet Explorer\\iexplore.exe'), true);
  assert.equal(isBrowser('C:\\Users\\bob\\AppData\\Local\\Temp\\chrome.exe'), true);
  assert.equal(isBrowser('C:\\Program Files\\Microsoft Office\\Office14\\WINWORD.EXE'), false);
  assert.equal(isBrowser('C:\\Windows\\System32\\svchost.exe'), false);
});

test('commonProcessFor knows the usual install folders', () => {
  const usual = [
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Users\\bob\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files\\Mozilla Firefox\\firefox.exe',
    'C:\\Program Files\\Microsoft Office\\Office14\\WINWORD.EXE',
    'C:\\Program Files\\Microsoft Office\\root\\Office16\\EXCEL.EXE',
    'C:\\Users\\teste\\AppData\\Local\\Microsoft\\OneDrive\\OneDrive.exe',
    'C:\\Program Files (x86)\\Google\\Update\\GoogleUpdate.exe',
    'C:\\Users\\fgaeta\\AppData\\Local\\Microsoft\\EdgeUpdate\\MicrosoftEdgeUpdate.exe',
    'C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.23110.3-0\\MsMpEng.exe',
    'C:\\Program Files\\Windows Defender\\MpCmdRun.exe',
  ];
  for (const image of usual) assert.equal(commonProcessFor(image)?.outsideHome, false, image);
});

test('commonProcessFor flags Office and browsers out of place', () => {
  // From the shared samples: a fake Word in the roaming profile.
  const word = commonProcessFor('C:\\Users\\IEUser\\AppData\\Roaming\\WINWORD.exe');

  assert.equal(word?.process.kind, 'office');
  assert.equal(word?.process.product, 'Microsoft Word');
  assert.equal(word?.outsideHome, true);
  assert.equal(commonProcessFor('C:\\ProgramData\\msedge.exe')?.outsideHome, true);
  assert.equal(commonProcessFor('C:\\Windows\\System32\\cmd.exe'), undefined);
});
