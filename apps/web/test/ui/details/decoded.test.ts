/**
 * Decoded values in the details pane's model: beside the raw value, which stays as logged (it
 * is what is copied, searched and exported), on real Security and Sysmon events.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { eventDetails } from '../../../src/ui/details/event-details.js';
import { SHARED_EVTX, SKIP_SHARED } from '../../support/paths.js';
import { storeOfFiles } from '../../support/store.js';

const ZEROLOGON = `${SHARED_EVTX}/hayabusa-sample-evtx/T1210_Zerologon_WindowsDefaultLogging.evtx`;
const LSASS_DUMP = `${SHARED_EVTX}/evtx-to-mitre-attack/ID10-Mimikatz_LSASS_process_dump.evtx`;

test(
  'eventDetails decodes a 4624 logon type and SIDs beside their raw values',
  { skip: SKIP_SHARED },
  async () => {
    const store = await storeOfFiles(ZEROLOGON);
    const row = Array.from({ length: store.rowCount }, (_, i) => i).find(
      (i) => store.record(i).recordId === '12138',
    );
    const details = eventDetails(store, row ?? assert.fail('record 12138 not found'));
    const field = (key: string) => details.data.find((f) => f.key === key);

    assert.equal(field('LogonType')?.value, '3');
    assert.match(field('LogonType')?.decoded?.text ?? '', /^Network: from another computer/);
    assert.equal(field('TargetUserSid')?.value, 'S-1-5-18');
    assert.equal(field('TargetUserSid')?.decoded?.text, 'Local System (SYSTEM)');
    assert.equal(field('SubjectUserSid')?.decoded?.text, 'Nobody');
    assert.equal(field('IpAddress')?.decoded, undefined);
    assert.equal('decoded' in (field('TargetUserName') ?? {}), false);
  },
);

test(
  'eventDetails decodes Sysmon 10 GrantedAccess into process rights',
  { skip: SKIP_SHARED },
  async () => {
    const store = await storeOfFiles(LSASS_DUMP);
    const row = Array.from({ length: store.rowCount }, (_, i) => i).find(
      (i) => store.record(i).eventId === 10,
    );
    const details = eventDetails(store, row ?? assert.fail('no Sysmon 10 event'));
    const access = details.data.find((f) => f.key === 'GrantedAccess');

    assert.equal(access?.value, '0x1010');
    assert.deepEqual(access?.decoded?.parts, [
      'PROCESS_VM_READ',
      'PROCESS_QUERY_LIMITED_INFORMATION',
    ]);
  },
);
