/**
 * The Hunts menu in the order it lists them: the engine's network findings first, then the
 * Security and Sysmon queries. Each hunt lives in a file of its own in this folder.
 */
import { ADMIN_PORTS_INBOUND } from './admin-ports-inbound.js';
import { BEACONING } from './beaconing.js';
import { DOWNLOAD_CHAIN } from './download-chain.js';
import { ENCODED_POWERSHELL } from './encoded-powershell.js';
import { LOG_CLEARED } from './log-cleared.js';
import { LOLBIN_INBOUND } from './lolbin-inbound.js';
import { LOLBIN_OUTBOUND } from './lolbin-outbound.js';
import { LSASS_ACCESS } from './lsass-access.js';
import type { ReadyHunt } from './model.js';
import { NEW_SERVICES } from './new-services.js';
import { RARE_DNS } from './rare-dns.js';
import { REMOTE_LOGONS } from './remote-logons.js';
import { RUN_KEY_PERSISTENCE } from './run-key-persistence.js';
import { SERVICE_OUTBOUND } from './service-outbound.js';
import { USER_WRITABLE_DLL_LOADS } from './user-writable-dll-loads.js';
import { USER_WRITABLE_OUTBOUND } from './user-writable-outbound.js';
import { WORKSTATION_TO_WORKSTATION } from './workstation-to-workstation.js';

/** Every ready-made hunt. */
export const READY_HUNTS: readonly ReadyHunt[] = [
  LOLBIN_OUTBOUND,
  USER_WRITABLE_OUTBOUND,
  BEACONING,
  SERVICE_OUTBOUND,
  ADMIN_PORTS_INBOUND,
  WORKSTATION_TO_WORKSTATION,
  LOLBIN_INBOUND,
  DOWNLOAD_CHAIN,
  NEW_SERVICES,
  LOG_CLEARED,
  REMOTE_LOGONS,
  ENCODED_POWERSHELL,
  LSASS_ACCESS,
  RUN_KEY_PERSISTENCE,
  USER_WRITABLE_DLL_LOADS,
  RARE_DNS,
];

/** The hunt named `id`, or undefined. */
export function readyHunt(id: string): ReadyHunt | undefined {
  return READY_HUNTS.find((hunt) => hunt.id === id);
}
