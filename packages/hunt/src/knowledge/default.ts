/**
 * The engine's Knowledge (engine/knowledge.ts) built from the tables in this folder and in
 * paths/. Each image path is parsed once per lookup; the tables do the rest.
 */
import type { Knowledge, KnownServiceHost } from '../engine/knowledge.js';
import { baseName, parseWindowsPath } from '../paths/windows-path.js';
import { userWritablePlace } from '../paths/user-writable.js';
import { isBrowser } from './common-processes.js';
import { knownGoodLocation } from './known-good-locations.js';
import { lolbinFor } from './lolbins.js';
import { adminPort } from './ports.js';
import { serviceHostFor } from './service-hosts.js';

/**
 * Public ports each service host has everyday business with. Hosts not listed here have none:
 * lsass, spoolsv, services, wininit, winlogon, csrss and smss never talk to the internet.
 */
const EXPECTED_PUBLIC_PORTS: Readonly<Record<string, readonly number[]>> = {
  'svchost.exe': [53, 80, 123, 443], // Windows Update, time, DNS client, delivery optimisation
  'dllhost.exe': [80, 443],
  'taskhostw.exe': [80, 443],
  'taskhost.exe': [80, 443],
  'runtimebroker.exe': [80, 443],
  'searchindexer.exe': [80, 443],
  'wmiprvse.exe': [80, 443],
  'wsmprovhost.exe': [80, 443],
};

/** Processes whose children follow a remote request: WMI, WinRM, WinRS and the SCM (PsExec). */
const REMOTE_EXECUTION_HOSTS: Readonly<Record<string, string>> = {
  'wmiprvse.exe': 'WmiPrvSE.exe (WMI)',
  'wsmprovhost.exe': 'wsmprovhost.exe (WinRM)',
  'winrshost.exe': 'winrshost.exe (WinRS)',
  'services.exe': 'services.exe (a new service, as PsExec creates)',
  'mmc.exe': 'mmc.exe (DCOM MMC20.Application)',
};

/** The built-in knowledge. */
export function defaultKnowledge(): Knowledge {
  return {
    lolbin(image) {
      const match = lolbinFor(image);
      if (match === undefined) return undefined;
      const { name, categories } = match.lolbin;
      return { name, category: categories.join(', '), outsideHome: match.outsideHome };
    },
    writablePlace(image) {
      const path = parseWindowsPath(image);
      const place = userWritablePlace(path);
      if (place === undefined) return undefined;
      const vendor = knownGoodLocation(path);
      const found = { id: place.id, label: place.label };
      return vendor === undefined
        ? found
        : { ...found, knownGood: `${vendor.vendor} ${vendor.product}` };
    },
    adminService(port) {
      const row = adminPort(port);
      return row && { name: row.label, lateral: row.lateralMovement };
    },
    serviceHost: serviceHost,
    isBrowser: (image) => isBrowser(image),
    isServiceControlManager: (image) => baseName(parseWindowsPath(image)) === 'services.exe',
    remoteExecutionHost: (image) => REMOTE_EXECUTION_HOSTS[baseName(parseWindowsPath(image))],
  };
}

function serviceHost(image: string): KnownServiceHost | undefined {
  const match = serviceHostFor(image);
  if (match === undefined || match.outsideHome) return undefined;

  const name = match.serviceHost.name;
  return { name, expectedPublicPorts: EXPECTED_PUBLIC_PORTS[name] ?? [] };
}
