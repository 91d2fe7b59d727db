/**
 * V8 heap settings for the commands that keep state growing with the log (hunt, timeline).
 * The process is the CLI's own, so it may set them. V8 documents flags set after start-up as
 * unsupported; both flags below are read again each time the heap grows, so setting them before
 * it grows works on Node 20 (test/heap-settings.test.ts checks that it takes effect).
 * TODO: a Node release could stop reading them after start-up, which costs memory, never a wrong
 * result; re-executing node with them on its command line would then be needed.
 */
import { setFlagsFromString } from 'node:v8';

/**
 * How much V8 grows the young generation each time it fills with survivors: 1 keeps it near the
 * size it starts with (a new space of 1-2 MB on Node 20, against up to 32 MB when it doubles).
 * That space is committed memory, and a record's short-lived objects (its fields, activity and
 * evidence) die within one batch either way, so a small young generation frees as much, with
 * more collections: over the generated 1 GB log it cut the hunt's peak RSS from 242-248 to
 * 196 MB for about 8% more user CPU (11.7 -> 12.6 s; a busy machine, two interleaved runs each).
 * TODO: the CPU is the collections of the objects made per record (see the TODO in
 * hunt/src/engine/engine.ts); building fewer would take most of it back.
 */
export const SEMI_SPACE_GROWTH_FACTOR = 1;

/**
 * The commands for which the young generation is kept small. Not the timeline: it builds a
 * whole structured record per event, and kept small its young generation cost 25% more CPU over
 * the generated 1 GB log (23.9 -> 30.0 s user) for a peak RSS of 184 MB instead of 245.
 */
const SMALL_YOUNG_GENERATION: ReadonlySet<string> = new Set(['hunt']);

/**
 * Keeps the young generation at its first size (SEMI_SPACE_GROWTH_FACTOR) when `args` (the
 * command line after the script) run one of SMALL_YOUNG_GENERATION. It must run before the CLI's modules are loaded:
 * parsing them already grows the young generation to 4 MB a semi-space, and set after that the
 * flag saved some 35 MB instead of 50. main.ts calls it, then imports the rest.
 */
export function keepYoungGenerationSmall(args: readonly string[]): void {
  if (!SMALL_YOUNG_GENERATION.has(args[0] ?? '')) return;
  setFlagsFromString(`--semi-space-growth-factor=${SEMI_SPACE_GROWTH_FACTOR}`);
}

/**
 * Sets how far, in percent, the old generation may grow past what survived a full collection
 * before the next one. Call it before the command reads any log.
 */
export function limitHeapGrowth(growingPercent: number): void {
  setFlagsFromString(`--heap-growing-percent=${growingPercent}`);
}
