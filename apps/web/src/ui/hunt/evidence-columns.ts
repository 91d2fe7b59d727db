/**
 * The columns of a finding's evidence table, following its events: the time, record id and
 * event ID first (so they are in sight in the findings view's middle column), then the data
 * fields the events hold (a Sigma rule's matched fields first), and the source file last. A
 * field none of the events holds gets no column (no empty CommandLine for logon failures).
 */
import type { Finding } from '@evtxhunt/hunt';

import type { EventStore } from '../../store/event-store.js';

const FIRST = ['timeCreated', 'recordId', 'eventId'];

/** Data fields shown when the events hold them, in this order. */
const DATA = [
  'Image',
  'DestinationIp',
  'DestinationPort',
  'QueryName',
  'TargetFilename',
  'CommandLine',
  'TargetUserName',
  'IpAddress',
  'LogonType',
  'WorkstationName',
];

const LAST = ['file'];

/** Evidence rows looked at for the fields they hold; a big finding's first rows stand for all. */
export const ROWS_SAMPLED = 2000;

/** The column keys for the evidence table of `finding`, whose rows are `rows`. */
export function evidenceColumns(
  store: EventStore,
  finding: Finding,
  rows: ArrayLike<number>,
): string[] {
  const matched = Object.keys(finding.sigma?.fields ?? {});
  const wanted = [...new Set([...matched, ...DATA])];
  const sampled = Math.min(rows.length, ROWS_SAMPLED);
  const held = wanted.filter((key) => {
    for (let at = 0; at < sampled; at++) {
      const value = store.cell(rows[at]!, key);
      if (value !== undefined && value !== '') return true;
    }
    return false;
  });
  return [...FIRST, ...held, ...LAST];
}
