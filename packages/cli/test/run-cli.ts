/** Helpers for tests that run the built `evtxhunt` as a child process. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, from this file's place in packages/cli/dist/test. */
export const REPO = fileURLToPath(new URL('../../../../', import.meta.url));

/** The repo-local Sysmon sample: python-evtx's tests/data/issue_43.evtx, 1730 records. */
export const ISSUE43 = `${REPO}samples/sysmon-issue43.evtx`;

/** The shared folder: $EVTXHUNT_SHARED, else `shared` beside the repository. */
export const SHARED_ROOT = resolve(process.env['EVTXHUNT_SHARED'] ?? `${REPO}../shared`);

/** The shared corpus of real EVTX files; absent on machines without it. */
export const SHARED = `${SHARED_ROOT}/samples/evtx`;

/** Why shared-corpus tests skip, or false when the corpus is there. */
export const SKIP_SHARED = existsSync(SHARED)
  ? false
  : `shared EVTX corpus not found at ${SHARED}; these tests need it`;

const MAIN = fileURLToPath(new URL('../src/main.js', import.meta.url));

/** What a run of the CLI produced. */
export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `evtxhunt args...` to completion with stdio piped (so stderr is not a terminal). */
export function runEvtxhunt(...args: string[]): Promise<CliRun> {
  return runEvtxhuntWith({}, ...args);
}

/** Runs `evtxhunt args...` as runEvtxhunt does, with `env` added to the environment. */
export function runEvtxhuntWith(env: NodeJS.ProcessEnv, ...args: string[]): Promise<CliRun> {
  const child = spawn(process.execPath, [MAIN, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));

  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => {
      const text = (parts: Buffer[]) => Buffer.concat(parts).toString('utf8');
      resolve({ status, stdout: text(stdout), stderr: text(stderr) });
    });
  });
}

/** Stderr without the account every reading command ends with (see src/account.ts). */
export function withoutAccount(stderr: string): string {
  const at = stderr.search(/^account of \d+ files?:$/m);
  return at === -1 ? stderr : stderr.slice(0, at);
}

/** One row of the account, its numbers as numbers. */
export interface AccountRow {
  readonly state: string;
  readonly read: number;
  readonly recovered: number;
  readonly failed: number;
  readonly missing: number;
  readonly duplicates: number;
  readonly chunksDamaged: number;
  readonly chunksUnreadable: number;
  readonly limitsHit: number;
  readonly file: string;
}

/** The account's rows (the total row last, when there is one); [] when stderr has none. */
export function accountRows(stderr: string): AccountRow[] {
  const at = stderr.search(/^account of \d+ files?:$/m);
  if (at === -1) return [];

  const lines = stderr.slice(at).trimEnd().split('\n').slice(2);
  return lines.map((line) => {
    const [state = '', ...cells] = line.trim().split(/ {2,}/);
    const [read, recovered, failed, missing, duplicates, damaged, unreadable, limits] =
      cells.map(Number);
    return {
      state,
      read: read ?? NaN,
      recovered: recovered ?? NaN,
      failed: failed ?? NaN,
      missing: missing ?? NaN,
      duplicates: duplicates ?? NaN,
      chunksDamaged: damaged ?? NaN,
      chunksUnreadable: unreadable ?? NaN,
      limitsHit: limits ?? NaN,
      file: cells.slice(8).join('  '),
    };
  });
}
