/**
 * ANSI colour for the text report. Colour is added around text that is already escaped, so the
 * only escape sequences in the output are the ones listed here.
 */
import { isSeverity } from './format.js';
import type { Severity } from './hunt-types.js';

const CODES = {
  bold: '1',
  dim: '2',
  critical: '1;97;41',
  high: '1;31',
  medium: '33',
  low: '36',
  info: '2',
} as const satisfies Record<Severity | 'bold' | 'dim', string>;

/** A look the text report can give a piece of text. */
export type Look = keyof typeof CODES;

/** Gives escaped text a look; returns it unchanged when colour is off. */
export type Paint = (text: string, look: Look) => string;

/** A painter that colours when `color` is true and leaves text alone otherwise. */
export function painter(color: boolean): Paint {
  if (!color) return (text) => text;
  return (text, look) => `\x1b[${CODES[look]}m${text}\x1b[0m`;
}

/** The look for a severity; `bold` for a value that is not a known severity. */
export function severityLook(severity: string): Look {
  return isSeverity(severity) ? severity : 'bold';
}
