/**
 * The account every reading command ends with, on stderr: per input, the records read,
 * recovered, failed, missing and not read again as duplicates, the chunks damaged or unreadable
 * and the limits hit, a total when there are several, and what `--strict` makes of it.
 */
import type { FileSummary } from '@evtxhunt/evtx';

import type { OptionSpec } from './args.js';
import { EXIT_FAILED, EXIT_LOST, EXIT_OK, worstStatus } from './errors.js';
import type { Io } from './io.js';
import { renderTable } from './table.js';

/**
 * How an input ended: `complete`, nothing lost or damaged; `damaged`, everything read but some
 * chunk failed a check (a CRC); `lost`, something in it could not be read; `unreadable`,
 * nothing could.
 */
export type AccountState = 'complete' | 'damaged' | 'lost' | 'unreadable';

/** One input's account. */
export interface FileAccount {
  readonly file: string;
  readonly state: AccountState;
  readonly read: number;
  readonly recovered: number;
  readonly failed: number;
  readonly missing: number;
  /** Records not read again because they repeat ones read: never a loss. */
  readonly duplicates: number;
  readonly chunksDamaged: number;
  readonly chunksUnreadable: number;
  /** Records failed over a named limit (they are counted in `failed` too). */
  readonly limitsHit: number;
  /** The limits hit, by name, when any was. */
  readonly limits?: Readonly<Record<string, number>>;
  /** Why nothing was read, for an unreadable input. */
  readonly problem?: string;
}

/** What a run over the inputs gave: the exit status so far and each input's account. */
export interface ReadingRun {
  readonly status: number;
  readonly accounts: readonly FileAccount[];
}

/** The `--strict` option every reading command takes, and its help line. */
export const STRICT_OPTION: OptionSpec = { name: 'strict', kind: 'flag' };
export const STRICT_HELP =
  'exit 1 when the account shows anything not complete: a damaged\n' +
  'chunk (even a CRC mismatch alone), failed or missing records, an\n' +
  'unreadable chunk, a limit hit; decided after all output is written\n' +
  '(an unreadable file or a usage error is still 2)';

/** The exit-status line of a reading command's help. */
export const EXIT_HELP =
  'Exit status: 0 all read, 1 something was lost, 2 usage error or unreadable file;\n' +
  'with --strict, 1 also for damage that lost nothing (a CRC mismatch).';

/** The account of one input, from its exit status and what the parser or the OS said. */
export function accountOf(
  file: string,
  status: number,
  outcome: { readonly summary?: FileSummary; readonly problem?: string },
): FileAccount {
  const { summary, problem } = outcome;
  const counts = {
    read: summary?.records.read ?? 0,
    recovered: summary?.records.recovered ?? 0,
    failed: summary?.records.failed ?? 0,
    missing: summary?.records.missing ?? 0,
    duplicates: summary?.records.duplicates ?? 0,
    chunksDamaged: summary?.chunks.damaged ?? 0,
    chunksUnreadable: summary?.chunks.unreadable ?? 0,
    limitsHit: Object.values(summary?.limitsHit ?? {}).reduce((total, n) => total + n, 0),
  };
  const state = stateOf(status, counts);
  const why = problem ?? firstError(summary);
  const limits = summary?.limitsHit === undefined ? {} : { limits: { ...summary.limitsHit } };
  return state === 'unreadable' && why !== undefined
    ? { file, state, ...counts, ...limits, problem: why }
    : { file, state, ...counts, ...limits };
}

/** A duplicate is not a loss: it repeats a record that was read. */
function stateOf(status: number, counts: Counts): AccountState {
  if (status === EXIT_FAILED && counts.read === 0) return 'unreadable';
  const lost = counts.failed + counts.missing + counts.chunksUnreadable + counts.limitsHit;
  if (status !== EXIT_OK || lost > 0) return 'lost';
  return counts.chunksDamaged > 0 ? 'damaged' : 'complete';
}

function firstError(summary: FileSummary | undefined): string | undefined {
  return summary?.diagnostics.find((d) => d.severity === 'error')?.message;
}

/** The account as text lines, every value escaped; a total line when there are several. */
export function accountLines(accounts: readonly FileAccount[]): string[] {
  if (accounts.length === 0) return [];

  const rows = accounts.map((account) => [account.state, ...numbers(account), fileCell(account)]);
  if (accounts.length > 1) rows.push([totalState(accounts), ...numbers(sum(accounts)), 'total']);
  const files = accounts.length === 1 ? '1 file' : `${accounts.length} files`;
  return [`account of ${files}:`, ...renderTable(COLUMNS, rows).map((line) => `  ${line}`)];
}

const COLUMNS = [
  { heading: 'state' },
  ...[
    'read',
    'recovered',
    'failed',
    'missing',
    'duplicates',
    'chunks damaged',
    'chunks unreadable',
    'limits hit',
  ].map((heading) => ({ heading, align: 'right' as const })),
  { heading: 'file' },
];

/** The counts of an account, in column order. */
type Counts = Pick<FileAccount, (typeof COUNTS)[number]>;

const COUNTS = [
  'read',
  'recovered',
  'failed',
  'missing',
  'duplicates',
  'chunksDamaged',
  'chunksUnreadable',
  'limitsHit',
] as const;

function numbers(account: Counts): string[] {
  return COUNTS.map((name) => String(account[name]));
}

function fileCell(account: FileAccount): string {
  return account.problem === undefined ? account.file : `${account.file}: ${account.problem}`;
}

function sum(accounts: readonly FileAccount[]): Counts {
  const add = (name: (typeof COUNTS)[number]) =>
    accounts.reduce((total, account) => total + account[name], 0);
  return Object.fromEntries(COUNTS.map((name) => [name, add(name)])) as Record<
    (typeof COUNTS)[number],
    number
  >;
}

/** `all complete`, or how many inputs are not, e.g. `2 of 5 not complete`. */
function totalState(accounts: readonly FileAccount[]): string {
  const short = accounts.filter((account) => account.state !== 'complete').length;
  return short === 0 ? 'all complete' : `${short} of ${accounts.length} not complete`;
}

/** The exit status `--strict` makes of a run: at least 1 when any input is not complete. */
export function strictStatus(run: ReadingRun): number {
  const short = run.accounts.some((account) => account.state !== 'complete');
  return short ? worstStatus(run.status, EXIT_LOST) : run.status;
}

/**
 * Ends a reading command: writes the account to stderr and returns the exit status, raised by
 * `--strict` when anything is not complete. Call it after all output is written.
 */
export async function endRun(io: Io, run: ReadingRun, strict: boolean): Promise<number> {
  const lines = accountLines(run.accounts);
  if (lines.length > 0) await io.err.write(lines.join('\n') + '\n');
  return strict ? strictStatus(run) : run.status;
}
