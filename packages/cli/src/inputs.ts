/**
 * Turning command-line paths into the files to read: files are taken as named, directories are
 * walked for `.evtx` files (any case). Paths that cannot be read are reported, not fatal.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** The files to read, in a stable order, and the paths that could not be read at all. */
export interface Inputs {
  readonly files: string[];
  readonly problems: { readonly path: string; readonly message: string }[];
}

/** True for a name ending in `.evtx`, whatever the case. */
export function isEvtxName(name: string): boolean {
  return name.toLowerCase().endsWith('.evtx');
}

/** Expands every path: a file stays itself; a directory becomes its `.evtx` files, sorted. */
export async function collectInputs(paths: readonly string[]): Promise<Inputs> {
  const inputs: Inputs = { files: [], problems: [] };

  for (const path of paths) {
    try {
      const info = await stat(path);
      if (info.isDirectory()) inputs.files.push(...(await walk(path)));
      else inputs.files.push(path);
    } catch (error) {
      inputs.problems.push({ path, message: describeError(error) });
    }
  }
  return inputs;
}

/** The short reason an operation on a file failed (`ENOENT: no such file or directory`). */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);

  // Node's file errors repeat the path after the reason; the caller names the path already.
  const message = error.message.replace(/, \w+ '.*'$/s, '');
  return message;
}

/**
 * Every `.evtx` file below `dir`, sorted by path. Symbolic links to directories are not
 * followed, so a link cycle cannot make the walk endless.
 */
async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const found: string[] = [];

  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await walk(path)));
    else if (isEvtxName(entry.name) && (await isFile(path))) found.push(path);
  }
  return found.sort();
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
