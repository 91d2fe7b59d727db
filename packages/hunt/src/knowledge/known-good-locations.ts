/**
 * Vendors that install on purpose into user-writable places (ProgramData, AppData), so that a
 * detection keyed on "runs from a user-writable place" can set them aside. Each row names the
 * vendor, the folder (a path pattern) and, where the vendor's set is small, the file names.
 *
 * These folders are writable by the user, so malware can drop a file there too: a match here
 * is a reason to look at the signature (Sysmon's Signed/Signature fields), not proof.
 */
import { compilePathPattern, isPathUnder, type PathPattern } from '../paths/path-pattern.js';
import { baseName, parseWindowsPath, type WindowsPath } from '../paths/windows-path.js';

/** One known-good vendor location. */
export interface KnownGoodLocation {
  readonly vendor: string;
  readonly product: string;
  /** A folder pattern; anything below it matches. */
  readonly folder: string;
  /** Lowercase file names expected there; empty when the vendor ships too many to list. */
  readonly images: readonly string[];
}

/** The table. Folders are the vendors' documented per-user or ProgramData install paths. */
export const KNOWN_GOOD_LOCATIONS: readonly KnownGoodLocation[] = [
  {
    vendor: 'Microsoft',
    product: 'Defender antivirus platform (updated outside Program Files)',
    folder: '?:\\programdata\\microsoft\\windows defender\\platform\\*',
    images: [],
  },
  {
    vendor: 'Microsoft',
    product: 'Defender definition updates (drivers loaded from here)',
    folder: '?:\\programdata\\microsoft\\windows defender\\definition updates',
    images: [],
  },
  {
    vendor: 'Microsoft',
    product: 'OneDrive (per-user install)',
    folder: '?:\\users\\*\\appdata\\local\\microsoft\\onedrive',
    images: [],
  },
  {
    vendor: 'Microsoft',
    product: 'Teams classic (per-user install)',
    folder: '?:\\users\\*\\appdata\\local\\microsoft\\teams',
    images: ['teams.exe', 'update.exe', 'squirrel.exe'],
  },
  {
    vendor: 'Microsoft',
    product: 'Edge Update (per-user)',
    folder: '?:\\users\\*\\appdata\\local\\microsoft\\edgeupdate',
    images: [],
  },
  {
    vendor: 'Microsoft',
    product: 'Visual Studio Code (per-user install)',
    folder: '?:\\users\\*\\appdata\\local\\programs\\microsoft vs code',
    images: [],
  },
  {
    vendor: 'Google',
    product: 'Chrome (per-user install)',
    folder: '?:\\users\\*\\appdata\\local\\google\\chrome\\application',
    images: [],
  },
  {
    vendor: 'Google',
    product: 'Google Update (per-user)',
    folder: '?:\\users\\*\\appdata\\local\\google\\update',
    images: [],
  },
  {
    vendor: 'Zoom',
    product: 'Zoom client (per-user install)',
    folder: '?:\\users\\*\\appdata\\roaming\\zoom\\bin',
    images: [],
  },
  {
    vendor: 'Slack',
    product: 'Slack (per-user install)',
    folder: '?:\\users\\*\\appdata\\local\\slack',
    images: ['slack.exe', 'update.exe'],
  },
];

const COMPILED: readonly { readonly row: KnownGoodLocation; readonly folder: PathPattern }[] =
  KNOWN_GOOD_LOCATIONS.map((row) => ({ row, folder: compilePathPattern(row.folder) }));

/**
 * The known-good vendor location holding the image, or undefined. When the row lists file
 * names, the image's name must be one of them.
 */
export function knownGoodLocation(image: string | WindowsPath): KnownGoodLocation | undefined {
  const path = typeof image === 'string' ? parseWindowsPath(image) : image;
  const name = baseName(path);

  const found = COMPILED.find(
    ({ row, folder }) =>
      isPathUnder(path, folder) && (row.images.length === 0 || row.images.includes(name)),
  );
  return found?.row;
}
