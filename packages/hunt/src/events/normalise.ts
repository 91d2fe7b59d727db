/** One entry point: any record in, the activity it describes (or undefined) out. */
import type { EventRecord } from '../record.js';
import type { Activity } from './activity.js';
import { isSecurityProcessCreate, securityProcessStart } from './security.js';
import { isSysmonRecord, sysmonActivity } from './sysmon.js';

/**
 * The activity a record describes: Sysmon events 1, 3, 5, 7, 8, 10-15, 17, 18, 22, 23, 25, 26
 * and Security 4688. Other records, and records without a usable time, give undefined.
 */
export function toActivity(record: EventRecord): Activity | undefined {
  if (isSysmonRecord(record)) return sysmonActivity(record);
  if (isSecurityProcessCreate(record)) return securityProcessStart(record);
  return undefined;
}
