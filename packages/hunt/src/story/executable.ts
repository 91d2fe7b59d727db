/**
 * File names that carry code: programs, libraries, scripts, installers and shortcuts that run
 * something. A process that fetched one of these from the internet may just have staged its
 * next stage.
 */
import { baseName } from './evidence.js';

/** Extensions (lower case, no dot) whose files Windows or a script host will run or load. */
export const EXECUTABLE_EXTENSIONS: ReadonlySet<string> = new Set([
  // programs and libraries
  ...'exe dll scr com pif cpl ocx sys drv efi'.split(' '),
  // scripts and script containers
  ...'ps1 psm1 psd1 bat cmd vbs vbe js jse wsf wsh hta sct'.split(' '),
  // installers, packages, shortcuts, consoles and disk images that mount as drives
  ...'msi msp msix appx lnk url msc jar xll iso img vhd vhdx'.split(' '),
]);

/**
 * True when the file name ends in an EXECUTABLE_EXTENSIONS extension, whatever the case. An
 * alternate data stream suffix (`a.exe:Zone.Identifier`) is not the file's own extension.
 */
export function isExecutableName(path: string): boolean {
  const name = baseName(path);
  const dot = name.lastIndexOf('.');
  if (dot === -1) return false;

  const extension = name.slice(dot + 1).toLowerCase();
  return EXECUTABLE_EXTENSIONS.has(extension);
}

/**
 * Files a process writes about itself whatever it does: the .NET runtime's usage logs,
 * PowerShell's execution-policy probe scripts and its profile and module caches. They follow
 * every connection PowerShell makes, so they say nothing about a download.
 */
const HOUSEKEEPING_FILES: readonly RegExp[] = [
  /\\microsoft\\clr_v[^\\]*\\usagelogs\\[^\\]+\.log$/i,
  /\\__psscriptpolicytest_[^\\]+\.psm?1$/i,
  /\\microsoft\\windows\\powershell\\startupprofiledata-[^\\]+$/i,
  /\\microsoft\\windows\\powershell\\moduleanalysiscache$/i,
];

/** True for a file the process wrote as housekeeping rather than as content it fetched. */
export function isHousekeepingFile(path: string): boolean {
  return HOUSEKEEPING_FILES.some((pattern) => pattern.test(path));
}
