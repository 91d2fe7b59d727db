/** Where the shared sample corpus lives: `<repo root>/../shared`, or `$EVTXHUNT_SHARED`. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folders of the shared corpus the corpus test reads. */
export interface SharedCorpus {
  root: string;
  /** `samples/evtx`: the `.evtx` files, INVENTORY.tsv and DISAGREEMENTS.tsv. */
  evtx: string;
  /** `samples/evtx-expected`: full XML dumps of five Sysmon files. */
  expected: string;
}

/** The monorepo root: the nearest folder above `from` whose package.json has workspaces. */
export function findRepoRoot(from: string): string | undefined {
  let dir = from;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && 'workspaces' in JSON.parse(readFileSync(manifest, 'utf8'))) {
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The shared folder's location, whether or not it exists. */
export function sharedRoot(env: NodeJS.ProcessEnv = process.env): string {
  const override = env['EVTXHUNT_SHARED'];
  if (override !== undefined && override !== '') return resolve(override);

  const here = dirname(fileURLToPath(import.meta.url));
  const repo = findRepoRoot(here) ?? resolve(here, '../../../../..');
  return resolve(repo, '..', 'shared');
}

/** The corpus folders, or a sentence saying why they cannot be used. */
export function locateCorpus(root: string = sharedRoot()): SharedCorpus | string {
  const evtx = join(root, 'samples', 'evtx');
  if (!existsSync(join(evtx, 'INVENTORY.tsv'))) {
    return `shared corpus not found: no ${join(evtx, 'INVENTORY.tsv')} (set EVTXHUNT_SHARED)`;
  }
  return { root, evtx, expected: join(root, 'samples', 'evtx-expected') };
}
