import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { FINDING_KINDS } from '../../src/findings/finding.js';
import { READY_HUNTS, readyHunt } from '../../src/hunts/catalogue.js';
import { parseQuery } from '../../src/query/parse.js';
import { queryFilter } from '../../src/query/record-row.js';
import type { EventRecord } from '../../src/record.js';

const HUNTS_DIR = fileURLToPath(new URL('../../../src/hunts/', import.meta.url));
const NOT_HUNTS = ['model.ts', 'catalogue.ts', 'rare.ts'];

test('READY_HUNTS holds one hunt per file, each named after its file', () => {
  const files = readdirSync(HUNTS_DIR).filter((name) => !NOT_HUNTS.includes(name));
  const ids = READY_HUNTS.map((hunt) => `${hunt.id}.ts`);
  assert.deepEqual([...ids].sort(), [...files].sort());
  assert.equal(new Set(ids).size, ids.length);
  assert.equal(readyHunt('lsass-access')?.title, 'LSASS memory access');
  assert.equal(readyHunt('nope'), undefined);
});

test('READY_HUNTS opens every finding kind of the engine', () => {
  const kinds = READY_HUNTS.flatMap((hunt) =>
    hunt.opens.kind === 'findings' ? [hunt.opens.finding] : [],
  );
  // Sigma findings come from the rules a user loads, not from the engine's own detections.
  const engineKinds = FINDING_KINDS.filter((kind) => kind !== 'sigma');
  assert.deepEqual([...kinds].sort(), [...engineKinds].sort());
});

test('READY_HUNTS names ATT&CK techniques and queries that parse without warnings', () => {
  for (const hunt of READY_HUNTS) {
    assert.ok(hunt.techniques.length > 0, hunt.id);
    for (const id of hunt.techniques) assert.match(id, /^T\d{4}(\.\d{3})?$/, hunt.id);
    assert.ok(hunt.looksFor.length > 40, hunt.id);
    if (hunt.opens.kind !== 'query') continue;

    const parsed = parseQuery(hunt.opens.query);
    assert.ok(parsed.ok, `${hunt.id}: ${parsed.ok ? '' : parsed.error.message}`);
    assert.deepEqual(parsed.warnings, [], hunt.id);
  }
});

/** Whether hunt `id`'s query keeps `record`. */
function keeps(id: string, record: Partial<EventRecord>): boolean {
  const opens = readyHunt(id)?.opens;
  if (opens?.kind !== 'query') assert.fail(`${id} is not a query hunt`);
  const parsed = parseQuery(opens.query);
  if (!parsed.ok) assert.fail(parsed.error.message);
  const full: EventRecord = {
    recordId: '1',
    timeCreated: '2024-05-01T10:00:00.0000000Z',
    eventId: 1,
    provider: 'Microsoft-Windows-Sysmon',
    channel: 'Microsoft-Windows-Sysmon/Operational',
    computer: 'ws1',
    data: {},
    ...record,
  };
  return queryFilter(parsed.ast)(full);
}

const SECURITY = 'Microsoft-Windows-Security-Auditing';
const BASE64 = 'SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAIABOAGUAdAAuAFcAZQBiAEMAbABpAGUAbgB0ACkA';

test('encoded-powershell keeps -enc, -e and -EncodedCommand with Base64, and 4104 decoding', () => {
  const line = (text: string) => keeps('encoded-powershell', { data: { CommandLine: text } });
  assert.equal(line(`powershell.exe -nop -w hidden -enc ${BASE64}`), true);
  assert.equal(line(`powershell -e ${BASE64}`), true);
  assert.equal(line(`powershell.exe -EncodedCommand ${BASE64}`), true);
  assert.equal(line(`powershell.exe /ec ${BASE64}`), true);
  assert.equal(line('powershell.exe -Encoding utf8 -File a.ps1'), false);
  assert.equal(line(`cmd.exe /c echo ${BASE64}`), false);
  const block = (text: string) =>
    keeps('encoded-powershell', {
      eventId: 4104,
      provider: 'Microsoft-Windows-PowerShell',
      data: { ScriptBlockText: text },
    });
  assert.equal(block('[Convert]::FromBase64String($x)'), true);
  assert.equal(block('Get-Process'), false);
});

test('encoded-powershell keeps a process started by encoded PowerShell (vstoAbuse 69533)', () => {
  const child = (ParentCommandLine: string) =>
    keeps('encoded-powershell', {
      eventId: 1,
      data: { CommandLine: 'VSTOInstaller.exe /s /i a.vsto', ParentCommandLine },
    });
  assert.equal(child(`"powershell.exe" -noP -sta -w 1 -enc  ${BASE64}`), true);
  assert.equal(child('"powershell.exe" -noP -sta -w 1 -File a.ps1'), false);
});

test('lsass-access keeps Sysmon 10 on lsass.exe only', () => {
  const target = (eventId: number, TargetImage: string) =>
    keeps('lsass-access', { eventId, data: { TargetImage } });
  assert.equal(target(10, 'C:\\Windows\\system32\\lsass.exe'), true);
  assert.equal(target(10, 'C:\\Windows\\system32\\svchost.exe'), false);
  assert.equal(target(1, 'C:\\Windows\\system32\\lsass.exe'), false);
});

test('run-key-persistence keeps Run, RunOnce and policy Run keys, not RunMRU', () => {
  const key = (TargetObject: string) =>
    keeps('run-key-persistence', { eventId: 13, data: { TargetObject } });
  const run = 'HKU\\S-1-5-21-1\\Software\\Microsoft\\Windows\\CurrentVersion\\Run';
  assert.equal(key(`${run}\\Updater`), true);
  assert.equal(key(`${run}Once\\x`), true);
  assert.equal(
    key('HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Policies\\Explorer\\Run\\a'),
    true,
  );
  assert.equal(key(`${run}`), true);
  assert.equal(
    key('HKU\\S-1\\Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\RunMRU\\a'),
    false,
  );
  assert.equal(key(`${run}Other\\a`), false);
});

test('run-key-persistence keeps keys created and values set, not deletions (Sysmon 12)', () => {
  const run = 'HKU\\S-1-5-21-1\\Software\\Microsoft\\Windows\\CurrentVersion\\Run';
  const event = (eventId: number, EventType: string, TargetObject: string) =>
    keeps('run-key-persistence', { eventId, data: { EventType, TargetObject } });
  assert.equal(event(12, 'CreateKey', run), true);
  assert.equal(event(13, 'SetValue', `${run}\\Updater`), true);
  assert.equal(event(12, 'DeleteValue', `${run}\\Updater`), false);
  assert.equal(event(12, 'DeleteKey', `${run}Once`), false);
});

test('user-writable-dll-loads keeps modules under profiles and ProgramData', () => {
  const load = (ImageLoaded: string) =>
    keeps('user-writable-dll-loads', { eventId: 7, data: { ImageLoaded } });
  assert.equal(load('C:\\Users\\bob\\AppData\\Local\\Temp\\wwlib.dll'), true);
  assert.equal(load('C:\\ProgramData\\x\\version.dll'), true);
  assert.equal(load('C:\\Windows\\Temp\\a.dll'), true);
  assert.equal(load('C:\\Windows\\System32\\kernel32.dll'), false);
  assert.equal(load('C:\\Program Files\\App\\a.dll'), false);
});

test('remote-logons keeps type 3 and 10 logons from other addresses', () => {
  const logon = (LogonType: string, IpAddress: string) =>
    keeps('remote-logons', { eventId: 4624, provider: SECURITY, data: { LogonType, IpAddress } });
  assert.equal(logon('3', '10.0.0.5'), true);
  assert.equal(logon('10', '203.0.113.9'), true);
  assert.equal(logon('2', '10.0.0.5'), false);
  assert.equal(logon('3', '-'), false);
  assert.equal(logon('3', '127.0.0.1'), false);
  assert.equal(logon('3', '::1'), false);
});

test('new-services and log-cleared keep their events from their providers only', () => {
  const scm = 'Service Control Manager';
  assert.equal(keeps('new-services', { eventId: 7045, provider: scm }), true);
  assert.equal(keeps('new-services', { eventId: 4697, provider: SECURITY }), true);
  assert.equal(keeps('new-services', { eventId: 7045, provider: 'Other' }), false);
  const eventlog = 'Microsoft-Windows-Eventlog';
  assert.equal(keeps('log-cleared', { eventId: 1102, provider: eventlog }), true);
  assert.equal(keeps('log-cleared', { eventId: 104, provider: eventlog }), true);
  assert.equal(keeps('log-cleared', { eventId: 104, provider: 'Other' }), false);
});
