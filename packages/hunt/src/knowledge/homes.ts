/**
 * Folder patterns shared by the knowledge tables, and the lookup every "binary with a home"
 * table uses: find an entry by file name, then say whether the path is one of its homes.
 */
import { compilePathPattern, isPathDirectlyIn, type PathPattern } from '../paths/path-pattern.js';
import { baseName, parseWindowsPath, type WindowsPath } from '../paths/windows-path.js';

/** C:\Windows\System32 and its 32-bit twin: where most Windows binaries live. */
export const WINDOWS_BINARY_DIRS = ['?:\\windows\\system32', '?:\\windows\\syswow64'] as const;

/** C:\Windows\System32 only: binaries without a 32-bit copy. */
export const SYSTEM32_DIR = ['?:\\windows\\system32'] as const;

/** The versioned .NET Framework folders (Framework and Framework64, every version). */
export const DOTNET_FRAMEWORK_DIRS = ['?:\\windows\\microsoft.net\\framework*\\v*'] as const;

/** Windows PowerShell 5.1 and earlier, 64- and 32-bit. */
export const WINDOWS_POWERSHELL_DIRS = [
  '?:\\windows\\system32\\windowspowershell\\v1.0',
  '?:\\windows\\syswow64\\windowspowershell\\v1.0',
] as const;

/** The WMI folders. */
export const WBEM_DIRS = ['?:\\windows\\system32\\wbem', '?:\\windows\\syswow64\\wbem'] as const;

/** An entry of a table of binaries: a lowercase file name and the folders it lives in. */
export interface HomedBinary {
  readonly name: string;
  readonly homes: readonly string[];
}

/** What a lookup found: the entry, and whether the path is outside all of its homes. */
export interface HomedMatch<Entry extends HomedBinary> {
  readonly entry: Entry;
  /**
   * True when the path has a root (drive, volume or share) and is not directly in one of the
   * entry's homes. A bare file name (`rundll32.exe`) says nothing about where it ran: false.
   */
  readonly outsideHome: boolean;
}

/** An index from file name to entry, with the homes compiled once. */
export class HomedIndex<Entry extends HomedBinary> {
  readonly #byName = new Map<string, { entry: Entry; homes: readonly PathPattern[] }>();

  /** Indexes the entries; throws when a name appears twice or a home does not compile. */
  constructor(entries: readonly Entry[]) {
    for (const entry of entries) {
      if (this.#byName.has(entry.name)) {
        throw new Error(`Cannot index binaries: ${entry.name} is listed twice`);
      }
      this.#byName.set(entry.name, { entry, homes: entry.homes.map(compilePathPattern) });
    }
  }

  /** The entry for the path's file name, or undefined when the table does not list it. */
  find(image: string | WindowsPath): HomedMatch<Entry> | undefined {
    const path = typeof image === 'string' ? parseWindowsPath(image) : image;
    const indexed = this.#byName.get(baseName(path));
    if (indexed === undefined) return undefined;

    const rooted = path.root !== '';
    const atHome = indexed.homes.some((home) => isPathDirectlyIn(path, home));
    return { entry: indexed.entry, outsideHome: rooted && !atHome };
  }
}
