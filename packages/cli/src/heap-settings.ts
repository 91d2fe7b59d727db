/**
 * V8 heap settings for the commands that keep state growing with the log (hunt and timeline).
 * The process is the CLI's own, so it may set them. V8 documents flags set after start-up as
 * unsupported; both flags below are read again each time the heap grows, so setting them before
 * it grows works on Node 20 (test/heap-settings.test.ts checks that it takes effect).
 * TODO: a Node release could stop reading them after start-up, which costs memory, never a wrong
 * result; re-executing node with them on its command line would then be needed.
 */
import { setFlagsFromString } from 'node:v8';

/**
 * How much V8 grows the young generation each time it fills with survivors: 1 keeps it at the
 * size it starts with (1 MB a semi-space on Node 20), instead of doubling up to 16 MB. Each
 * semi-space is committed memory, and a record's short-lived objects (its fields, activity and
 * evidence) die within one batch either way, so a small young generation collects as much for
 * little more CPU: over the generated 1 GB log it cut the hunt's peak RSS from about 245 to
 * 195 MB for some 3% more user CPU (a busy machine, runs interleaved).
 */
export const SEMI_SPACE_GROWTH_FACTOR = 1;

/** The commands whose state grows with the log, for which the young generation is kept small. */
const GROWING_COMMANDS: ReadonlySet<string> = new Set(['hunt', 'timeline']);

/**
 * Keeps the young generation at its first size (SEMI_SPACE_GROWTH_FACTOR) when `args` run a
 * command whose state grows with the log. It must run before the CLI's modules are loaded:
 * parsing them already grows the young generation to 4 MB a semi-space, and set after that the
 * flag saved some 35 MB instead of 50. main.ts calls it, then imports the rest.
 */
export function keepYoungGenerationSmall(args: readonly string[]): void {
  if (!GROWING_COMMANDS.has(args[0] ?? '')) return;
  setFlagsFromString(`--semi-space-growth-factor=${SEMI_SPACE_GROWTH_FACTOR}`);
}

/**
 * Sets how far, in percent, the old generation may grow past what survived a full collection
 * before the next one. Call it before the command reads any log.
 */
export function limitHeapGrowth(growingPercent: number): void {
  setFlagsFromString(`--heap-growing-percent=${growingPercent}`);
}
