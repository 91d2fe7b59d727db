/**
 * Turning command-line paths into the files to read: files are taken as named, directories are
 * walked for `.evtx` files (any case) and for other files whose content is an event log export
 * (XML, JSON, EvtxECmd or evtxhunt CSV, gzip or zip of any). Paths that cannot be read are
 * reported, not fatal; the other files of a walked directory are named as skipped.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

import { isEventLogFile, sniffFile } from '@evtxhunt/formats/node';

/**
 * The files to read, in a stable order; the paths that could not be read at all; and the files
 * of walked directories left out as no event log, with why (named, so none vanishes unseen).
 */
export interface Inputs {
  readonly files: string[];
  readonly problems: { readonly path: string; readonly message: string }[];
  readonly skipped: { readonly path: string; readonly message: string }[];
}

/** True for a name ending in `.evtx`, whatever the case. */
export function isEvtxName(name: string): boolean {
  return name.toLowerCase().endsWith('.evtx');
}

/** Expands every path: a file stays itself; a directory becomes its `.evtx` files, sorted. */
export async function collectInputs(paths: readonly string[]): Promise<Inputs> {
  const inputs: Inputs = { files: [], problems: [], skipped: [] };

  for (const path of paths) {
    try {
      const info = await stat(path);
      if (info.isDirectory()) await walk(path, inputs);
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
 * Adds every `.evtx` file below `dir` to `inputs`, sorted by path. Symbolic links to
 * directories are not followed, so a link cycle cannot make the walk endless. A subdirectory
 * that cannot be listed, or a `.evtx` entry that cannot be looked at (a dangling link) or is
 * no regular file (a pipe, a socket), is reported: a folder's broken entry must not vanish
 * from the account, nor hide its neighbours.
 */
async function walk(dir: string, inputs: Inputs): Promise<void> {
  const found: string[] = [];
  await walkInto(dir, found, inputs);
  inputs.files.push(...found.sort());
}

async function walkInto(dir: string, found: string[], inputs: Inputs): Promise<void> {
  const { problems, skipped } = inputs;
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    problems.push({ path: dir, message: `cannot list: ${describeError(error)}` });
    return;
  }

  // In name order, so broken entries are reported in the same order on every file system.
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      await walkInto(path, found, inputs);
      continue;
    }
    const notLog = isEvtxName(entry.name) ? undefined : await whyNoLog(path);
    if (notLog === undefined) await addEntry(path, found, problems);
    else if (notLog !== '') skipped.push({ path, message: notLog });
  }
}

/** A `.evtx` entry of a walked directory: a file is read, anything else reported. */
async function addEntry(
  path: string,
  found: string[],
  problems: Inputs['problems'],
): Promise<void> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    problems.push({ path, message: describeError(error) });
    return;
  }

  // A link to a directory named .evtx is not followed (see walk); anything else is no log.
  if (info.isFile()) found.push(path);
  else if (!info.isDirectory()) problems.push({ path, message: 'not a regular file; skipped' });
}

/**
 * Why a file of a walked directory is no event log by its content, or undefined when it is
 * one: EVTX, or an export whose first record reads (so a hunt report saved there is not taken
 * for one). Empty for an entry that is no regular file (a link to a directory, a socket),
 * which is left out without a word.
 */
async function whyNoLog(path: string): Promise<string | undefined> {
  try {
    if (!(await stat(path)).isFile()) return '';
    if (await isEventLogFile(path)) return undefined;
    const sniffed = await sniffFile(path);
    if (sniffed.format === undefined) return sniffed.problem;
    return `not an event log: its first record does not read as ${sniffed.format}`;
  } catch (error) {
    return `cannot read: ${describeError(error)}`;
  }
}
