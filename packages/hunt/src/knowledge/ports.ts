/**
 * Remote-administration ports. Port numbers and service names are the IANA assignments
 * (Service Name and Transport Protocol Port Number Registry) unless a row says otherwise; the
 * lateral-movement flag follows MITRE ATT&CK T1021 (Remote Services) and T1047 (WMI over DCOM).
 */

/** Transport of a port row; Sysmon writes `tcp` or `udp` in the Protocol field. */
export type Transport = 'tcp' | 'udp';

/** One administration port. */
export interface AdminPort {
  readonly port: number;
  readonly transport: Transport;
  /** Short lowercase service key, e.g. `rdp`. */
  readonly service: string;
  readonly label: string;
  /** True for services used to move between hosts: SSH, Telnet, RPC/DCOM, SMB, RDP, WinRM, VNC. */
  readonly lateralMovement: boolean;
}

/** `lateral`: a service used to move between hosts; `admin`: management only. */
type Use = 'lateral' | 'admin';

/** The table, by port: port, transport, service key, label, use. */
const ROWS: readonly (readonly [number, Transport, string, string, Use])[] = [
  [22, 'tcp', 'ssh', 'SSH', 'lateral'], // ATT&CK T1021.004
  [23, 'tcp', 'telnet', 'Telnet', 'lateral'],
  [135, 'tcp', 'msrpc', 'RPC endpoint mapper / DCOM', 'lateral'], // T1021.003, T1047
  [137, 'udp', 'netbios-ns', 'NetBIOS name service', 'admin'],
  [138, 'udp', 'netbios-dgm', 'NetBIOS datagram service', 'admin'],
  [139, 'tcp', 'netbios-ssn', 'SMB over NetBIOS', 'lateral'], // T1021.002
  [161, 'udp', 'snmp', 'SNMP', 'admin'],
  [445, 'tcp', 'smb', 'SMB (microsoft-ds)', 'lateral'], // T1021.002
  [512, 'tcp', 'rexec', 'rexec', 'lateral'],
  [513, 'tcp', 'rlogin', 'rlogin', 'lateral'],
  [514, 'tcp', 'rsh', 'rsh', 'lateral'],
  [623, 'udp', 'ipmi', 'IPMI / BMC (asf-rmcp)', 'admin'],
  [1433, 'tcp', 'mssql', 'Microsoft SQL Server', 'admin'],
  [2179, 'tcp', 'vmrdp', 'Hyper-V VM console', 'admin'],
  [3389, 'tcp', 'rdp', 'Remote Desktop (RDP)', 'lateral'], // T1021.001
  [3389, 'udp', 'rdp', 'Remote Desktop (RDP over UDP)', 'lateral'], // T1021.001
  [5900, 'tcp', 'vnc', 'VNC (rfb)', 'lateral'], // T1021.005
  [5938, 'tcp', 'teamviewer', 'TeamViewer', 'admin'], // TeamViewer's documentation; T1219
  [5985, 'tcp', 'winrm', 'WinRM (HTTP)', 'lateral'], // T1021.006
  [5986, 'tcp', 'winrm-https', 'WinRM (HTTPS)', 'lateral'], // T1021.006
  [9389, 'tcp', 'adws', 'Active Directory Web Services', 'admin'], // Microsoft's AD DS docs
];

/** The rows as records. */
export const ADMIN_PORTS: readonly AdminPort[] = ROWS.map(
  ([port, transport, service, label, use]) => ({
    port,
    transport,
    service,
    label,
    lateralMovement: use === 'lateral',
  }),
);

const BY_KEY = new Map(ADMIN_PORTS.map((row) => [`${row.port}/${row.transport}`, row]));

/**
 * The administration port row for a port (number, or decimal text as Sysmon writes it in
 * DestinationPort) and transport (default `tcp`; compared without case). Undefined otherwise.
 */
export function adminPort(port: number | string, transport = 'tcp'): AdminPort | undefined {
  const number = typeof port === 'number' ? port : parsePort(port);
  if (number === undefined) return undefined;
  return BY_KEY.get(`${number}/${transport.toLowerCase()}`);
}

/** True when the port carries a lateral-movement service (RDP, SMB, WinRM, RPC/DCOM, SSH, ...). */
export function isLateralMovementPort(port: number | string, transport = 'tcp'): boolean {
  return adminPort(port, transport)?.lateralMovement === true;
}

function parsePort(text: string): number | undefined {
  if (!/^(?:0|[1-9][0-9]{0,4})$/.test(text.trim())) return undefined;

  const value = Number(text.trim());
  return value <= 65535 ? value : undefined;
}
