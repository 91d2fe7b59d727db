import { test } from 'node:test';
import assert from 'node:assert/strict';

import { ProcessStarts } from '../../src/hunt/parent-chain.js';
import { PAGE_PACER } from '../../src/hunt/slices.js';
import { EventStore } from '../../src/store/event-store.js';
import { SHARED_EVTX, SKIP_SHARED } from '../support/paths.js';
import { row } from '../support/rows.js';
import { storeOfFiles } from '../support/store.js';

function start(guid: string, parent: string, image: string, recordId: string) {
  const fields = {
    ProcessGuid: guid,
    Image: image,
    CommandLine: `"${image}"`,
    ParentProcessGuid: parent,
    ParentImage: `parent of ${image}`,
  };
  return row(fields, { eventId: 1, recordId });
}

const ZERO = '{00000000-0000-0000-0000-000000000000}';

test('ProcessStarts.chain walks ParentProcessGuid up to a root, oldest first', async () => {
  const store = new EventStore();
  store.append(store.addFile('a.evtx'), [
    start('{A}', ZERO, 'C:\\explorer.exe', '1'),
    start('{B}', '{a}', 'C:\\cmd.exe', '2'),
    start('{C}', '{B}', 'C:\\ps.exe', '3'),
  ]);
  const starts = await ProcessStarts.index(store, PAGE_PACER);

  const chain = starts?.chain('HOST-A', '{c}');
  assert.deepEqual(
    chain?.links.map((link) => [link.image, link.row]),
    [
      ['C:\\explorer.exe', 0],
      ['C:\\cmd.exe', 1],
      ['C:\\ps.exe', 2],
    ],
  );
  assert.equal(chain?.end, 'root');
});

test('ProcessStarts.chain names a parent whose start is absent from the child', async () => {
  const store = new EventStore();
  store.append(store.addFile('a.evtx'), [start('{B}', '{A}', 'C:\\cmd.exe', '2')]);
  const starts = await ProcessStarts.index(store, PAGE_PACER);

  const chain = starts?.chain('HOST-A', '{B}');
  assert.deepEqual(chain?.links[0], {
    image: 'parent of C:\\cmd.exe',
    commandLine: undefined,
    processGuid: '{A}',
    row: undefined,
  });
  assert.equal(chain?.end, 'start-not-logged');
  assert.equal(starts?.chain('HOST-A', '{Z}', 'C:\\z.exe').links[0]?.image, 'C:\\z.exe');
});

test('ProcessStarts.chain stops at a loop', async () => {
  const store = new EventStore();
  store.append(store.addFile('a.evtx'), [
    start('{A}', '{B}', 'C:\\a.exe', '1'),
    start('{B}', '{A}', 'C:\\b.exe', '2'),
  ]);
  const starts = await ProcessStarts.index(store, PAGE_PACER);

  const chain = starts?.chain('HOST-A', '{A}');
  assert.equal(chain?.end, 'cycle');
  assert.equal(chain?.links.length, 2);
});

test(
  'ProcessStarts.chain of the sytemmoon powershell that wrote a.exe',
  { skip: SKIP_SHARED },
  async () => {
    const store = await storeOfFiles(`${SHARED_EVTX}/sytemmoon-ctf/sysmon.evtx`);
    const starts = await ProcessStarts.index(store, PAGE_PACER);

    const chain = starts?.chain('DESKTOP-1GMMPCA', '{e6abc4a2-0ef7-659c-a002-000000000b00}');
    assert.deepEqual(
      chain?.links.map((link) => [link.image?.split('\\').at(-1), link.row === undefined]),
      [
        ['cmd.exe', true],
        ['powershell.exe', false],
        ['cmd.exe', false],
        ['powershell.exe', false],
      ],
    );
    assert.equal(chain?.end, 'start-not-logged');
  },
);
