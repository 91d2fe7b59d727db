/** The shape every command file exports. */
import type { OptionSpec, ParsedArgs } from './args.js';
import type { Io } from './io.js';

/** One `evtxhunt` command: its name, help text, options and what it does. */
export interface Command {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** The full `--help` text. */
  readonly help: string;
  /** Options besides `--help`, which every command takes. */
  readonly options: readonly OptionSpec[];
  /**
   * Runs with parsed arguments; resolves to the exit status. Throws UsageError for misuse and
   * InputError for a named file that cannot be used.
   */
  run(args: ParsedArgs, io: Io): Promise<number>;
}
