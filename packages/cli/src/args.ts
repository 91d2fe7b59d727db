/**
 * A small command-line parser: long options only (`--name value`, `--name=value`), `-h` for
 * help, `--` to end options. Options are declared; anything undeclared is a usage error.
 */
import { UsageError } from './errors.js';

/** One declared option: a flag, a single value, or a value that may repeat. */
export interface OptionSpec {
  readonly name: string;
  readonly kind: 'flag' | 'value' | 'list';
  /** The only values accepted, when the option is a choice. */
  readonly choices?: readonly string[];
}

/** What the parser found: positional arguments, flags set, and option values. */
export interface ParsedArgs {
  readonly positionals: readonly string[];
  readonly flags: ReadonlySet<string>;
  readonly values: ReadonlyMap<string, string>;
  readonly lists: ReadonlyMap<string, readonly string[]>;
}

interface Parsing {
  positionals: string[];
  flags: Set<string>;
  values: Map<string, string>;
  lists: Map<string, string[]>;
}

/** Parses `args` against `specs`; throws UsageError for an unknown option or missing value. */
export function parseArgs(args: readonly string[], specs: readonly OptionSpec[]): ParsedArgs {
  const parsing: Parsing = {
    positionals: [],
    flags: new Set(),
    values: new Map(),
    lists: new Map(),
  };

  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--') {
      parsing.positionals.push(...args.slice(i + 1));
      break;
    }

    if (!isOption(arg)) parsing.positionals.push(arg);
    else if (readOption(parsing, specs, arg, args[i + 1])) i++;
  }
  return parsing;
}

function isOption(arg: string): boolean {
  return arg.startsWith('-') && arg !== '-';
}

/** Records one option; returns true when it consumed the next argument as its value. */
function readOption(
  parsing: Parsing,
  specs: readonly OptionSpec[],
  arg: string,
  next: string | undefined,
): boolean {
  const { name, inline } = splitOption(arg);
  const spec = specs.find((candidate) => candidate.name === name);
  if (spec === undefined) throw new UsageError(`unknown option '${arg}'`);

  if (spec.kind === 'flag') {
    if (inline !== undefined) throw new UsageError(`option '--${name}' takes no value`);
    parsing.flags.add(name);
    return false;
  }

  const value = inline ?? next;
  if (value === undefined) throw new UsageError(`option '--${name}' needs a value`);
  storeValue(parsing, spec, value);
  return inline === undefined;
}

function splitOption(arg: string): { name: string; inline: string | undefined } {
  if (arg === '-h') return { name: 'help', inline: undefined };
  if (!arg.startsWith('--')) throw new UsageError(`unknown option '${arg}'`);

  const equals = arg.indexOf('=');
  if (equals === -1) return { name: arg.slice(2), inline: undefined };
  return { name: arg.slice(2, equals), inline: arg.slice(equals + 1) };
}

function storeValue(parsing: Parsing, spec: OptionSpec, value: string): void {
  if (spec.choices !== undefined && !spec.choices.includes(value)) {
    const choices = spec.choices.join(', ');
    throw new UsageError(`option '--${spec.name}' must be one of ${choices}, not '${value}'`);
  }

  if (spec.kind === 'value') {
    if (parsing.values.has(spec.name)) {
      throw new UsageError(`option '--${spec.name}' given more than once`);
    }
    parsing.values.set(spec.name, value);
    return;
  }

  const list = parsing.lists.get(spec.name) ?? [];
  list.push(value);
  parsing.lists.set(spec.name, list);
}
