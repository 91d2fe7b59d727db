/**
 * The command line: pick the command, parse its options, run it, and turn misuse (UsageError,
 * with a pointer to help) or an unusable input (InputError, the message alone) into status 2.
 */
import { parseArgs } from './args.js';
import type { Command } from './command.js';
import { carveCommand } from './commands/carve.js';
import { coverageCommand } from './commands/coverage.js';
import { dumpCommand } from './commands/dump.js';
import { huntCommand } from './commands/hunt.js';
import { infoCommand } from './commands/info.js';
import { pivotCommand } from './commands/pivot.js';
import { sigmaCommand } from './commands/sigma.js';
import { timelineCommand } from './commands/timeline.js';
import { webCommand } from './commands/web.js';
import { EXIT_FAILED, EXIT_OK, InputError, UsageError } from './errors.js';
import { escapeText } from './escape.js';
import type { Io } from './io.js';

const COMMANDS: readonly Command[] = [
  infoCommand,
  dumpCommand,
  pivotCommand,
  huntCommand,
  sigmaCommand,
  timelineCommand,
  carveCommand,
  coverageCommand,
  webCommand,
];

/** The top-level `--help` text. */
export function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  const list = COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
  return [
    'Usage: evtxhunt <command> [options] PATH...',
    '',
    'Reads Windows EVTX event logs and hunts command-and-control in Sysmon network events.',
    '',
    'Commands:',
    ...list,
    '',
    "Run 'evtxhunt <command> --help' for a command's options.",
  ].join('\n');
}

/** Runs the command line `args` (without `node` and the script); resolves to the exit status. */
export async function runCli(args: readonly string[], io: Io): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h') {
    await (name === undefined ? io.err : io.out).write(mainHelp() + '\n');
    return name === undefined ? EXIT_FAILED : EXIT_OK;
  }

  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (command === undefined) {
    return usageFailure(io, `unknown command '${name}'`, "Run 'evtxhunt --help'");
  }
  return runCommand(command, rest, io);
}

async function runCommand(command: Command, args: readonly string[], io: Io): Promise<number> {
  try {
    const parsed = parseArgs(args, [...command.options, { name: 'help', kind: 'flag' }]);
    if (parsed.flags.has('help')) {
      await io.out.write(command.help + '\n');
      return EXIT_OK;
    }
    return await command.run(parsed, io);
  } catch (error) {
    if (error instanceof InputError) return inputFailure(io, error.message);
    if (!(error instanceof UsageError)) throw error;
    return usageFailure(io, error.message, `Run 'evtxhunt ${command.name} --help'`);
  }
}

async function inputFailure(io: Io, problem: string): Promise<number> {
  await io.err.write(`evtxhunt: ${escapeText(problem)}\n`);
  return EXIT_FAILED;
}

async function usageFailure(io: Io, problem: string, hint: string): Promise<number> {
  await io.err.write(`evtxhunt: ${escapeText(problem)}\n${hint} for usage.\n`);
  return EXIT_FAILED;
}
