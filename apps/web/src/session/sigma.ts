/**
 * The Sigma rules the user picked: a folder (every `.yml`/`.yaml` file under it) or `.zip`
 * archives of rules. The page only names the files; the hunt worker reads and compiles them.
 */
import { isRuleName, type RuleFile } from '../hunt/sigma-files.js';
import type { SigmaLoad } from '../hunt/sigma-state.js';

/** Where the rules are: none picked, being compiled, loaded (with counts), or failed. */
export type SigmaStatus =
  | { readonly state: 'none' }
  | { readonly state: 'loading'; readonly name: string }
  | { readonly state: 'loaded'; readonly name: string; readonly load: SigmaLoad }
  | {
      readonly state: 'failed';
      readonly name: string;
      /** The compiler's or worker's words, in English. */
      readonly message: string;
      /** Set when the failure is that no hunt runs: the page says so in its own language. */
      readonly notRunning?: boolean;
    };

/** A picked file: a File's name and, from a folder pick, its path under the folder. */
export interface PickedFile extends Blob {
  readonly name: string;
  readonly webkitRelativePath?: string;
}

/** The rule files and zips among the picked files, by their path, and what to call the pick. */
export function ruleFilesOf(picked: readonly PickedFile[]): { files: RuleFile[]; name: string } {
  const files = picked
    .map((file) => ({ name: pathOf(file), blob: file }))
    .filter((file) => isRuleName(file.name) || /\.zip$/i.test(file.name))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { files, name: pickName(picked) };
}

/**
 * What to call a pick: its folder (`rules/`, even when it holds one file), its one file, or its
 * first file and how many more; empty for an empty pick (an empty folder names no path).
 */
function pickName(picked: readonly PickedFile[]): string {
  const first = picked[0];
  if (first === undefined) return '';
  const path = pathOf(first);
  const slash = path.indexOf('/');
  if (slash > 0) return path.slice(0, slash + 1);
  if (picked.length === 1) return first.name;
  const more = picked.length - 1;
  return `${first.name} and ${more} more ${more === 1 ? 'file' : 'files'}`;
}

function pathOf(file: PickedFile): string {
  const path = file.webkitRelativePath;
  return path === undefined || path === '' ? file.name : path;
}
