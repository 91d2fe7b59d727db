/**
 * Windows paths in the spellings event logs use, brought to one form for matching: lowercase,
 * backslashes, device prefixes (`\\?\`, `\??\`, `\Device\HarddiskVolume3\`, `\Device\Mup\`)
 * resolved, and `%SystemRoot%`-style variables and `\SystemRoot\` expanded.
 *
 * TODO: the system drive is assumed to be C: and Windows to live in C:\Windows when a variable or
 * `\SystemRoot\` is expanded, because a log record does not say where Windows is installed.
 * TODO: service ImagePath values relative to the Windows folder (`system32\drivers\x.sys`)
 * stay relative; anchoring them belongs to whoever knows the field is an ImagePath.
 */

/** A path split into where it starts and the folders and file below. */
export interface WindowsPath {
  /**
   * `c:` for a drive; `?:` for a volume the text names without a letter
   * (`\Device\HarddiskVolume3`, `\\?\Volume{...}`, shadow copies); `\\host\share` for UNC;
   * `\` for a path from the root of the current drive; empty for a relative path.
   */
  readonly root: string;
  /** Lowercase names below the root, without empty, `.` or `..` entries. */
  readonly segments: readonly string[];
  /** The whole normalised path: root, then segments joined by `\`. */
  readonly text: string;
}

/** Root of a volume whose drive letter the text does not say. */
export const SOME_VOLUME = '?:';

/** The user-profile segment standing for `%USERPROFILE%`, whose owner the text does not say. */
export const SOME_USER = '%username%';

/** Values for the variables that logs leave unexpanded, all lowercase. */
const VARIABLES: Readonly<Record<string, string>> = {
  systemroot: 'c:\\windows',
  windir: 'c:\\windows',
  systemdrive: 'c:',
  homedrive: 'c:',
  homepath: `\\users\\${SOME_USER}`,
  programfiles: 'c:\\program files',
  programw6432: 'c:\\program files',
  'programfiles(x86)': 'c:\\program files (x86)',
  commonprogramfiles: 'c:\\program files\\common files',
  'commonprogramfiles(x86)': 'c:\\program files (x86)\\common files',
  programdata: 'c:\\programdata',
  allusersprofile: 'c:\\programdata',
  public: 'c:\\users\\public',
  userprofile: `c:\\users\\${SOME_USER}`,
  appdata: `c:\\users\\${SOME_USER}\\appdata\\roaming`,
  localappdata: `c:\\users\\${SOME_USER}\\appdata\\local`,
  temp: `c:\\users\\${SOME_USER}\\appdata\\local\\temp`,
  tmp: `c:\\users\\${SOME_USER}\\appdata\\local\\temp`,
};

/** Device-namespace prefixes, lowercase, each with what it becomes. Order: longest first. */
const PREFIXES: readonly (readonly [prefix: RegExp, replacement: string])[] = [
  [/^\\\\[?.]\\unc\\/, '\\\\'], // \\?\UNC\host\share
  [/^\\(?:\?\?|global\?\?)\\unc\\/, '\\\\'], // \??\UNC\host\share
  [/^\\device\\mup\\(?:;[^\\]*\\)?/, '\\\\'], // \Device\Mup\host\share
  [/^\\device\\lanmanredirector\\(?:;[^\\]*\\)?/, '\\\\'], // \Device\LanmanRedirector\;Z:0\host
  [/^\\device\\harddiskvolume(?:shadowcopy)?\d+(?=\\|$)/, SOME_VOLUME],
  [/^\\\\[?.]\\volume\{[0-9a-f-]+\}(?=\\|$)/, SOME_VOLUME],
  [/^\\(?:\?\?|global\?\?)\\volume\{[0-9a-f-]+\}(?=\\|$)/, SOME_VOLUME],
  [/^\\\\[?.]\\(?=[a-z]:)/, ''], // \\?\C:\ and \\.\C:\
  [/^\\(?:\?\?|global\?\?)\\(?=[a-z]:)/, ''], // \??\C:\
  [/^\\systemroot(?=\\|$)/, 'c:\\windows'],
];

/** Parses a path as logs write it; see the module comment for the spellings understood. */
export function parseWindowsPath(path: string): WindowsPath {
  const plain = expandVariables(stripDevicePrefix(lowerWithBackslashes(path)));
  const { root, rest } = splitRoot(plain);

  const segments = resolveDots(rest.split('\\'));
  return { root, segments, text: formatPath(root, segments) };
}

/** The canonical lowercase spelling of a path (see parseWindowsPath). */
export function normaliseWindowsPath(path: string): string {
  return parseWindowsPath(path).text;
}

/** The lowercase file name at the end of a path (`rundll32.exe`), or empty for a bare root. */
export function baseName(path: string | WindowsPath): string {
  const segments = typeof path === 'string' ? parseWindowsPath(path).segments : path.segments;
  return segments[segments.length - 1] ?? '';
}

/** The folder holding the last segment, as a parsed path. */
export function parentPath(path: WindowsPath): WindowsPath {
  const segments = path.segments.slice(0, -1);
  return parseWindowsPath([path.root, ...segments].join('\\'));
}

function lowerWithBackslashes(path: string): string {
  const trimmed = path.trim();
  const unquoted = /^"[^"]*"$/.test(trimmed) ? trimmed.slice(1, -1) : trimmed;
  return unquoted.replaceAll('/', '\\').toLowerCase();
}

function stripDevicePrefix(path: string): string {
  if (!path.startsWith('\\')) return path;
  for (const [prefix, replacement] of PREFIXES) {
    if (prefix.test(path)) return path.replace(prefix, replacement);
  }
  return path;
}

/** Replaces the known `%NAME%` variables; unknown ones stay as they are. */
function expandVariables(path: string): string {
  if (!path.includes('%')) return path;
  return path.replace(/%([a-z0-9_()]+)%/g, (whole, name: string) => VARIABLES[name] ?? whole);
}

function splitRoot(path: string): { root: string; rest: string } {
  const drive = /^([a-z]:|\?:)(?:\\|$)/.exec(path);
  if (drive?.[1] !== undefined) return { root: drive[1], rest: path.slice(drive[0].length) };

  const unc = /^\\\\([^\\]+)(?:\\([^\\]+))?/.exec(path);
  if (unc?.[1] !== undefined) {
    const root = unc[2] === undefined ? `\\\\${unc[1]}` : `\\\\${unc[1]}\\${unc[2]}`;
    return { root, rest: path.slice(unc[0].length) };
  }
  return path.startsWith('\\') ? { root: '\\', rest: path.slice(1) } : { root: '', rest: path };
}

/** Drops empty and `.` segments and lets `..` remove the one before it (never the root). */
function resolveDots(segments: readonly string[]): string[] {
  const kept: string[] = [];
  for (const segment of segments) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') kept.pop();
    else kept.push(segment);
  }
  return kept;
}

/** `c:\` for a bare drive, `\\host\share` for a bare share, otherwise root and segments. */
function formatPath(root: string, segments: readonly string[]): string {
  const joined = segments.join('\\');
  if (root === '' || root === '\\') return `${root}${joined}`;
  if (root.startsWith('\\\\') && joined === '') return root;
  return `${root}\\${joined}`;
}
