/**
 * The export tests' Sysmon network event whose every data field an attacker chose: the one of
 * @evtxhunt/hunt's export tests, with the record header's id, which the CSV export writes.
 */
import type { StructuredRecord } from '@evtxhunt/evtx';

import { REPO } from '../run-cli.js';

const { HOSTILE: HUNT_HOSTILE } = (await import(
  `${REPO}packages/hunt/dist/test/export/hostile-record.js`
)) as { HOSTILE: Omit<StructuredRecord, 'headerRecordId'> };

export const HOSTILE: StructuredRecord = { ...HUNT_HOSTILE, headerRecordId: '7' };
