/**
 * Living-off-the-land binaries: programs that ship with Windows (or with Microsoft tooling) and
 * can run, fetch or hide an attacker's code. Facts come from the LOLBAS project
 * (lolbas-project.github.io, yml/OSBinaries/<Name>.yml: Full_Path and MitreID) and from the
 * MITRE ATT&CK technique that names the binary; each row's comment says which.
 */
import type { WindowsPath } from '../paths/windows-path.js';
import {
  DOTNET_FRAMEWORK_DIRS,
  HomedIndex,
  SYSTEM32_DIR,
  WBEM_DIRS,
  WINDOWS_BINARY_DIRS,
  WINDOWS_POWERSHELL_DIRS,
  type HomedBinary,
} from './homes.js';

/** What a LOLBin is abused for. */
export type LolbinCategory =
  | 'shell'
  | 'script-host'
  | 'proxy-execution'
  | 'compiler'
  | 'downloader'
  | 'file-copy'
  | 'encoding'
  | 'persistence'
  | 'credential-access'
  | 'discovery'
  | 'remote-execution'
  | 'defense-evasion';

/** One living-off-the-land binary. */
export interface Lolbin extends HomedBinary {
  /** Lowercase file name, e.g. `rundll32.exe`. */
  readonly name: string;
  /** Folder patterns it ships in (see paths/path-pattern.ts); anywhere else is suspicious. */
  readonly homes: readonly string[];
  readonly categories: readonly LolbinCategory[];
  /**
   * True when its everyday, legitimate job is talking to other hosts (curl, ftp, ssh), so a
   * connection alone says little. False when a connection is itself worth a look (rundll32).
   */
  readonly normallyConnects: boolean;
  /** MITRE ATT&CK technique ids. */
  readonly mitre: readonly string[];
}

/** Visual Studio and Build Tools ship their own MSBuild and compilers. */
const VISUAL_STUDIO_MSBUILD_DIRS = [
  '?:\\program files*\\microsoft visual studio\\*\\*\\msbuild\\current\\bin',
  '?:\\program files*\\microsoft visual studio\\*\\*\\msbuild\\current\\bin\\amd64',
  '?:\\program files*\\msbuild\\*\\bin',
  '?:\\program files*\\msbuild\\*\\bin\\amd64',
];

/** The table, grouped by what the binaries are abused for. */
export const LOLBINS: readonly Lolbin[] = [
  // ATT&CK T1059.001; LOLBAS lists it under its PowerShell scripts only
  {
    name: 'powershell.exe',
    homes: WINDOWS_POWERSHELL_DIRS,
    categories: ['shell', 'downloader'],
    normallyConnects: false,
    mitre: ['T1059.001'],
  },
  // ATT&CK T1059.001 (the PowerShell ISE editor runs the same engine)
  {
    name: 'powershell_ise.exe',
    homes: WINDOWS_POWERSHELL_DIRS,
    categories: ['shell'],
    normallyConnects: false,
    mitre: ['T1059.001'],
  },
  // ATT&CK T1059.001; PowerShell 6+ installs under Program Files or as a Store app
  {
    name: 'pwsh.exe',
    homes: [
      '?:\\program files\\powershell\\*',
      '?:\\program files (x86)\\powershell\\*',
      '?:\\program files\\windowsapps\\microsoft.powershell*',
    ],
    categories: ['shell', 'downloader'],
    normallyConnects: false,
    mitre: ['T1059.001'],
  },
  // LOLBAS Cmd.yml; ATT&CK T1059.003
  {
    name: 'cmd.exe',
    homes: WINDOWS_BINARY_DIRS,
    categories: ['shell'],
    normallyConnects: false,
    mitre: ['T1059.003'],
  },
  // LOLBAS Bash.yml and Wsl.yml: T1202, run Linux commands through WSL
  {
    name: 'bash.exe',
    homes: SYSTEM32_DIR,
    categories: ['shell', 'proxy-execution'],
    normallyConnects: false,
    mitre: ['T1202'],
  },
  {
    name: 'wsl.exe',
    homes: SYSTEM32_DIR,
    categories: ['shell', 'proxy-execution'],
    normallyConnects: false,
    mitre: ['T1202'],
  },
  // LOLBAS Cscript.yml / Wscript.yml; ATT&CK T1059.005 (VBScript), T1059.007 (JScript)
  {
    name: 'cscript.exe',
    homes: WINDOWS_BINARY_DIRS,
    categories: ['script-host'],
    normallyConnects: false,
    mitre: ['T1059.005', 'T1059.007', 'T1564.004'],
  },
  {
    name: 'wscript.exe',
    homes: WINDOWS_BINARY_DIRS,
    categories: ['script-host'],
    normallyConnects: false,
    mitre: ['T1059.005', 'T1059.007', 'T1564.004'],
  },
  // LOLBAS Mshta.yml: T1218.005
  {
    name: 'mshta.exe',
    homes: WINDOWS_BINARY_DIRS,
    categories: ['script-host', 'proxy-execution', 'downloader'],
    normallyConnects: false,
    mitre: ['T1218.005'],
  },
  // LOLBAS Rundll32.yml: T1218.011, T1564.004
  {
    name: 'rundll32.exe',
    homes: WINDOWS_BINARY_DIRS,
    categories: ['proxy-execution'],
    normallyConnects: false,
    mitre: ['T1218.011', 'T1564.004'],
  },
  // LOLBAS Regsvr32.yml: T1218.010
  {
    name: 'regsvr32.exe',
    homes: WINDOWS_BINARY_DIRS,
    categories: ['proxy-execution', 'downloader'],
    normallyConnects: false,
    mitre: ['T1218.010'],
  },
  // LOLBAS Msiexec.yml: T1218.007
  {
    name: 'msiexec.exe',
    homes: WINDOWS_BINARY_DIRS,
    categories: ['proxy-execution', 'downloader'],
    normallyConnects: false,
    mitre: ['T1218.007'],
  },
  // LOLBAS Mmc.yml: T1218.014 (MSC files; also the DCOM MMC20.Application host)
  {
    name: 'mmc.exe',
    homes: WINDOWS_BINARY_DIRS,
    categories: ['proxy-execution', 'remote-execution'],
    normallyConnects: false,
    mitre: ['T1218.014', 'T1021.003'],
  },
  // LOLBAS Installutil.yml: T1218.004
  {
    name: 'installutil.exe',
    homes: DOTNET_FRAMEWORK_DIRS,
    categories: ['proxy-execution'],
    normallyConnects: false,
    mitre: ['T1218.004'],
  },
  // LOLBAS Regasm.yml and Regsvcs.yml: T1218.009
  {
    name: 'regasm.exe',
    homes: DOTNET_FRAMEWORK_DIRS,
    categories: ['proxy-execution'],
    normallyConnects: false,
    mitre: ['T1218.009'],
  },
  {
    name: 'regsvcs.exe',
    homes: DOTNET_FRAMEWORK_DIRS,
    categories: ['proxy-execution'],
    normallyConnects: false,
    mitre: ['T1218.009'],
  },
  // LOLBAS Cmstp.yml: T1218.003
  {
    name: 'cmstp.exe',
    homes: WINDOWS_BINARY_DIRS,
    categories: ['proxy-execution', 'defense-evasion'],
    normallyConnects: false,
    mitre: ['T1218.003'],
  },
  // LOLBAS Odbcconf.yml; ATT&CK T1218.008
  {
    name: 'odbcconf.exe',
    homes: WINDOWS_BINARY_DIRS,
    categories: ['proxy-execution'],
    normallyConnects: false,
    mitre: ['T1218.008'],
  },
  // LOLBAS Control.yml; ATT&CK T1218.002
  {
    name: 'control.exe',
    homes: WINDOWS_BINARY_DIRS,
    categories: ['proxy-execution'],
    normallyConnects: false,
    mitre: ['T1218.002'],
  },
  // LOLBAS Mavinject.yml; ATT&CK T1218.013
  {
    name: 'mavinject.exe',
    homes: WINDOWS_BINARY_DIRS,
    categories: ['proxy-execution', 'defense-evasion'],
    normallyConnects: false,
    mitre: ['T1218.013'],
  },
  // LOLBAS Hh.yml: T1105, T1202; ATT&CK T1218.001 (compiled HTML); also in C:\Windows itself
  {
    name: 'hh.exe',
    homes: ['?:\\windows', ...WINDOWS_BINARY_DIRS],
    categories: ['proxy-execution', 'downloader'],
    normallyConnects: false,
    mitre: ['T1218.001', 'T1105', 'T1202'],
  },
  // LOLBAS Verclsid.yml; ATT&CK T1218.012
  {
    name: 'verclsid.exe',
    homes: WINDOWS_BINARY_DIRS,
    categories: ['proxy-execution'],
    normallyConnects: false,
    mitre: ['T1218.012'],
  },
  // LOLBAS Forfiles.yml and Pcalua.yml: T1202, indirect command execution
  {
    name: 'forfiles.exe',
    homes: WINDOWS_BINARY_DIRS,
    categories: ['proxy-execution'],
    normallyConnects: false,
    mitre: ['T1202'],
  },
  {
    name: 'pcalua.exe',
    homes: SYSTEM32_DIR,
    categories: ['proxy-execution'],
    normallyConnects: false,
    mitre: ['T1202'],
  },
  // LOLBAS Conhost.yml: T1202
  {
    name: 'conhost.exe',
    homes: SYSTEM32_DIR,
    categories: ['proxy-execution'],
    normallyConnects: false,
    mitre: ['T1202'],
  },
  // LOLBAS Explorer.yml: T1202; the shell itself lives in C:\Windows
  {
    name: 'explorer.exe',
    homes: ['?:\\windows', '?:\\windows\\syswow64'],
    categories: ['proxy-execution'],
    normallyConnects: true,
    mitre: ['T1202'],
  },
  // LOLBAS Presentationhost.yml: T1218, T1105
  {
    name: 'presentationhost.exe',
    homes: WINDOWS_BINARY_DIRS,
    categories: ['proxy-execution', 'downloader'],
    normallyConnects: false,
    mitre: ['T1218', 'T1105'],
  },
  // LOLBAS Msdt.yml: T1218 (also the Follina document exploit, CVE-2022-30190)
  {
    name: 'msdt.exe',
    homes: WINDOWS_BINARY_DIRS,
    categories: ['proxy-execution'],
    normallyConnects: false,
    mitre: ['T1218'],
  },
  // LOLBAS Atbroker.yml, Xwizard.yml, Infdefaultinstall.yml, Scriptrunner.yml,
  // Syncappvpublishingserver.yml: T1218
  {
    name: 'atbroker.exe',
    homes: WINDOWS_BINARY_DIRS,
    categories: ['proxy-execution'],
    normallyConnects: false,
    mitre: ['T1218'],
  },
  {
    name: 'xwizard.exe',
    homes: WINDOWS_BINARY_DIRS,
    categories: ['proxy-execution'],
    normallyConnects: false,
    mitre: ['T1218'],
  },
  {
    name: 'infdefaultinstall.exe',
    homes: WINDOWS_BINARY_DIRS,
    categories: ['proxy-execution'],
    normallyConnects: false,
    mitre: ['T1218'],
  },
  {
    name: 'scriptrunner.exe',
    homes: WINDOWS_BINARY_DIRS,
    categories: ['proxy-execution'],
    normallyConnects: false,
    mitre: ['T1218'],
  },
  {
    name: 'syncappvpublishingserver.exe',
    homes: WINDOWS_BINARY_DIRS,
    categories: ['proxy-execution', 'shell'],
    normallyConnects: false,
    mitre: ['T1218'],
  },
  // LOLBAS Ieexec.yml: T1218, T1105; .NET 2.0 only
  {
    name: 'ieexec.exe',
    homes: ['?:\\windows\\microsoft.net\\framework*\\v2.0.50727'],
    categories: ['proxy-execution', 'downloader'],
    normallyConnects: false,
    mitre: ['T1218', 'T1105'],
  },
  // LOLBAS Wmic.yml: T1218, T1564.004; ATT&CK T1047 (WMI), T1220 (XSL script processing)
  {
    name: 'wmic.exe',
    homes: WBEM_DIRS,
    categories: ['proxy-execution', 'remote-execution', 'discovery'],
    normallyConnects: false,
    mitre: ['T1047', 'T1220'],
  },
  // LOLBAS Msbuild.yml: T1127.001
  {
    name: 'msbuild.exe',
    homes: [...DOTNET_FRAMEWORK_DIRS, ...VISUAL_STUDIO_MSBUILD_DIRS],
    categories: ['compiler', 'proxy-execution'],
    normallyConnects: false,
    mitre: ['T1127.001'],
  },
  // LOLBAS Csc.yml: T1027.004 (compile after delivery); Visual Studio ships Roslyn's csc.exe
  {
    name: 'csc.exe',
    homes: [
      ...DOTNET_FRAMEWORK_DIRS,
      '?:\\program files*\\microsoft visual studio\\*\\*\\msbuild\\current\\bin\\roslyn',
    ],
    categories: ['compiler'],
    normallyConnects: false,
    mitre: ['T1027.004'],
  },
  // LOLBAS Jsc.yml: T1127
  {
    name: 'jsc.exe',
    homes: DOTNET_FRAMEWORK_DIRS,
    categories: ['compiler'],
    normallyConnects: false,
    mitre: ['T1127'],
  },
  // LOLBAS Certutil.yml: T1105, T1140, T1027.013, T1564.004
  {
    name: 'certutil.exe',
    homes: WINDOWS_BINARY_DIRS,
    categories: ['downloader', 'encoding'],
    normallyConnects: false,
    mitre: ['T1105', 'T1140', 'T1564.004'],
  },
  // LOLBAS Bitsadmin.yml: T1105, T1218, T1564.004; ATT&CK T1197 (BITS jobs). The BITS
  // service, not bitsadmin.exe, moves the bytes.
  {
    name: 'bitsadmin.exe',
    homes: WINDOWS_BINARY_DIRS,
    categories: ['downloader', 'persistence'],
    normallyConnects: false,
    mitre: ['T1197', 'T1105'],
  },
  // LOLBAS Curl.yml: T1105
  {
    name: 'curl.exe',
    homes: WINDOWS_BINARY_DIRS,
    categories: ['downloader'],
    normallyConnects: true,
    mitre: ['T1105'],
  },
  // LOLBAS Ftp.yml: T1105, T1202
  {
    name: 'ftp.exe',
    homes: WINDOWS_BINARY_DIRS,
    categories: ['downloader', 'proxy-execution'],
    normallyConnects: true,
    mitre: ['T1105', 'T1202'],
  },
  // LOLBAS Finger.yml: T1105
  {
    name: 'finger.exe',
    homes: WINDOWS_BINARY_DIRS,
    categories: ['downloader'],
    normallyConnects: true,
    mitre: ['T1105'],
  },
  // LOLBAS Desktopimgdownldr.yml: T1105; fetches lock screen images by design
  {
    name: 'desktopimgdownldr.exe',
    homes: SYSTEM32_DIR,
    categories: ['downloader'],
    normallyConnects: true,
    mitre: ['T1105'],
  },
  // LOLBAS Certreq.yml: T1105; talks to certificate authorities by design
  {
    name: 'certreq.exe',
    homes: WINDOWS_BINARY_DIRS,
    categories: ['downloader'],
    normallyConnects: true,
    mitre: ['T1105'],
  },
  // LOLBAS Ssh.yml: T1202; ATT&CK T1021.004 (remote services: SSH)
  {
    name: 'ssh.exe',
    homes: ['?:\\windows\\system32\\openssh'],
    categories: ['remote-execution', 'proxy-execution'],
    normallyConnects: true,
    mitre: ['T1021.004', 'T1202'],
  },
  // LOLBAS Esentutl.yml: T1105, T1003.003 (copies locked files such as NTDS.dit)
  {
    name: 'esentutl.exe',
    homes: WINDOWS_BINARY_DIRS,
    categories: ['file-copy', 'credential-access'],
    normallyConnects: false,
    mitre: ['T1105', 'T1003.003'],
  },
  // LOLBAS Expand.yml, Extrac32.yml, Replace.yml: T1105
  {
    name: 'expand.exe',
    homes: WINDOWS_BINARY_DIRS,
    categories: ['file-copy'],
    normallyConnects: false,
    mitre: ['T1105'],
  },
  {
    name: 'extrac32.exe',
    homes: WINDOWS_BINARY_DIRS,
    categories: ['file-copy'],
    normallyConnects: false,
    mitre: ['T1105'],
  },
  {
    name: 'replace.exe',
    homes: WINDOWS_BINARY_DIRS,
    categories: ['file-copy'],
    normallyConnects: false,
    mitre: ['T1105'],
  },
  // LOLBAS Makecab.yml: T1564.004 (hides files in alternate data streams)
  {
    name: 'makecab.exe',
    homes: WINDOWS_BINARY_DIRS,
    categories: ['file-copy', 'defense-evasion'],
    normallyConnects: false,
    mitre: ['T1564.004'],
  },
  // LOLBAS Diskshadow.yml: T1003.003, T1202
  {
    name: 'diskshadow.exe',
    homes: WINDOWS_BINARY_DIRS,
    categories: ['credential-access', 'proxy-execution'],
    normallyConnects: false,
    mitre: ['T1003.003', 'T1202'],
  },
  // LOLBAS OtherMSBinaries/Ntdsutil.yml: T1003.003
  {
    name: 'ntdsutil.exe',
    homes: SYSTEM32_DIR,
    categories: ['credential-access'],
    normallyConnects: false,
    mitre: ['T1003.003'],
  },
  // ATT&CK T1053.005 (scheduled task); LOLBAS Schtasks.yml
  {
    name: 'schtasks.exe',
    homes: WINDOWS_BINARY_DIRS,
    categories: ['persistence', 'remote-execution'],
    normallyConnects: false,
    mitre: ['T1053.005'],
  },
  // ATT&CK T1053.002 (at); LOLBAS At.yml
  {
    name: 'at.exe',
    homes: WINDOWS_BINARY_DIRS,
    categories: ['persistence', 'remote-execution'],
    normallyConnects: false,
    mitre: ['T1053.002'],
  },
  // ATT&CK T1543.003 (Windows service) and T1569.002 (service execution)
  {
    name: 'sc.exe',
    homes: WINDOWS_BINARY_DIRS,
    categories: ['persistence', 'remote-execution'],
    normallyConnects: false,
    mitre: ['T1543.003', 'T1569.002'],
  },
  // ATT&CK T1112 (modify registry); LOLBAS Reg.yml and Regedit.yml (regedit is in C:\Windows)
  {
    name: 'reg.exe',
    homes: WINDOWS_BINARY_DIRS,
    categories: ['persistence', 'defense-evasion'],
    normallyConnects: false,
    mitre: ['T1112'],
  },
  {
    name: 'regedit.exe',
    homes: ['?:\\windows', '?:\\windows\\syswow64'],
    categories: ['persistence', 'defense-evasion'],
    normallyConnects: false,
    mitre: ['T1112'],
  },
  // LOLBAS Netsh.yml; ATT&CK T1546.007 (netsh helper DLL)
  {
    name: 'netsh.exe',
    homes: WINDOWS_BINARY_DIRS,
    categories: ['persistence', 'defense-evasion'],
    normallyConnects: false,
    mitre: ['T1546.007'],
  },
  // LOLBAS Dnscmd.yml: T1543.003 (loads a plug-in DLL into the DNS service)
  {
    name: 'dnscmd.exe',
    homes: WINDOWS_BINARY_DIRS,
    categories: ['proxy-execution'],
    normallyConnects: false,
    mitre: ['T1543.003'],
  },
  // ATT&CK T1490 (inhibit system recovery); LOLBAS Bcdedit.yml
  {
    name: 'bcdedit.exe',
    homes: WINDOWS_BINARY_DIRS,
    categories: ['defense-evasion'],
    normallyConnects: false,
    mitre: ['T1490'],
  },
  // ATT&CK T1087 (account discovery), T1135 (share discovery), T1021.002 (net use)
  {
    name: 'net.exe',
    homes: WINDOWS_BINARY_DIRS,
    categories: ['discovery', 'remote-execution'],
    normallyConnects: false,
    mitre: ['T1087', 'T1135', 'T1021.002'],
  },
  {
    name: 'net1.exe',
    homes: WINDOWS_BINARY_DIRS,
    categories: ['discovery', 'remote-execution'],
    normallyConnects: false,
    mitre: ['T1087', 'T1135', 'T1021.002'],
  },
  // ATT&CK T1482 (domain trust discovery)
  {
    name: 'nltest.exe',
    homes: WINDOWS_BINARY_DIRS,
    categories: ['discovery'],
    normallyConnects: false,
    mitre: ['T1482'],
  },
];

const INDEX = new HomedIndex(LOLBINS);

/** A LOLBin found from an image path. */
export interface LolbinMatch {
  readonly lolbin: Lolbin;
  /** The path is rooted and not in one of the binary's homes: a copy, or a fake. */
  readonly outsideHome: boolean;
}

/**
 * The LOLBin an image path names (by file name, without case), or undefined. A renamed copy
 * is not found here: that takes the PE OriginalFileName, which Sysmon Event ID 1 reports.
 */
export function lolbinFor(image: string | WindowsPath): LolbinMatch | undefined {
  const match = INDEX.find(image);
  return match && { lolbin: match.entry, outsideHome: match.outsideHome };
}
