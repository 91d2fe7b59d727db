/** One line per parser diagnostic, naming the file, the structure and the byte offset in hex. */
import type { Diagnostic } from '@evtxhunt/evtx';

import { escapeText } from './escape.js';

/** `file: warning: chunk header at 0x11000 (chunk 1): bad signature`, escaped for a terminal. */
export function formatDiagnostic(file: string, diagnostic: Diagnostic): string {
  return escapeText(`${file}: `) + describeDiagnostic(diagnostic);
}

/** `warning: chunk header at 0x11000 (chunk 1): bad signature`, escaped for a terminal. */
export function describeDiagnostic(diagnostic: Diagnostic): string {
  const where = [`${diagnostic.structure} at 0x${diagnostic.offset.toString(16)}`];
  if (diagnostic.chunkIndex !== undefined) where.push(`chunk ${diagnostic.chunkIndex}`);
  if (diagnostic.recordId !== undefined) where.push(`record ${diagnostic.recordId}`);

  const place = where.length === 1 ? where[0] : `${where[0]} (${where.slice(1).join(', ')})`;
  return escapeText(`${diagnostic.severity}: ${place}: ${diagnostic.message}`);
}

/** `file: error: message` for a problem that is not the parser's, escaped for a terminal. */
export function formatProblem(file: string, message: string): string {
  return escapeText(`${file}: error: ${message}`);
}

/** `file: info: message` for a note that is not the parser's, escaped for a terminal. */
export function formatNote(file: string, message: string): string {
  return escapeText(`${file}: info: ${message}`);
}
