/**
 * `--rules DIR` of `sigma` and `hunt`: every `.yml`/`.yaml` file under the folder (or the one
 * file named) compiled into a Sigma rule set; how many loaded, and why the others did not, go
 * to stderr.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

import {
  GROUP_LIMIT,
  SigmaRuleSet,
  isSigmaText,
  type RuleSource,
  type SigmaScan,
} from '@evtxhunt/sigma';

import type { OptionSpec, ParsedArgs } from './args.js';
import { InputError, UsageError } from './errors.js';
import { escapeText } from './escape.js';
import { describeError } from './inputs.js';
import type { Io } from './io.js';

/** Rule files read from one --rules folder at most. */
export const RULE_FILE_LIMIT = 100_000;

/** Failures listed one per line on stderr; the rest are counted. */
const FAILURES_SHOWN = 20;

/** The option that gives the `expand` modifier's placeholders their values. */
export const PLACEHOLDER_OPTION: OptionSpec = { name: 'placeholder', kind: 'list' };

export const PLACEHOLDER_HELP = `a value of a %NAME% placeholder of the expand modifier; repeat
it for more values or names (--placeholder admins=alice --placeholder admins=bob)`;

/** The rule set of the folder or file, its counts written to stderr. */
export async function loadRuleSet(path: string, io: Io, args: ParsedArgs): Promise<SigmaRuleSet> {
  const files = await ruleFiles(path);
  const sources: RuleSource[] = [];
  const notRules: string[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      throw new InputError(`cannot read rule ${file}: ${describeError(error)}`);
    }
    if (isSigmaText(text)) sources.push({ file, text });
    else notRules.push(file);
  }
  const placeholders = placeholderValues(args.lists.get(PLACEHOLDER_OPTION.name) ?? []);
  const set = new SigmaRuleSet(sources, { placeholders });
  await reportLoad(set, notRules, io);
  return set;
}

/** The load's counts and failures, and the YAML files that are not rules, counted apart. */
async function reportLoad(set: SigmaRuleSet, notRules: readonly string[], io: Io): Promise<void> {
  const correlations =
    set.correlations.length === 0 ? '' : ` and ${set.correlations.length} correlations`;
  const lines = [
    `sigma: ${set.rules.length} rules${correlations} loaded, ${set.failures.length} did not load`,
    ...set.failures
      .slice(0, FAILURES_SHOWN)
      .map((failure) => `sigma: ${failure.file}: ${failure.reason}`),
    ...(set.failures.length > FAILURES_SHOWN
      ? [`sigma: and ${set.failures.length - FAILURES_SHOWN} more rules did not load`]
      : []),
    ...sharedIdLines(set),
    ...notRuleLines(notRules),
  ];
  await io.err.write(lines.map((line) => `${escapeText(line)}\n`).join(''));
}

/** The YAML files that have no top-level title, detection or correlation: not rules. */
function notRuleLines(files: readonly string[]): string[] {
  if (files.length === 0) return [];
  const named = files.slice(0, FAILURES_SHOWN).join(', ');
  const more = files.length > FAILURES_SHOWN ? ` and ${files.length - FAILURES_SHOWN} more` : '';
  const count =
    files.length === 1 ? '1 file is not a Sigma rule' : `${files.length} files are not Sigma rules`;
  return [`sigma: ${count} (no title or detection), not counted: ${named}${more}`];
}

/** The records a scan skipped as read before, as a stderr line (none when there were none). */
export function duplicateNotes(scan: SigmaScan): string[] {
  if (scan.duplicates === 0) return [];
  return [`sigma: ${scan.duplicates} records skipped: an identical one was read before`];
}

/**
 * What the correlations of a finished scan could not follow, as stderr lines: groups past
 * GROUP_LIMIT, and matches too far out of time order to be put back in it.
 */
export function correlationNotes(scan: SigmaScan): string[] {
  const notes: string[] = [];
  if (scan.droppedGroups > 0) {
    notes.push(
      `sigma: ${scan.droppedGroups} correlation groups not followed (over ${GROUP_LIMIT} at once)`,
    );
  }
  if (scan.late > 0) {
    notes.push(`sigma: ${scan.late} matches came too far out of time order for the correlations`);
  }
  return notes;
}

/** NAME=VALUE options as each name's values, in order; throws a UsageError for another shape. */
function placeholderValues(options: readonly string[]): Record<string, string[]> {
  const values: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  for (const option of options) {
    const at = option.indexOf('=');
    if (at < 1) throw new UsageError(`--placeholder takes NAME=VALUE, not ${option}`);
    const name = option.slice(0, at);
    (values[name] ??= []).push(option.slice(at + 1));
  }
  return values;
}

/** A warning per rule id that several files carry (their matches are each reported). */
function sharedIdLines(set: SigmaRuleSet): string[] {
  const shared = set.sharedIds();
  const lines = shared.slice(0, FAILURES_SHOWN).map(({ id, files }) => {
    const names = files.join(', ');
    return `sigma: warning: rule id ${id} is in ${files.length} files, each reports its matches: ${names}`;
  });
  if (shared.length > FAILURES_SHOWN) {
    lines.push(`sigma: warning: and ${shared.length - FAILURES_SHOWN} more rule ids are shared`);
  }
  return lines;
}

async function ruleFiles(path: string): Promise<string[]> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw new InputError(`cannot read rules ${path}: ${describeError(error)}`);
  }
  if (!info.isDirectory()) return [path];

  const names = (await readdir(path, { recursive: true })).filter((name) => /\.ya?ml$/i.test(name));
  if (names.length > RULE_FILE_LIMIT) {
    throw new InputError(`refusing --rules ${path}: over ${RULE_FILE_LIMIT} rule files`);
  }
  if (names.length === 0) throw new InputError(`no .yml rule files under ${path}`);
  return names.sort().map((name) => join(path, name));
}
