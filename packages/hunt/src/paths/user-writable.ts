/**
 * The folders an ordinary user (or malware running as one) can write to, as data. A program
 * started from one of them was put there by someone other than an installer running as admin.
 * Vendors that install there on purpose are listed in knowledge/known-good-locations.ts.
 */
import { bySpecificity, compilePathPattern, isPathUnder } from './path-pattern.js';
import { parseWindowsPath, type WindowsPath } from './windows-path.js';

/** Names of the user-writable places. */
export type UserWritablePlaceId =
  | 'temp'
  | 'appdata-roaming'
  | 'appdata-local'
  | 'appdata-locallow'
  | 'downloads'
  | 'desktop'
  | 'documents'
  | 'user-profile'
  | 'users-public'
  | 'programdata'
  | 'windows-temp'
  | 'recycle-bin'
  | 'perflogs'
  | 'windows-tasks'
  | 'spool-drivers-color'
  | 'spool'
  | 'tracing'
  | 'machine-keys'
  | 'fax-temp'
  | 'com-dmp'
  | 'windows-registration';

/** A user-writable place a path is in. */
export interface UserWritablePlace {
  readonly id: UserWritablePlaceId;
  readonly label: string;
  /** The table pattern that matched, e.g. `?:\users\*\appdata\local\temp`. */
  readonly pattern: string;
}

/** One place: its id, a short label for reports, and the folder patterns that spell it. */
export interface PlaceDefinition {
  readonly id: UserWritablePlaceId;
  readonly label: string;
  readonly patterns: readonly string[];
}

/**
 * The places. Profiles match under any user name, 8.3 names (`ADMINI~1`) and the `%username%`
 * stand-in for unexpanded variables included; `documents and settings` rows are Windows XP.
 * The folders under C:\Windows are those listed as writable by Users on Windows 10 1803 in the
 * UltimateAppLockerByPassList (api0cradle, Generic-AppLockerbypasses.md).
 *
 * TODO: new folders at a drive root (`C:\TOOLS`) are writable by Authenticated Users in a
 * default install but are not listed: telling them from vendors' root folders needs a list of
 * the folders Windows and common installers create there.
 */
export const USER_WRITABLE_PLACES: readonly PlaceDefinition[] = [
  {
    id: 'temp',
    label: 'user temp folder (%TEMP%)',
    patterns: [
      '?:\\users\\*\\appdata\\local\\temp',
      '?:\\documents and settings\\*\\local settings\\temp',
    ],
  },
  {
    id: 'appdata-roaming',
    label: 'roaming app data (%APPDATA%)',
    patterns: ['?:\\users\\*\\appdata\\roaming', '?:\\documents and settings\\*\\application data'],
  },
  {
    id: 'appdata-local',
    label: 'local app data (%LOCALAPPDATA%)',
    patterns: ['?:\\users\\*\\appdata\\local', '?:\\documents and settings\\*\\local settings'],
  },
  {
    id: 'appdata-locallow',
    label: 'low-integrity app data',
    patterns: ['?:\\users\\*\\appdata\\locallow'],
  },
  { id: 'downloads', label: 'Downloads folder', patterns: ['?:\\users\\*\\downloads'] },
  {
    id: 'desktop',
    label: 'Desktop',
    patterns: ['?:\\users\\*\\desktop', '?:\\documents and settings\\*\\desktop'],
  },
  {
    id: 'documents',
    label: 'Documents folder',
    patterns: ['?:\\users\\*\\documents', '?:\\documents and settings\\*\\my documents'],
  },
  {
    id: 'user-profile',
    label: 'user profile',
    patterns: ['?:\\users\\*', '?:\\documents and settings\\*'],
  },
  {
    id: 'users-public',
    label: 'public profile (C:\\Users\\Public)',
    patterns: ['?:\\users\\public'],
  },
  // C:\Users\All Users is a link to ProgramData.
  {
    id: 'programdata',
    label: 'ProgramData',
    patterns: ['?:\\programdata', '?:\\users\\all users'],
  },
  { id: 'windows-temp', label: 'Windows temp folder', patterns: ['?:\\windows\\temp'] },
  {
    id: 'recycle-bin',
    label: 'Recycle Bin',
    patterns: ['?:\\$recycle.bin', '?:\\recycler', '?:\\recycled'],
  },
  { id: 'perflogs', label: 'PerfLogs', patterns: ['?:\\perflogs'] },
  {
    id: 'windows-tasks',
    label: 'scheduled task folder',
    patterns: [
      '?:\\windows\\tasks',
      '?:\\windows\\system32\\tasks\\microsoft\\windows\\synccenter',
      '?:\\windows\\system32\\tasks_migrated',
      '?:\\windows\\syswow64\\tasks\\microsoft\\windows\\synccenter',
      '?:\\windows\\syswow64\\tasks\\microsoft\\windows\\pla\\system',
    ],
  },
  {
    id: 'spool-drivers-color',
    label: 'print spooler colour profiles',
    patterns: ['?:\\windows\\system32\\spool\\drivers\\color'],
  },
  {
    id: 'spool',
    label: 'print spooler queue folder',
    patterns: ['?:\\windows\\system32\\spool\\printers', '?:\\windows\\system32\\spool\\servers'],
  },
  { id: 'tracing', label: 'Windows tracing folder', patterns: ['?:\\windows\\tracing'] },
  {
    id: 'machine-keys',
    label: 'machine key store',
    patterns: ['?:\\windows\\system32\\microsoft\\crypto\\rsa\\machinekeys'],
  },
  {
    id: 'fax-temp',
    label: 'fax temp folder',
    patterns: ['?:\\windows\\system32\\fxstmp', '?:\\windows\\syswow64\\fxstmp'],
  },
  {
    id: 'com-dmp',
    label: 'COM dump folder',
    patterns: ['?:\\windows\\system32\\com\\dmp', '?:\\windows\\syswow64\\com\\dmp'],
  },
  {
    id: 'windows-registration',
    label: 'COM+ registration log',
    patterns: ['?:\\windows\\registration\\crmlog'],
  },
];

/** Inside `C:\Users` but written only by administrators: the template for new profiles. */
const NOT_PLACES = ['?:\\users\\default', '?:\\users\\default user'].map(compilePathPattern);

/** Every pattern with its place, most specific first. */
const COMPILED = USER_WRITABLE_PLACES.flatMap(({ id, label, patterns }) =>
  patterns.map((text) => ({ id, label, pattern: compilePathPattern(text) })),
).sort((a, b) => bySpecificity(a.pattern, b.pattern));

/**
 * The most specific user-writable place holding the path (the folder itself or anything below
 * it), or undefined. `C:\Users\Default`, the template for new profiles, is not a place.
 */
export function userWritablePlace(path: string | WindowsPath): UserWritablePlace | undefined {
  const parsed = typeof path === 'string' ? parseWindowsPath(path) : path;
  if (NOT_PLACES.some((pattern) => isPathUnder(parsed, pattern))) return undefined;

  const place = COMPILED.find((candidate) => isPathUnder(parsed, candidate.pattern));
  return place && { id: place.id, label: place.label, pattern: place.pattern.text };
}
