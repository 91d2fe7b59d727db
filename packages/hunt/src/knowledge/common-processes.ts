/**
 * Everyday programs that talk to the network: browsers, Office, chat and sync clients, update
 * agents and the Defender engine, with where their installers put them (per-machine under
 * Program Files, per-user under AppData). Used to check that a log covers ordinary traffic and
 * to keep ordinary traffic out of detections. Paths are the vendors' documented defaults.
 */
import type { WindowsPath } from '../paths/windows-path.js';
import { HomedIndex, SYSTEM32_DIR, type HomedBinary } from './homes.js';

/** What an everyday program is. */
export type CommonProcessKind =
  'browser' | 'office' | 'collaboration' | 'cloud-sync' | 'updater' | 'security';

/** One everyday program. */
export interface CommonProcess extends HomedBinary {
  readonly name: string;
  readonly homes: readonly string[];
  readonly kind: CommonProcessKind;
  readonly product: string;
}

const OFFICE_DIRS = [
  '?:\\program files*\\microsoft office\\root\\office*',
  '?:\\program files*\\microsoft office\\office*',
];
const DEFENDER_DIRS = [
  '?:\\program files\\windows defender',
  '?:\\programdata\\microsoft\\windows defender\\platform\\*',
];

/** name, kind, product, homes. */
const ROWS: readonly (readonly [string, CommonProcessKind, string, readonly string[]])[] = [
  [
    'chrome.exe',
    'browser',
    'Google Chrome',
    [
      '?:\\program files*\\google\\chrome\\application',
      '?:\\users\\*\\appdata\\local\\google\\chrome\\application',
    ],
  ],
  ['msedge.exe', 'browser', 'Microsoft Edge', ['?:\\program files*\\microsoft\\edge\\application']],
  [
    'microsoftedge.exe',
    'browser',
    'Microsoft Edge (legacy)',
    ['?:\\windows\\systemapps\\microsoft.microsoftedge_*'],
  ],
  [
    'firefox.exe',
    'browser',
    'Mozilla Firefox',
    ['?:\\program files*\\mozilla firefox', '?:\\users\\*\\appdata\\local\\mozilla firefox'],
  ],
  ['iexplore.exe', 'browser', 'Internet Explorer', ['?:\\program files*\\internet explorer']],
  [
    'brave.exe',
    'browser',
    'Brave',
    [
      '?:\\program files*\\bravesoftware\\brave-browser\\application',
      '?:\\users\\*\\appdata\\local\\bravesoftware\\brave-browser\\application',
    ],
  ],
  [
    'opera.exe',
    'browser',
    'Opera',
    [
      '?:\\program files*\\opera',
      '?:\\program files*\\opera\\*',
      '?:\\users\\*\\appdata\\local\\programs\\opera',
      '?:\\users\\*\\appdata\\local\\programs\\opera\\*',
    ],
  ],
  [
    'vivaldi.exe',
    'browser',
    'Vivaldi',
    [
      '?:\\program files*\\vivaldi\\application',
      '?:\\users\\*\\appdata\\local\\vivaldi\\application',
    ],
  ],
  ['winword.exe', 'office', 'Microsoft Word', OFFICE_DIRS],
  ['excel.exe', 'office', 'Microsoft Excel', OFFICE_DIRS],
  ['powerpnt.exe', 'office', 'Microsoft PowerPoint', OFFICE_DIRS],
  ['outlook.exe', 'office', 'Microsoft Outlook', OFFICE_DIRS],
  ['onenote.exe', 'office', 'Microsoft OneNote', OFFICE_DIRS],
  ['msaccess.exe', 'office', 'Microsoft Access', OFFICE_DIRS],
  ['mspub.exe', 'office', 'Microsoft Publisher', OFFICE_DIRS],
  ['visio.exe', 'office', 'Microsoft Visio', OFFICE_DIRS],
  [
    'teams.exe',
    'collaboration',
    'Microsoft Teams (classic)',
    ['?:\\users\\*\\appdata\\local\\microsoft\\teams\\current'],
  ],
  [
    'ms-teams.exe',
    'collaboration',
    'Microsoft Teams',
    ['?:\\program files\\windowsapps\\msteams_*'],
  ],
  [
    'zoom.exe',
    'collaboration',
    'Zoom',
    ['?:\\users\\*\\appdata\\roaming\\zoom\\bin', '?:\\program files*\\zoom\\bin'],
  ],
  [
    'slack.exe',
    'collaboration',
    'Slack',
    [
      '?:\\users\\*\\appdata\\local\\slack',
      '?:\\users\\*\\appdata\\local\\slack\\app-*',
      '?:\\program files\\slack',
    ],
  ],
  [
    'onedrive.exe',
    'cloud-sync',
    'Microsoft OneDrive',
    ['?:\\users\\*\\appdata\\local\\microsoft\\onedrive', '?:\\program files*\\microsoft onedrive'],
  ],
  [
    'onedrivestandaloneupdater.exe',
    'updater',
    'OneDrive updater',
    ['?:\\users\\*\\appdata\\local\\microsoft\\onedrive', '?:\\program files*\\microsoft onedrive'],
  ],
  [
    'googleupdate.exe',
    'updater',
    'Google Update',
    ['?:\\program files*\\google\\update', '?:\\users\\*\\appdata\\local\\google\\update'],
  ],
  [
    'microsoftedgeupdate.exe',
    'updater',
    'Microsoft Edge Update',
    [
      '?:\\program files*\\microsoft\\edgeupdate',
      '?:\\users\\*\\appdata\\local\\microsoft\\edgeupdate',
    ],
  ],
  [
    'officeclicktorun.exe',
    'updater',
    'Office Click-to-Run',
    ['?:\\program files\\common files\\microsoft shared\\clicktorun'],
  ],
  ['wuauclt.exe', 'updater', 'Windows Update client', SYSTEM32_DIR],
  ['usoclient.exe', 'updater', 'Windows Update orchestrator client', SYSTEM32_DIR],
  ['msmpeng.exe', 'security', 'Microsoft Defender engine', DEFENDER_DIRS],
  ['mpcmdrun.exe', 'security', 'Microsoft Defender command line', DEFENDER_DIRS],
  ['nissrv.exe', 'security', 'Microsoft Defender network inspection', DEFENDER_DIRS],
];

/** The table. */
export const COMMON_PROCESSES: readonly CommonProcess[] = ROWS.map(
  ([name, kind, product, homes]) => ({ name, kind, product, homes }),
);

const INDEX = new HomedIndex(COMMON_PROCESSES);

/** An everyday program found from an image path. */
export interface CommonProcessMatch {
  readonly process: CommonProcess;
  /** The path is rooted and not in one of the program's usual folders. */
  readonly outsideHome: boolean;
}

/** The everyday program an image path names (by file name, without case), or undefined. */
export function commonProcessFor(image: string | WindowsPath): CommonProcessMatch | undefined {
  const match = INDEX.find(image);
  return match && { process: match.entry, outsideHome: match.outsideHome };
}

/**
 * True when the image's file name is a browser's, wherever it runs from: browsers also install
 * per user and portable, so the folder alone does not make it another program. Check
 * `commonProcessFor(image).outsideHome` to tell usual installs apart.
 */
export function isBrowser(image: string | WindowsPath): boolean {
  return commonProcessFor(image)?.process.kind === 'browser';
}
