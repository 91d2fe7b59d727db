import { test } from 'node:test';
import assert from 'node:assert/strict';

import { PARENT_CHAIN_DEPTH_LIMIT, ProcessTable } from '../../src/story/process-table.js';
import { guid, securityStart, sysmonEnd, sysmonStart } from './builders.js';

const CMD = 'C:\\Windows\\System32\\cmd.exe';
const NOTEPAD = 'C:\\Windows\\System32\\notepad.exe';
const EXPLORER = 'C:\\Windows\\explorer.exe';

/** The epoch milliseconds of `HH:MM:SS.mmm` on 2024-05-01. */
function ms(clock: string): number {
  return Date.parse(`2024-05-01T${clock}Z`);
}

test('ProcessTable.findByPid takes the latest start of a reused pid at or before the time', () => {
  const table = new ProcessTable();
  table.add(securityStart({ pid: 0x1a2c, image: CMD, at: '10:00:00.000' }));
  table.add(securityStart({ pid: 0x1a2c, image: NOTEPAD, at: '11:00:00.000' }));

  assert.equal(table.findByPid('WS01', 0x1a2c, ms('09:59:59.999')), undefined);
  assert.equal(table.findByPid('WS01', 0x1a2c, ms('10:30:00.000'))?.image, CMD);
  assert.equal(table.findByPid('WS01', 0x1a2c, ms('11:00:00.000'))?.image, NOTEPAD);
  assert.equal(table.findByPid('ws01', 0x1a2c, ms('12:00:00.000'))?.image, NOTEPAD);
  assert.equal(table.findByPid('WS02', 0x1a2c, ms('12:00:00.000')), undefined);
  assert.equal(table.size, 2);
});

test('ProcessTable.findByPid: a pid whose logged owner ended is not that process any more', () => {
  const table = new ProcessTable();
  table.add(sysmonStart({ guid: guid(1), pid: 700, image: CMD, at: '10:00:00.000' }));
  table.add(sysmonEnd(guid(1), 700, '10:05:00.000'));

  assert.equal(table.findByPid('WS01', 700, ms('10:04:00.000'))?.guid, guid(1));
  assert.equal(table.findByPid('WS01', 700, ms('10:06:00.000')), undefined);
});

test('ProcessTable.parentChain follows pids: a 4688 child of a reused pid finds the right parent', () => {
  const table = new ProcessTable();
  table.add(securityStart({ pid: 100, image: EXPLORER, at: '09:00:00.000' }));
  table.add(securityStart({ pid: 200, image: CMD, parentPid: 100, at: '10:00:00.000' }));
  table.add(securityStart({ pid: 200, image: NOTEPAD, parentPid: 100, at: '10:30:00.000' }));
  const child = table.add(
    securityStart({ pid: 300, image: 'C:\\t\\a.exe', parentPid: 200, at: '10:10:00.000' }),
  );

  const chain = table.parentChain(child ?? '');
  assert.deepEqual(
    chain.ancestors.map((node) => node.image),
    [CMD, EXPLORER],
  );
  assert.equal(chain.end, 'root');
});

test('ProcessTable.parentChain crosses from Security 4688 to Sysmon 1 and back to a guid', () => {
  const table = new ProcessTable();
  table.add(sysmonStart({ guid: guid(1), pid: 500, image: EXPLORER, at: '09:00:00.000' }));
  table.add(
    sysmonStart({
      guid: guid(2),
      pid: 600,
      image: CMD,
      parentGuid: guid(1),
      parentPid: 500,
      at: '09:10:00.000',
    }),
  );
  const child = table.add(
    securityStart({ pid: 0x2f0, image: NOTEPAD, parentPid: 600, at: '09:20:00.000' }),
  );

  const chain = table.parentChain(child ?? '');
  assert.deepEqual(
    chain.ancestors.map((node) => [node.guid, node.image, node.knownAs]),
    [
      [guid(2), CMD, 'started'],
      [guid(1), EXPLORER, 'started'],
    ],
  );
  assert.equal(chain.end, 'root');
});

test('ProcessTable: a parent whose start is not logged is a node made from the child event', () => {
  const table = new ProcessTable();
  const child = table.add(
    sysmonStart({
      guid: guid(2),
      pid: 600,
      image: CMD,
      parentGuid: guid(9),
      parentPid: 4,
      parentImage: 'C:\\Windows\\System32\\services.exe',
      at: '09:10:00.000',
    }),
  );

  const chain = table.parentChain(child ?? '');
  assert.equal(chain.end, 'start-not-logged');
  assert.equal(chain.ancestors.length, 1);
  assert.equal(chain.ancestors[0]?.knownAs, 'parent');
  assert.equal(chain.ancestors[0]?.pid, 4);
  assert.equal(chain.ancestors[0]?.image, 'C:\\Windows\\System32\\services.exe');
  assert.equal(chain.ancestors[0]?.start, undefined);
  assert.equal(table.size, 2);
});

test('ProcessTable: a 4688 parent known only by pid is a node that is not kept', () => {
  const table = new ProcessTable();
  const child = table.add(
    securityStart({
      pid: 0x30,
      image: CMD,
      parentPid: 0x20,
      parentImage: EXPLORER,
      at: '09:00:00.000',
    }),
  );

  const chain = table.parentChain(child ?? '');
  assert.equal(chain.end, 'start-not-logged');
  assert.deepEqual(
    chain.ancestors.map((node) => [node.pid, node.image, node.knownAs]),
    [[0x20, EXPLORER, 'parent']],
  );
  assert.equal(table.size, 1);
});

test('ProcessTable: a child logged before its parent still finds it (files in any order)', () => {
  const table = new ProcessTable();
  const child = table.add(
    sysmonStart({ guid: guid(2), pid: 600, image: CMD, parentGuid: guid(1), at: '09:10:00.000' }),
  );
  table.add(sysmonStart({ guid: guid(1), pid: 500, image: EXPLORER, at: '09:00:00.000' }));

  const [parent] = table.parentChain(child ?? '').ancestors;
  assert.equal(parent?.knownAs, 'started');
  assert.equal(parent?.image, EXPLORER);
  assert.equal(parent?.start?.evidence.eventId, 1);
});

test('ProcessTable.parentChain stops on a cycle of guids', () => {
  const table = new ProcessTable();
  table.add(
    sysmonStart({ guid: guid(1), pid: 1, image: CMD, parentGuid: guid(2), at: '09:00:00.000' }),
  );
  const key = table.add(
    sysmonStart({ guid: guid(2), pid: 2, image: NOTEPAD, parentGuid: guid(1), at: '09:00:01.000' }),
  );

  const chain = table.parentChain(key ?? '');
  assert.equal(chain.end, 'cycle');
  assert.deepEqual(
    chain.ancestors.map((node) => node.guid),
    [guid(1)],
  );
});

test('ProcessTable.parentChain stops at PARENT_CHAIN_DEPTH_LIMIT ancestors', () => {
  const table = new ProcessTable();
  let key: string | undefined;
  for (let n = 1; n <= PARENT_CHAIN_DEPTH_LIMIT + 10; n++) {
    const at = `09:${String(Math.floor(n / 60)).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}.000`;
    key = table.add(
      sysmonStart({ guid: guid(n), pid: n, image: CMD, parentGuid: guid(n - 1), at }),
    );
  }

  const chain = table.parentChain(key ?? '');
  assert.equal(chain.end, 'depth-limit');
  assert.equal(chain.ancestors.length, PARENT_CHAIN_DEPTH_LIMIT);
});

test('ProcessTable: Sysmon 1 and 4688 of one process share one entry, in either order', () => {
  for (const order of ['sysmon first', 'security first']) {
    const table = new ProcessTable();
    const sysmon = sysmonStart({ guid: guid(1), pid: 0x44c, image: CMD, at: '09:00:00.120' });
    const security = securityStart({ pid: 0x44c, image: CMD, at: '09:00:00.125' });
    const keys = (order === 'sysmon first' ? [sysmon, security] : [security, sysmon]).map((start) =>
      table.add(start),
    );

    assert.equal(table.size, 1, order);
    assert.equal(table.get(keys[0] ?? '')?.key, table.get(keys[1] ?? '')?.key, order);
    assert.equal(table.findByGuid('WS01', guid(1))?.pid, 0x44c, order);
  }
});

test('ProcessTable: twins match by image file name, as Sysmon and Security spell paths apart', () => {
  const table = new ProcessTable();
  table.add(
    sysmonStart({ guid: guid(1), pid: 6072, image: '\\\\VBoxSvr\\x\\M.exe', at: '09:00:00.619' }),
  );
  table.add(
    securityStart({ pid: 6072, image: '\\Device\\Mup\\VBoxSvr\\x\\m.exe', at: '09:00:00.620' }),
  );
  table.add(securityStart({ pid: 6072, image: 'C:\\Windows\\conhost.exe', at: '09:00:00.621' }));

  assert.equal(table.size, 2);
  assert.equal(table.findByPid('WS01', 6072, ms('09:00:00.620'))?.guid, guid(1));
  assert.equal(
    table.findByPid('WS01', 6072, ms('09:00:01.000'))?.image,
    'C:\\Windows\\conhost.exe',
  );
});

test('ProcessTable: a 4688 twin of a process first seen acting merges into the guid entry', () => {
  const table = new ProcessTable();
  const security = table.add(securityStart({ pid: 0x44c, image: CMD, at: '09:00:00.125' }));
  table.note('WS01', { guid: guid(1), image: CMD });
  table.add(sysmonStart({ guid: guid(1), pid: 0x44c, image: CMD, at: '09:00:00.120' }));

  assert.equal(table.size, 1);
  assert.equal(table.get(security ?? '')?.guid, guid(1));
  assert.equal(table.findByPid('WS01', 0x44c, ms('09:10:00.000'))?.guid, guid(1));
});

test('ProcessTable: guids compare without braces or case; the all-zero guid names nobody', () => {
  const table = new ProcessTable();
  table.add(sysmonStart({ guid: guid(1), pid: 500, image: EXPLORER, at: '09:00:00.000' }));
  const child = table.add(
    sysmonStart({
      guid: guid(2),
      pid: 600,
      image: CMD,
      parentGuid: '{00000000-0000-0000-0000-000000000000}',
      parentPid: 500,
      at: '09:10:00.000',
    }),
  );

  assert.equal(table.findByGuid('WS01', guid(1).slice(1, -1).toUpperCase())?.pid, 500);
  assert.equal(table.parentChain(child ?? '').ancestors[0]?.guid, guid(1));
  assert.equal(table.size, 2);
});

test('ProcessTable: starts with the all-zero guid stay apart, known by pid and time', () => {
  const table = new ProcessTable();
  const zero = '{00000000-0000-0000-0000-000000000000}';
  const a = table.add(sysmonStart({ guid: zero, pid: 10, image: CMD, at: '09:00:00.000' }));
  const b = table.add(sysmonStart({ guid: zero, pid: 11, image: NOTEPAD, at: '09:00:01.000' }));

  assert.equal(table.size, 2);
  assert.notEqual(a, b);
  assert.equal(table.get(a ?? '')?.guid, undefined);
  assert.equal(table.findByPid('WS01', 11, ms('09:00:02.000'))?.image, NOTEPAD);
});

test('ProcessTable.parentChain names the key it cannot find', () => {
  assert.throws(() => new ProcessTable().parentChain('nope'), {
    name: 'RangeError',
    message: 'No process with key "nope"',
  });
});

test('ProcessTable with parents: false keeps starts without their parents', () => {
  const table = new ProcessTable({ parents: false });
  const key = table.add(
    sysmonStart({
      guid: guid(2),
      pid: 200,
      image: NOTEPAD,
      at: '10:00:01.000',
      parentGuid: guid(1),
      parentPid: 100,
      parentImage: EXPLORER,
    }),
  );

  assert.equal(table.size, 1, 'the parent is not noted');
  const node = key === undefined ? undefined : table.get(key);
  assert.equal(node?.image, NOTEPAD);
  assert.equal(node?.parent, undefined);
  assert.deepEqual(key === undefined ? undefined : table.parentChain(key), {
    ancestors: [],
    end: 'root',
  });
});

test('ProcessTable finds a guid shaped like a Security start key by its guid, not the start', () => {
  const table = new ProcessTable();
  const security = table.add(securityStart({ pid: 0x10, image: CMD, at: '10:00:00.000' }));
  const odd = security?.split('\u0000')[1] ?? '';
  const sysmon = table.add(sysmonStart({ guid: odd, pid: 16, image: NOTEPAD, at: '11:00:00.000' }));

  assert.notEqual(sysmon, security);
  assert.equal(table.size, 2);
  assert.equal(table.findByGuid('WS01', odd)?.image, NOTEPAD);
  assert.equal(table.findByGuid('WS01', '{GUID-WITH SPACE}'), undefined);
  table.note('WS01', { guid: '{GUID-WITH SPACE}', image: CMD });
  assert.equal(table.findByGuid('WS01', '{guid-with space}')?.image, CMD);
  assert.equal(table.size, 3);
});
