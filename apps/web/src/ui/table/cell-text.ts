/**
 * A table cell's text as logged: spaces kept (the cell is `white-space: pre`), line breaks
 * shown as ⏎ so a row stays one line, controls and direction marks as escapes (visible-text.ts),
 * whitespace at the end split off to be marked, and a very long value cut.
 */
import { visibleText } from '../visible-text.js';

/** Characters of a value shown in a cell; the details pane shows all of it. */
export const CELL_TEXT_LIMIT = 400;

/** What a cell draws: the text, and its trailing whitespace to mark apart. */
export interface CellParts {
  readonly body: string;
  readonly trailing: string;
}

/** The parts of `text` a cell draws. */
export function cellParts(text: string, limit = CELL_TEXT_LIMIT): CellParts {
  const cut = text.length > limit ? `${text.slice(0, limit)}…` : text;
  const shown = visibleText(cut).replace(/\r\n|\r|\n/g, '⏎');
  const body = shown.trimEnd();
  return { body, trailing: shown.slice(body.length) };
}
