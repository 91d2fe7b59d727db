import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  InferredCoverage,
  SERVICE_NOTES_SHOWN,
  configCoverage,
} from '../../src/engine/coverage.js';
import { examplePath, outboundCoverageProbes } from '../../src/knowledge/coverage-probes.js';
import { parseSysmonConfig } from '../../src/sysmon-config/config.js';
import { event } from '../synthetic.js';

const CONFIG = `<Sysmon schemaversion="4.90"><EventFiltering>
  <RuleGroup name="" groupRelation="or">
    <NetworkConnect onmatch="include">
      <Image condition="end with">\\powershell.exe</Image>
      <Image condition="begin with">C:\\Users</Image>
    </NetworkConnect>
  </RuleGroup>
  <RuleGroup name="" groupRelation="or">
    <NetworkConnect onmatch="exclude">
      <Image condition="end with">\\OneDrive.exe</Image>
    </NetworkConnect>
  </RuleGroup>
</EventFiltering></Sysmon>`;

test('examplePath turns a folder pattern into a plausible folder', () => {
  assert.equal(
    examplePath('?:\\users\\*\\appdata\\local\\temp'),
    'C:\\users\\analyst\\appdata\\local\\temp',
  );
  assert.equal(
    examplePath('?:\\windows\\microsoft.net\\framework*\\v*'),
    'C:\\windows\\microsoft.net\\framework64\\v4.0.30319',
  );
  assert.equal(examplePath('?:\\program files*\\google'), 'C:\\program files\\google');
});

test('outboundCoverageProbes asks about LOLBins, user-writable places and common programs', () => {
  const probes = outboundCoverageProbes();
  const rundll32 = probes.find((probe) => probe.label === 'rundll32.exe');
  assert.equal(rundll32?.category, 'lolbin');
  assert.equal(rundll32.fields['Image'], 'C:\\windows\\system32\\rundll32.exe');
  assert.equal(rundll32.fields['Initiated'], 'true');
  assert.ok(
    probes.some(
      (probe) =>
        probe.category === 'user-writable' &&
        probe.fields['Image']?.includes('\\appdata\\local\\temp\\'),
    ),
  );
  assert.ok(
    probes.some((probe) => probe.category === 'common-process' && probe.label === 'chrome.exe'),
  );
});

test('configCoverage lists what an include-only configuration never logs, with the reason', () => {
  const section = configCoverage(parseSysmonConfig(CONFIG, 'tiny.xml'));
  const blind = new Map(section.blindSpots.map((spot) => [spot.label, spot]));

  assert.equal(section.basis, 'config');
  assert.equal(section.configName, 'tiny.xml');
  assert.equal(blind.get('rundll32.exe')?.reason, 'no NetworkConnect include rule matches');
  assert.equal(blind.get('chrome.exe')?.category, 'common-process');
  assert.equal(blind.has('powershell.exe'), false);
  assert.equal(blind.has('user temp folder (%TEMP%)'), false, 'C:\\Users is included');
  assert.equal(blind.get('ProgramData')?.category, 'user-writable');
  assert.match(
    blind.get('onedrive.exe')?.reason ?? '',
    /^excluded by NetworkConnect exclude rule Image end with \\OneDrive\.exe/,
  );
  assert.match(section.notes.join('\n'), /^Event ID 3 \(NetworkConnect\): /m);
  assert.match(section.notes.join('\n'), new RegExp(`would not be logged: \\d+ LOLBins`));
});

test('InferredCoverage reports configuration changes and the rules that logged Event ID 3', () => {
  const coverage = new InferredCoverage();
  coverage.add(
    event({
      eventId: 16,
      timeCreated: '2024-05-01T09:00:00.0000000Z',
      data: { Configuration: 'C:\\sysmon.xml', ConfigurationFileHash: 'SHA256=AB' },
    }),
  );
  coverage.add(event({ eventId: 3, data: { RuleName: 'technique_id=T1071' } }));
  coverage.add(event({ eventId: 3, data: { RuleName: '-' } }));

  const section = coverage.section();
  assert.equal(section.basis, 'inferred');
  assert.deepEqual(section.blindSpots, []);
  assert.deepEqual(section.notes, [
    'No Sysmon configuration was given (--config), so blind spots cannot be listed.',
    '2024-05-01T09:00:00.0000000Z: WS01 loaded configuration C:\\sysmon.xml (SHA256=AB) (Event ID 16).',
    'Sysmon Event IDs in the logs: 3 (2), 16 (1).',
    'Event ID 3 was logged by include rules named technique_id=T1071 (1); 1 had no RuleName.',
    'No Event ID 22: destinations are named only by the reverse lookup in DestinationHostname.',
    'No Event ID 1: process starts, parents and command lines are not in the logs.',
  ]);
});

test('InferredCoverage describes SERVICE_NOTES_SHOWN configuration changes and counts the rest', () => {
  const coverage = new InferredCoverage();
  for (let i = 0; i < SERVICE_NOTES_SHOWN + 5; i++) {
    coverage.add(event({ eventId: 16, data: { Configuration: `c${i}.xml` } }));
  }

  const notes = coverage.section().notes;
  assert.equal(notes.filter((note) => note.includes('loaded configuration')).length, 20);
  assert.ok(notes.includes('... and 5 more configuration changes (Event ID 16), 25 in all.'));
  assert.ok(!notes.some((note) => note.includes('c20.xml')));
});
