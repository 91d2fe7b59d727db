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
  const first = picked[0];
  const folder = first === undefined ? '' : (pathOf(first).split('/')[0] ?? '');
  const name = picked.length === 1 || folder === '' ? (first?.name ?? '') : `${folder}/`;
  return { files, name };
}

function pathOf(file: PickedFile): string {
  const path = file.webkitRelativePath;
  return path === undefined || path === '' ? file.name : path;
}
