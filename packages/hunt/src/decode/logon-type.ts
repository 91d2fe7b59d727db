/**
 * Logon types (LogonType of Security 4624, 4625, 4634 and others): how the session was made.
 * From Microsoft's table for event 4624.
 */
import { decodedText, type DecodedValue } from './model.js';
import { readCode } from './number.js';

/** Logon type number to its name and a few words on what makes one. */
export const LOGON_TYPES: ReadonlyMap<number, string> = new Map([
  [0, 'System: used by the System account only, at startup'],
  [2, 'Interactive: at the keyboard and screen'],
  [3, 'Network: from another computer (shares, remote tools, most lateral movement)'],
  [4, 'Batch: a scheduled task'],
  [5, 'Service: a service started under this account'],
  [7, 'Unlock: the workstation was unlocked'],
  [8, 'NetworkCleartext: over the network with the password sent in clear text'],
  [
    9,
    'NewCredentials: a copy of the caller with other credentials for the network (runas /netonly)',
  ],
  [10, 'RemoteInteractive: Remote Desktop'],
  [11, 'CachedInteractive: at the keyboard, checked against cached domain credentials'],
  [12, 'CachedRemoteInteractive: Remote Desktop with cached domain credentials'],
  [13, 'CachedUnlock: unlocked with cached domain credentials'],
]);

/** What a LogonType value means, or undefined for a number the table does not know. */
export function decodeLogonType(value: string): DecodedValue | undefined {
  const code = readCode(value);
  const text = code === undefined ? undefined : LOGON_TYPES.get(code);
  return text === undefined ? undefined : decodedText(text);
}
