import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
  EVENT_DOCS,
  SYSTEM_FIELD_DOCS,
  describeEvent,
  describeField,
} from '../../src/docs/describe.js';
import { SECURITY_COMMON_FIELDS } from '../../src/docs/security-docs.js';
import { SYSMON_COMMON_FIELDS } from '../../src/docs/sysmon-common-fields.js';
import { SYSMON_EVENT_FIELDS } from '../../src/docs/sysmon-fields.js';
import {
  EVENTLOG_PROVIDER,
  POWERSHELL_PROVIDER,
  SECURITY_AUDITING_PROVIDER,
  SERVICE_CONTROL_MANAGER_PROVIDER,
} from '../../src/docs/providers.js';
import { SYSMON_PROVIDER } from '../../src/sysmon.js';

const SECURITY_IDS = [
  4624, 4625, 4634, 4647, 4648, 4672, 4688, 4689, 4697, 4698, 4699, 4702, 4719, 4720, 4722, 4724,
  4728, 4732, 4738, 4740, 4756, 4768, 4769, 4771, 4776,
];

/** Every event the brief asks the details pane to explain. */
const REQUIRED: readonly (readonly [string, number])[] = [
  ...[...SYSMON_EVENT_FIELDS.keys()].map((id) => [SYSMON_PROVIDER, id] as const),
  ...SECURITY_IDS.map((id) => [SECURITY_AUDITING_PROVIDER, id] as const),
  [EVENTLOG_PROVIDER, 1102],
  [EVENTLOG_PROVIDER, 104],
  [SERVICE_CONTROL_MANAGER_PROVIDER, 7045],
  [POWERSHELL_PROVIDER, 4103],
  [POWERSHELL_PROVIDER, 4104],
];

test('describeEvent explains every required event with a title and a full-sentence summary', () => {
  for (const [provider, eventId] of REQUIRED) {
    const doc = describeEvent(provider, eventId);
    assert.ok(doc, `${provider} ${eventId} has no description`);
    assert.ok(doc.title.length > 3, `${provider} ${eventId} title`);
    assert.match(doc.summary, /^[A-Z].{30,}\.$/s, `${provider} ${eventId} summary`);
  }
  assert.equal(EVENT_DOCS.length, REQUIRED.length);
});

test('describeEvent keys on provider, so colliding Event IDs stay apart', () => {
  assert.equal(describeEvent(SECURITY_AUDITING_PROVIDER, 4625)?.title, 'Failed logon');
  assert.equal(describeEvent('Microsoft-Windows-EventSystem', 4625), undefined);
  assert.equal(describeEvent(EVENTLOG_PROVIDER, 104)?.title, 'Event log cleared');
  assert.equal(describeEvent('Microsoft-Windows-RemoteDesktopServices-RdpCoreTS', 104), undefined);
  assert.equal(describeEvent('microsoft-windows-sysmon', 3)?.title, 'Network connection');
});

test('describeField prefers the event text, then the provider text, then the System text', () => {
  assert.equal(
    describeField(SYSMON_PROVIDER, 1, 'User'),
    'Account the new process runs as, written DOMAIN\\name.',
  );
  assert.equal(
    describeField(SYSMON_PROVIDER, 5, 'User'),
    'Account the process ran as, written DOMAIN\\name.',
  );
  assert.match(
    describeField(SYSMON_PROVIDER, 3, 'ProcessGuid') ?? '',
    /^Identifier Sysmon gives the process/,
  );
  assert.match(
    describeField(SECURITY_AUDITING_PROVIDER, 4688, 'SubjectUserName') ?? '',
    /^Account that did/,
  );
  assert.match(describeField(SYSMON_PROVIDER, 3, 'computer') ?? '', /^Name of the computer/);
  assert.match(describeField('Some-Other-Provider', 1, 'timeCreated') ?? '', /^When Windows wrote/);
});

test('describeField says nothing for names an event does not have', () => {
  assert.equal(describeField(SYSMON_PROVIDER, 6, 'ProcessGuid'), undefined);
  assert.equal(describeField(SYSMON_PROVIDER, 3, 'DestinationIP'), undefined);
  assert.equal(describeField('Some-Other-Provider', 1, 'Image'), undefined);
  assert.equal(describeField(SYSMON_PROVIDER, 1, 'constructor'), undefined);
  assert.equal(describeField(SECURITY_AUDITING_PROVIDER, 4624, '__proto__'), undefined);
});

test('describeField describes every field Sysmon writes, for every event', () => {
  for (const [eventId, entry] of SYSMON_EVENT_FIELDS) {
    for (const { name } of entry.fields) {
      const text = describeField(SYSMON_PROVIDER, eventId, name);
      assert.ok(text, `Sysmon ${eventId} ${name} has no description`);
      assert.match(text, /[.)]$/, `Sysmon ${eventId} ${name}`);
    }
  }
});

test('every field text is a sentence', () => {
  const tables = [
    ...EVENT_DOCS.map((doc) => [`${doc.provider} ${doc.eventId}`, doc.fields] as const),
    ['Sysmon common', SYSMON_COMMON_FIELDS] as const,
    ['Security common', SECURITY_COMMON_FIELDS] as const,
    ['System', SYSTEM_FIELD_DOCS] as const,
  ];
  for (const [where, fields] of tables) {
    for (const [field, text] of Object.entries(fields)) {
      assert.match(text, /^\S.*[.)]$/s, `${where} ${field}`);
    }
  }
});
