/**
 * Guarding an output file: a report is never written over a file the same command reads, such
 * as the evidence log itself. Two paths are the same file when they resolve to the same real
 * path or name the same device and inode (a hard link, a bind mount).
 */
import { realpath, stat } from 'node:fs/promises';

import { InputError } from './errors.js';

/** Where a file lives: its real path, device and inode. */
interface FileIdentity {
  readonly path: string;
  readonly dev: bigint;
  readonly ino: bigint;
}

/**
 * Throws InputError when `out` is the same file as one of `inputs`. Call it before reading any
 * input. An `out` that does not exist yet cannot be an input, and passes.
 */
export async function refuseOverwritingInput(
  out: string,
  inputs: readonly string[],
): Promise<void> {
  const target = await identity(out);
  if (target === undefined) return;

  for (const input of inputs) {
    const other = await identity(input);
    if (other !== undefined && sameFile(target, other)) {
      throw new InputError(`refusing to write the report to ${out}: it is the input ${input}`);
    }
  }
}

/** The file's identity, or undefined when it cannot be looked at (then it cannot be compared). */
async function identity(path: string): Promise<FileIdentity | undefined> {
  try {
    const info = await stat(path, { bigint: true });
    return { path: await realpath(path), dev: info.dev, ino: info.ino };
  } catch {
    return undefined;
  }
}

function sameFile(a: FileIdentity, b: FileIdentity): boolean {
  // Some file systems report inode 0 for every file; only the real path can tell those apart.
  return a.path === b.path || (a.ino !== 0n && a.dev === b.dev && a.ino === b.ino);
}
