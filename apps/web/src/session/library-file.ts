/**
 * Saved searches and column layouts as a JSON file, to hand to a colleague: written by
 * `libraryFileText`, read back by `readLibraryFile`, which treats the file as hostile (it came
 * from someone else) and refuses it whole, naming the first problem, rather than take part of it.
 */
import {
  KeptDataError,
  readColumnLayout,
  readSavedSearch,
  SAVED_MAX,
  type ColumnLayout,
  type SavedSearch,
} from './session-records.js';

/** What the file says it is. */
export const LIBRARY_FORMAT = 'evtxhunt saved searches';
/** The version of the file this app writes and reads. */
export const LIBRARY_VERSION = 1;
/** The largest file read: a full library of long queries fits many times over. */
export const LIBRARY_FILE_MAX_BYTES = 4 * 1024 * 1024;

/**
 * A file refused: which, and its first problem.
 * TODO: the problem (`searches[0].name is empty`) is worded in English in every language, like
 * the parser's diagnostics; the page puts it inside a sentence of the chosen language.
 */
export class LibraryFileError extends Error {
  override name = 'LibraryFileError';

  constructor(
    readonly fileName: string,
    readonly problem: string,
  ) {
    super(`${fileName} is not a saved-searches file this app can read: ${problem}`);
  }
}

/** Saved searches and layouts, as a file holds them. */
export interface Library {
  readonly searches: readonly SavedSearch[];
  readonly layouts: readonly ColumnLayout[];
}

/** The file's text for `library`. */
export function libraryFileText(library: Library): string {
  const { searches, layouts } = library;
  const file = { format: LIBRARY_FORMAT, version: LIBRARY_VERSION, searches, layouts };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Reads a library file's text; throws a LibraryFileError naming `fileName` and its problem. */
export function readLibraryFile(text: string, fileName: string): Library {
  const refuse = (why: string) => new LibraryFileError(fileName, why);
  if (text.length > LIBRARY_FILE_MAX_BYTES) {
    throw refuse(`it is over ${LIBRARY_FILE_MAX_BYTES / 1024 / 1024} MiB`);
  }

  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw refuse(`it is not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  try {
    return libraryOf(parsed);
  } catch (error) {
    if (error instanceof KeptDataError) throw refuse(error.message);
    throw error;
  }
}

function libraryOf(parsed: unknown): Library {
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new KeptDataError('it holds no object');
  }
  const file = parsed as Record<string, unknown>;
  if (file['format'] !== LIBRARY_FORMAT) {
    throw new KeptDataError(`its format is not "${LIBRARY_FORMAT}"`);
  }
  if (file['version'] !== LIBRARY_VERSION) {
    throw new KeptDataError(`it is not version ${LIBRARY_VERSION}`);
  }
  const searches = entries(file['searches'], 'searches').map((item, i) =>
    readSavedSearch(item, `searches[${i}]`),
  );
  const layouts = entries(file['layouts'], 'layouts').map((item, i) =>
    readColumnLayout(item, `layouts[${i}]`),
  );
  return { searches, layouts };
}

function entries(value: unknown, where: string): readonly unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new KeptDataError(`${where} is not a list`);
  if (value.length > SAVED_MAX) {
    throw new KeptDataError(`${where} holds ${value.length} items; the limit is ${SAVED_MAX}`);
  }
  return value;
}
