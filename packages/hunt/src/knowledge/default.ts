/**
 * The engine's Knowledge (engine/knowledge.ts) built from the tables in this folder and in
 * paths/. Each image path is parsed once per lookup; the tables do the rest.
 */
import type { Knowledge, KnownRemoteExecutionHost, KnownServiceHost } from '../engine/knowledge.js';
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

/**
 * Processes whose children follow a remote request, and the ports those requests arrive on:
 * WMI (over RPC or DCOM, after the tool's files arrive over SMB, or WinRM), WinRM and WinRS, the
 * service control manager over SMB named pipes (PsExec, smbexec), DCOM MMC20. RDP is none of
 * them: a session's logon starts services and shells that are not remote execution.
 */
const REMOTE_EXECUTION_HOSTS: Readonly<Record<string, KnownRemoteExecutionHost>> = {
  'wmiprvse.exe': { label: 'WmiPrvSE.exe (WMI)', ports: [135, 139, 445, 5985, 5986] },
  'wsmprovhost.exe': { label: 'wsmprovhost.exe (WinRM)', ports: [5985, 5986] },
  'winrshost.exe': { label: 'winrshost.exe (WinRS)', ports: [5985, 5986] },
  'services.exe': { label: 'services.exe (a new service, as PsExec creates)', ports: [139, 445] },
  'mmc.exe': { label: 'mmc.exe (DCOM MMC20.Application)', ports: [135] },
};

/** Children services.exe starts every day; any other child of it may be a remote service. */
const ROUTINE_SERVICE_CHILDREN = new Set([
  'wudfhost.exe',
  'sppsvc.exe',
  'trustedinstaller.exe',
  'msiexec.exe',
  'vssvc.exe',
  'msmpeng.exe',
  'nissrv.exe',
  'mousocoreworker.exe',
  'sgrmbroker.exe',
  'securityhealthservice.exe',
]);

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
    remoteExecutionHost: remoteExecutionHost,
  };
}

function remoteExecutionHost(parent: string, child: string): KnownRemoteExecutionHost | undefined {
  const name = baseName(parseWindowsPath(parent));
  const host = REMOTE_EXECUTION_HOSTS[name];
  if (host === undefined || name !== 'services.exe') return host;

  const routine =
    serviceHostFor(child) !== undefined || ROUTINE_SERVICE_CHILDREN.has(baseName(child));
  return routine ? undefined : host;
}

function serviceHost(image: string): KnownServiceHost | undefined {
  const match = serviceHostFor(image);
  if (match === undefined || match.outsideHome) return undefined;

  const name = match.serviceHost.name;
  return { name, expectedPublicPorts: EXPECTED_PUBLIC_PORTS[name] ?? [] };
}
