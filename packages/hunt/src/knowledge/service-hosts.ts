/**
 * The Windows processes that host services and system work, with where they live. Locations
 * and roles are those Microsoft documents for each process and the SANS DFIR "Hunt Evil" poster
 * lists; a process with one of these names anywhere else is a classic masquerade.
 */
import type { WindowsPath } from '../paths/windows-path.js';
import {
  HomedIndex,
  SYSTEM32_DIR,
  WBEM_DIRS,
  WINDOWS_BINARY_DIRS,
  type HomedBinary,
} from './homes.js';

/** One service-hosting process. */
export interface ServiceHost extends HomedBinary {
  readonly name: string;
  readonly homes: readonly string[];
  readonly label: string;
}

/** name, homes, label. */
const ROWS: readonly (readonly [string, readonly string[], string])[] = [
  ['svchost.exe', WINDOWS_BINARY_DIRS, 'Service Host (runs service DLLs)'],
  ['services.exe', SYSTEM32_DIR, 'Service Control Manager'],
  ['lsass.exe', SYSTEM32_DIR, 'Local Security Authority'],
  ['spoolsv.exe', SYSTEM32_DIR, 'Print Spooler'],
  ['wmiprvse.exe', WBEM_DIRS, 'WMI Provider Host'],
  ['wsmprovhost.exe', WINDOWS_BINARY_DIRS, 'WinRM plug-in host (remote PowerShell sessions)'],
  ['taskhostw.exe', SYSTEM32_DIR, 'Task host (Windows 10 and later)'],
  ['taskhost.exe', SYSTEM32_DIR, 'Task host (Windows 7)'],
  ['taskeng.exe', SYSTEM32_DIR, 'Task Scheduler engine (Windows 7)'],
  ['dllhost.exe', WINDOWS_BINARY_DIRS, 'COM Surrogate'],
  ['msdtc.exe', SYSTEM32_DIR, 'Distributed Transaction Coordinator'],
  ['searchindexer.exe', SYSTEM32_DIR, 'Windows Search indexer'],
  ['runtimebroker.exe', SYSTEM32_DIR, 'Runtime Broker (app permissions)'],
  ['sihost.exe', SYSTEM32_DIR, 'Shell Infrastructure Host'],
  ['wininit.exe', SYSTEM32_DIR, 'Windows start-up (session 0)'],
  ['winlogon.exe', SYSTEM32_DIR, 'Windows Logon'],
  ['csrss.exe', SYSTEM32_DIR, 'Client/Server Runtime'],
  ['smss.exe', SYSTEM32_DIR, 'Session Manager'],
];

/** The table. */
export const SERVICE_HOSTS: readonly ServiceHost[] = ROWS.map(([name, homes, label]) => ({
  name,
  homes,
  label,
}));

const INDEX = new HomedIndex(SERVICE_HOSTS);

/** A service host found from an image path. */
export interface ServiceHostMatch {
  readonly serviceHost: ServiceHost;
  /** The path is rooted and not in the process's home: a copy, or a fake. */
  readonly outsideHome: boolean;
}

/** The service host an image path names (by file name, without case), or undefined. */
export function serviceHostFor(image: string | WindowsPath): ServiceHostMatch | undefined {
  const match = INDEX.find(image);
  return match && { serviceHost: match.entry, outsideHome: match.outsideHome };
}

/** True when the image is a service host at home (a bare file name counts as at home). */
export function isServiceHost(image: string | WindowsPath): boolean {
  const match = serviceHostFor(image);
  return match !== undefined && !match.outsideHome;
}
