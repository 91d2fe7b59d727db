/**
 * Log sources bound to EVTX channels and event IDs, after the Sigma taxonomy appendix: a rule
 * is tried only on the events of its source. `process_creation` binds to Sysmon 1 and to
 * Security 4688 (its field names mapped, see security-4688.ts); the other Sysmon categories to
 * their event IDs; a `service` to its channel, any event ID.
 * The channel is the one the event names: an event collected by Windows Event Forwarding keeps
 * its own Channel in the collector's log (`ForwardedEvents` or another), so it is bound as on
 * the host it came from (see the CLI's fixtures/sigma-forwarded).
 */
import { fail, quoted } from './errors.js';
import { SECURITY_4688_FIELDS, type FieldMap } from './field-map.js';

/** Where one rule's events come from: a channel, maybe some event IDs, and how fields read. */
export interface SourceBinding {
  /** A stable name for the binding, e.g. `sysmon:1`, `security:4688`, `channel:system`. */
  readonly key: string;
  /** The channel, lower-cased. */
  readonly channel: string;
  /** Event IDs of the channel the rule is for; undefined for all of them. */
  readonly eventIds: readonly number[] | undefined;
  /** Sigma field names that read differently in this source; others read as named. */
  readonly fields: FieldMap | undefined;
}

/** A rule's `logsource` section. */
export interface LogSource {
  readonly product?: string;
  readonly category?: string;
  readonly service?: string;
}

export const SYSMON_CHANNEL = 'Microsoft-Windows-Sysmon/Operational';
const POWERSHELL_CHANNELS = [
  'Microsoft-Windows-PowerShell/Operational',
  'PowerShellCore/Operational',
] as const;

/** Sysmon categories of the taxonomy and their event IDs. */
const SYSMON_CATEGORIES: Readonly<Record<string, readonly number[]>> = {
  process_creation: [1],
  file_change: [2],
  network_connection: [3],
  sysmon_status: [4, 16],
  process_termination: [5],
  driver_load: [6],
  image_load: [7],
  create_remote_thread: [8],
  raw_access_thread: [9],
  process_access: [10],
  file_event: [11],
  registry_event: [12, 13, 14],
  registry_add: [12],
  registry_delete: [12],
  registry_set: [13],
  registry_rename: [14],
  create_stream_hash: [15],
  pipe_created: [17, 18],
  wmi_event: [19, 20, 21],
  dns_query: [22],
  file_delete: [23],
  clipboard_capture: [24],
  process_tampering: [25],
  file_delete_detected: [26],
  file_block_executable: [27],
  file_block_shredding: [28],
  file_executable_detected: [29],
  sysmon_error: [255],
};

/** Other categories: channel and event IDs. */
const OTHER_CATEGORIES: Readonly<Record<string, readonly [readonly string[], readonly number[]]>> =
  {
    ps_classic_start: [['Windows PowerShell'], [400]],
    ps_classic_provider_start: [['Windows PowerShell'], [600]],
    ps_classic_script: [['Windows PowerShell'], [800]],
    ps_module: [POWERSHELL_CHANNELS, [4103]],
    ps_script: [POWERSHELL_CHANNELS, [4104]],
  };

/** Categories of the taxonomy that are not written to an EVTX channel. */
const NOT_IN_EVTX: ReadonlySet<string> = new Set(['file_access', 'file_rename']);

/** Windows services of the taxonomy and their channels. */
const SERVICES: Readonly<Record<string, readonly string[]>> = {
  application: ['Application'],
  'application-experience': [
    'Microsoft-Windows-Application-Experience/Program-Telemetry',
    'Microsoft-Windows-Application-Experience/Program-Compatibility-Assistant',
  ],
  applocker: [
    'Microsoft-Windows-AppLocker/MSI and Script',
    'Microsoft-Windows-AppLocker/EXE and DLL',
    'Microsoft-Windows-AppLocker/Packaged app-Deployment',
    'Microsoft-Windows-AppLocker/Packaged app-Execution',
  ],
  'appmodel-runtime': ['Microsoft-Windows-AppModel-Runtime/Admin'],
  'appxdeployment-server': ['Microsoft-Windows-AppXDeploymentServer/Operational'],
  'appxpackaging-om': ['Microsoft-Windows-AppxPackaging/Operational'],
  bitlocker: ['Microsoft-Windows-BitLocker/BitLocker Management'],
  'bits-client': ['Microsoft-Windows-Bits-Client/Operational'],
  capi2: ['Microsoft-Windows-CAPI2/Operational'],
  'certificateservicesclient-lifecycle-system': [
    'Microsoft-Windows-CertificateServicesClient-Lifecycle-System/Operational',
  ],
  'codeintegrity-operational': ['Microsoft-Windows-CodeIntegrity/Operational'],
  dhcp: ['Microsoft-Windows-DHCP-Server/Operational'],
  'diagnosis-scripted': ['Microsoft-Windows-Diagnosis-Scripted/Operational'],
  'dns-client': ['Microsoft-Windows-DNS Client Events/Operational'],
  'dns-server': ['DNS Server'],
  'dns-server-analytic': ['Microsoft-Windows-DNS-Server/Analytical'],
  'dns-server-audit': ['Microsoft-Windows-DNS-Server/Audit'],
  'driver-framework': ['Microsoft-Windows-DriverFrameworks-UserMode/Operational'],
  'firewall-as': ['Microsoft-Windows-Windows Firewall With Advanced Security/Firewall'],
  'hyper-v-worker': ['Microsoft-Windows-Hyper-V-Worker'],
  'iis-configuration': ['Microsoft-IIS-Configuration/Operational'],
  'kernel-event-tracing': ['Microsoft-Windows-Kernel-EventTracing'],
  'kernel-shimengine': ['Microsoft-Windows-Kernel-ShimEngine/Operational'],
  ldap: ['Microsoft-Windows-LDAP-Client/Debug'],
  'lsa-server': ['Microsoft-Windows-LSA/Operational'],
  'msexchange-management': ['MSExchange Management'],
  ntfs: ['Microsoft-Windows-Ntfs/Operational'],
  ntlm: ['Microsoft-Windows-NTLM/Operational'],
  openssh: ['OpenSSH/Operational'],
  powershell: ['Microsoft-Windows-PowerShell/Operational'],
  'powershell-classic': ['Windows PowerShell'],
  'printservice-admin': ['Microsoft-Windows-PrintService/Admin'],
  'printservice-operational': ['Microsoft-Windows-PrintService/Operational'],
  security: ['Security'],
  'security-mitigations': [
    'Microsoft-Windows-Security-Mitigations/Kernel Mode',
    'Microsoft-Windows-Security-Mitigations/User Mode',
  ],
  sense: ['Microsoft-Windows-SENSE/Operational'],
  'servicebus-client': [
    'Microsoft-ServiceBus-Client/Operational',
    'Microsoft-ServiceBus-Client/Admin',
  ],
  'shell-core': ['Microsoft-Windows-Shell-Core/Operational'],
  'smbclient-security': ['Microsoft-Windows-SmbClient/Security'],
  sysmon: [SYSMON_CHANNEL],
  system: ['System'],
  taskscheduler: ['Microsoft-Windows-TaskScheduler/Operational'],
  'terminalservices-localsessionmanager': [
    'Microsoft-Windows-TerminalServices-LocalSessionManager/Operational',
  ],
  vhdmp: ['Microsoft-Windows-VHDMP/Operational'],
  windefend: ['Microsoft-Windows-Windows Defender/Operational'],
  wmi: ['Microsoft-Windows-WMI-Activity/Operational'],
};

/** The sources a rule's `logsource` binds to; throws, saying why, when it binds to none. */
export function bindLogSource(source: LogSource): SourceBinding[] {
  const { product, category, service } = source;
  const shown = describe(source);
  if (product !== undefined && product !== 'windows') fail(`unsupported log source ${shown}`);
  if (category === undefined && service === undefined)
    fail(`log source ${shown} names no category or service`);

  const byService = service === undefined ? undefined : serviceBindings(service, shown);
  if (category === undefined) return byService ?? [];

  const byCategory = categoryBindings(category, shown);
  if (byService === undefined) return byCategory;
  const channels = new Set(byService.map((binding) => binding.channel));
  const both = byCategory.filter((binding) => channels.has(binding.channel));
  return both.length > 0
    ? both
    : fail(`log source ${shown}: the category is not in the service's channel`);
}

function categoryBindings(category: string, shown: string): SourceBinding[] {
  const sysmon = SYSMON_CATEGORIES[category];
  if (sysmon !== undefined) {
    const bindings = [binding(`sysmon:${category}`, SYSMON_CHANNEL, sysmon)];
    if (category === 'process_creation') {
      bindings.push(binding('security:4688', 'Security', [4688], SECURITY_4688_FIELDS));
    }
    return bindings;
  }
  const other = OTHER_CATEGORIES[category];
  if (other !== undefined) {
    return other[0].map((channel) => binding(`${category}:${channel}`, channel, other[1]));
  }
  if (NOT_IN_EVTX.has(category))
    fail(`log source ${shown} is an ETW provider, not an EVTX channel`);
  return fail(`unknown log source ${shown}`);
}

function serviceBindings(service: string, shown: string): SourceBinding[] {
  const channels = SERVICES[service] ?? fail(`unknown log source ${shown}`);
  return channels.map((channel) => binding(`channel:${channel}`, channel, undefined));
}

function binding(
  key: string,
  channel: string,
  eventIds: readonly number[] | undefined,
  fields?: FieldMap,
): SourceBinding {
  return { key, channel: channel.toLowerCase(), eventIds, fields };
}

function describe(source: LogSource): string {
  const parts = (['product', 'category', 'service'] as const).flatMap((key) =>
    source[key] === undefined ? [] : [`${key}=${quoted(String(source[key]), 40)}`],
  );
  return parts.length === 0 ? '(empty)' : parts.join(' ');
}
