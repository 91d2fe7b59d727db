import { test } from 'node:test';
import assert from 'node:assert/strict';

import type { ProcessStart } from '../../src/events/activity.js';
import { ProcessFacts } from '../../src/engine/process-facts.js';
import { defaultKnowledge } from '../../src/knowledge/default.js';
import { ProcessTable } from '../../src/story/process-table.js';

function start(guid: string, image: string, parentImage: string, recordId: string): ProcessStart {
  return {
    kind: 'process-start',
    origin: 'sysmon',
    computer: 'WS1.corp.local',
    time: { iso: '2024-05-01T10:00:00.0000000Z', ms: Date.parse('2024-05-01T10:00:00Z') },
    process: { guid, pid: Number(recordId), image },
    parent: { image: parentImage },
    source: { recordId, eventId: 1, provider: 'Microsoft-Windows-Sysmon' },
  };
}

/** Adds each start to the table first, as the engine's stories do. */
function factsOf(starts: readonly ProcessStart[]): ProcessFacts {
  const table = new ProcessTable({ parents: false });
  const facts = new ProcessFacts(defaultKnowledge(), table);
  for (const activity of starts) {
    table.add(activity);
    facts.add(activity);
  }
  return facts;
}

test('ProcessFacts finds a parent image by the table key: host and guid without case or braces', () => {
  const facts = factsOf([
    start(
      '{AAAA0000-1111-2222-3333-444455556666}',
      'C:\\svc\\agent.exe',
      'C:\\Windows\\System32\\services.exe',
      '10',
    ),
    start('{BBBB0000-1111-2222-3333-444455556666}', 'C:\\x\\b.exe', 'C:\\x\\a.exe', '11'),
  ]);
  const services = 'C:\\Windows\\System32\\services.exe';

  assert.equal(
    facts.parentImageOf('WS1.corp.local', '{AAAA0000-1111-2222-3333-444455556666}'),
    services,
  );
  assert.equal(
    facts.parentImageOf('ws1.CORP.local', 'aaaa0000-1111-2222-3333-444455556666'),
    services,
  );
  assert.equal(
    facts.parentImageOf('WS1.corp.local', '{bbbb0000-1111-2222-3333-444455556666}'),
    'C:\\x\\a.exe',
  );
  assert.equal(facts.parentImageOf('WS2', '{AAAA0000-1111-2222-3333-444455556666}'), undefined);
  assert.equal(
    facts.parentImageOf('WS1.corp.local', '{CCCC0000-1111-2222-3333-444455556666}'),
    undefined,
  );
});

test('ProcessFacts keeps no parent image for an all-zero guid, which names no process', () => {
  const zero = '{00000000-0000-0000-0000-000000000000}';
  const facts = factsOf([start(zero, 'C:\\x\\b.exe', 'C:\\x\\a.exe', '12')]);

  assert.equal(facts.parentImageOf('WS1.corp.local', zero), undefined);
});

test('ProcessFacts names a renamed LOLBin by its original file name, under the table key', () => {
  const renamed = {
    ...start(
      '{DDDD0000-1111-2222-3333-444455556666}',
      'C:\\Users\\a\\svc.exe',
      'C:\\x\\a.exe',
      '13',
    ),
    originalFileName: 'PowerShell.EXE',
  };
  const facts = factsOf([renamed]);

  assert.equal(
    facts.renamedLolbinOf('ws1.corp.local', 'dddd0000-1111-2222-3333-444455556666'),
    'PowerShell.EXE',
  );
  assert.equal(
    facts.renamedLolbinOf('WS1.corp.local', '{AAAA0000-1111-2222-3333-444455556666}'),
    undefined,
  );
});
