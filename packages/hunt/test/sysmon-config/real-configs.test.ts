/**
 * The nine public Sysmon configurations in the shared reference data (see
 * shared/sysmon-configs/SOURCES.md). Each expectation below was checked by reading the XML at
 * the line it names, not taken from this code's output.
 */
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { parseSysmonConfig } from '../../src/sysmon-config/config.js';
import { wouldLog } from '../../src/sysmon-config/evaluate.js';
import type { SysmonConfig } from '../../src/sysmon-config/model.js';
import { eventTypeState } from '../../src/sysmon-config/state.js';

const REPO = fileURLToPath(new URL('../../../../../', import.meta.url));
const SHARED = process.env['EVTXHUNT_SHARED'] ?? `${REPO}../shared`;
const CONFIGS = `${SHARED}/sysmon-configs`;

const SWIFT = 'SwiftOnSecurity/sysmonconfig-export.xml';
const MODULAR = 'olafhartong-sysmon-modular/sysmonconfig.xml';
const EXCLUDES_ONLY = 'olafhartong-sysmon-modular/sysmonconfig-excludes-only.xml';
const MDE = 'olafhartong-sysmon-modular/sysmonconfig-mde-augment.xml';
const RESEARCH = 'olafhartong-sysmon-modular/sysmonconfig-research.xml';
const NEO = 'Neo23x0/sysmonconfig-export.xml';
const ION_STORM = 'ion-storm/sysmonconfig-export.xml';

/** Every file with its schema version, as listed in shared/sysmon-configs/README.md. */
const SCHEMAS: readonly [string, string][] = [
  [SWIFT, '4.50'],
  [MODULAR, '4.90'],
  ['olafhartong-sysmon-modular/sysmonconfig-with-filedelete.xml', '4.90'],
  [EXCLUDES_ONLY, '4.90'],
  [MDE, '4.90'],
  [RESEARCH, '4.83'],
  [NEO, '4.90'],
  ['Neo23x0/sysmonconfig-export-block.xml', '4.90'],
  [ION_STORM, '4.10'],
];

/** The configuration, or undefined after marking the test skipped when the data is absent. */
function load(t: TestContext, path: string): SysmonConfig | undefined {
  if (!existsSync(CONFIGS)) {
    t.skip(`shared Sysmon configurations not found at ${CONFIGS}; set EVTXHUNT_SHARED`);
    return undefined;
  }
  return parseSysmonConfig(readFileSync(`${CONFIGS}/${path}`, 'utf8'), path);
}

function fields(values: Record<string, string>): (name: string) => string | undefined {
  return (name) => (Object.hasOwn(values, name) ? values[name] : undefined);
}

/** An outbound connection with every Event ID 3 field a probe needs. */
function connection(overrides: Record<string, string>): (name: string) => string | undefined {
  return fields({
    Image: 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    User: 'CORP\\alice',
    Protocol: 'tcp',
    Initiated: 'true',
    SourceIsIpv6: 'false',
    SourceIp: '10.0.0.5',
    SourceHostname: 'ws01.corp.example',
    SourcePort: '50123',
    SourcePortName: '-',
    DestinationIsIpv6: 'false',
    DestinationIp: '8.8.8.8',
    DestinationHostname: 'dns.google',
    DestinationPort: '443',
    DestinationPortName: 'https',
    ...overrides,
  });
}

test('parseSysmonConfig reads all nine shared configurations with their schema versions', (t) => {
  for (const [path, schema] of SCHEMAS) {
    const config = load(t, path);
    if (config === undefined) return;

    assert.equal(config.schemaVersion, schema, path);
    assert.ok(config.eventTypes.length >= 3, `${path} has rule sets`);
    assert.ok(
      config.eventTypes.some((type) => type.element === 'NetworkConnect'),
      `${path} configures NetworkConnect`,
    );
  }
});

test('SwiftOnSecurity: chrome.exe to 8.8.8.8:443 is not logged, because no include rule takes it', (t) => {
  const config = load(t, SWIFT);
  if (config === undefined) return;

  assert.deepEqual(wouldLog(config, 3, connection({})), {
    logged: false,
    reason: 'no NetworkConnect include rule matches',
  });
  assert.deepEqual(
    [eventTypeState(config, 3)?.mode, eventTypeState(config, 3)?.includeRules],
    ['include-and-exclude', 84],
  );
});

test('SwiftOnSecurity: certutil.exe to a public IP and any .exe under the user profile are logged', (t) => {
  const config = load(t, SWIFT);
  if (config === undefined) return;

  const certutil = connection({
    Image: 'C:\\Windows\\System32\\certutil.exe',
    DestinationIp: '203.0.113.7',
    DestinationHostname: '',
  });
  assert.deepEqual(wouldLog(config, 3, certutil), {
    logged: true,
    reason: 'included by NetworkConnect include rule Image image certutil.exe (line 284)',
  });

  const temp = connection({ Image: 'C:\\Users\\x\\AppData\\Local\\Temp\\update.exe' });
  assert.deepEqual(wouldLog(config, 3, temp), {
    logged: true,
    reason: 'included by NetworkConnect include rule Image begin with C:\\Users (line 273)',
    ruleName: 'Usermode',
  });
  const metasploit = connection({ DestinationPort: '4444' });
  assert.equal(wouldLog(config, 3, metasploit).ruleName, 'Alert,Metasploit');
});

test('SwiftOnSecurity: exclude wins: Teams under the user profile and Microsoft hosts are dropped', (t) => {
  const config = load(t, SWIFT);
  if (config === undefined) return;

  const teams = connection({
    Image: 'C:\\Users\\x\\AppData\\Local\\Microsoft\\Teams\\current\\Teams.exe',
  });
  assert.deepEqual(wouldLog(config, 3, teams), {
    logged: false,
    reason:
      'excluded by NetworkConnect exclude rule Image end with AppData\\Local\\Microsoft\\Teams\\current\\Teams.exe (line 370)',
  });

  const hidden = connection({
    Image: 'C:\\Windows\\System32\\certutil.exe',
    DestinationHostname: 'evil.download.microsoft.com',
  });
  assert.deepEqual(wouldLog(config, 3, hidden), {
    logged: false,
    reason:
      'excluded by NetworkConnect exclude rule DestinationHostname end with .microsoft.com (line 371)',
  });
});

test('sysmon-modular excludes-only logs an unknown binary and drops what its rules name', (t) => {
  const config = load(t, EXCLUDES_ONLY);
  if (config === undefined) return;

  assert.deepEqual(wouldLog(config, 3, connection({ Image: 'C:\\ProgramData\\x\\beacon.exe' })), {
    logged: true,
    reason:
      'no NetworkConnect exclude rule matches, and NetworkConnect has only exclude rules, so everything else is logged',
  });
  assert.deepEqual(eventTypeState(config, 3)?.mode, 'exclude-only');

  const kerberos = { Image: 'C:\\Windows\\System32\\lsass.exe', DestinationPort: '88' };
  assert.deepEqual(wouldLog(config, 3, connection(kerberos)), {
    logged: false,
    reason:
      'excluded by NetworkConnect exclude rule Rule (line 239: Image is C:\\Windows\\System32\\lsass.exe and DestinationPort is 88)',
  });
  assert.equal(
    wouldLog(config, 3, connection({ ...kerberos, DestinationPort: '443' })).logged,
    true,
  );
  assert.equal(eventTypeState(config, 5)?.mode, 'off');
});

test('sysmon-modular default: certutil.exe is included with its ATT&CK RuleName', (t) => {
  const config = load(t, MODULAR);
  if (config === undefined) return;

  const certutil = connection({ Image: 'C:\\Windows\\System32\\certutil.exe' });
  assert.deepEqual(wouldLog(config, 3, certutil), {
    logged: true,
    reason: 'included by NetworkConnect include rule Image image certutil.exe (line 777)',
    ruleName: 'technique_id=T1218,technique_name=Signed Binary Proxy Execution',
  });
});

test('sysmon-modular research: an exclude set without rules logs every connection', (t) => {
  const config = load(t, RESEARCH);
  if (config === undefined) return;

  assert.equal(wouldLog(config, 3, connection({})).logged, true);
  assert.equal(
    eventTypeState(config, 3)?.summary,
    'logs everything (its exclude set has no rules)',
  );
});

test('sysmon-modular mde-augment: the "Contains" spelling is reported and DNS queries are off', (t) => {
  const config = load(t, MDE);
  if (config === undefined) return;

  assert.ok(
    config.warnings.some(
      (warning) =>
        warning.line === 1928 &&
        warning.message === 'condition "Contains" is not Sysmon\'s spelling; read as "contains"',
    ),
  );
  assert.deepEqual(wouldLog(config, 22, fields({ QueryName: 'example.com', Image: 'x.exe' })), {
    logged: false,
    reason: 'DnsQuery include sets have no rules, so Event ID 22 is never logged',
  });
});

test('Neo23x0: two DriverLoad include sets are both read and a match in the second logs', (t) => {
  const config = load(t, NEO);
  if (config === undefined) return;

  assert.ok(
    config.warnings.some(
      (warning) =>
        warning.line === 1767 && warning.message.startsWith('DriverLoad has 2 include rule sets'),
    ),
  );
  // Written in lower case at line 1768; Windows renders hashes in upper case.
  const written = 'SHA256=7ad0ab23023bc500c3b46f414a8b363c5f8700861bc4745cecc14dd34bcee9ed';
  const driver = fields({
    ImageLoaded: 'C:\\x\\bad.sys',
    Hashes: `MD5=00,${written.toUpperCase()}`,
  });
  assert.deepEqual(wouldLog(config, 6, driver), {
    logged: true,
    reason: `included by DriverLoad include rule Hashes contains ${written} (line 1768)`,
    ruleName: 'Vulnerable Driver Load',
  });
  assert.equal(
    wouldLog(config, 6, fields({ ImageLoaded: 'a.sys', Hashes: 'MD5=00' })).logged,
    false,
  );
});

test('ion-storm 4.10 reads bare event elements and combines their filters with OR', (t) => {
  const config = load(t, ION_STORM);
  if (config === undefined) return;

  assert.equal(config.defaultRelation, 'or');
  const network = config.eventTypes.find((type) => type.element === 'NetworkConnect');
  assert.deepEqual(
    [network?.include[0]?.line, network?.exclude[0]?.line, network?.include[0]?.groupName],
    [942, 1224, undefined],
  );
  assert.deepEqual(
    wouldLog(config, 3, connection({ Image: 'C:\\Windows\\System32\\certutil.exe' })),
    {
      logged: true,
      reason: 'included by NetworkConnect include rule Image image certutil.exe (line 964)',
      ruleName: 'Alert=Certutil Connecting to network,suspicious_net_event=True',
    },
  );
  assert.deepEqual(wouldLog(config, 22, fields({})), {
    logged: false,
    reason: 'DnsQuery is not configured, so Event ID 22 is never logged',
  });
});
