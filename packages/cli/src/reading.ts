/**
 * The loop every command shares: expand the paths, open each file in turn, hand it to the
 * command, report what the parser found, and work out the exit status. A file that cannot be
 * opened is reported and the others are still read.
 */
import {
  EvtxFile,
  openFileSource,
  type ByteSource,
  type EvtxFileOptions,
  type FileSummary,
} from '@evtxhunt/evtx/node';
import { sniffFile } from '@evtxhunt/formats/node';

import { accountOf, type FileAccount, type ReadingRun } from './account.js';
import { formatDiagnostic, formatNote, formatProblem } from './diagnostics.js';
import { EXIT_FAILED, EXIT_LOST, EXIT_OK, worstStatus } from './errors.js';
import { readArchive } from './archive-input.js';
import { exportReader, ForeignFile, gunzippedSource, type ExportReader } from './foreign-input.js';
import { collectInputs, describeError, isEvtxName, type Inputs } from './inputs.js';
import type { UnpackedSource } from './unpacked-source.js';
import type { Io } from './io.js';
import { Reporter } from './reporter.js';

/**
 * What a command does with one opened file. `onDisk` is a path other threads may open to read
 * the same bytes (the file itself, or the temporary file an unpacked log spilled to); undefined
 * when the bytes are in this thread's memory only, or the file is an export.
 */
export type FileVisitor = (
  evtx: EvtxFile,
  file: string,
  reporter: Reporter,
  onDisk: string | undefined,
) => Promise<void>;

/** An EVTX log's bytes as the parser reads them, and where else they can be read from. */
type LogSource = ByteSource & { close(): Promise<void>; readonly onDisk: string | undefined };

/**
 * Told how each input ended: its exit status, the parser's summary when it opened as EVTX, and
 * the problem printed when it could not be read at all.
 */
export type FileObserver = (
  file: string,
  status: number,
  outcome: { readonly summary?: FileSummary; readonly problem?: string },
) => void;

/**
 * Reads every file under `paths` with `visit`, each opened with `open` (e.g. `--slack`);
 * returns the worst exit status of any file and each input's account (see endRun, which
 * prints it).
 */
export async function readEvtxFiles(
  paths: readonly string[],
  io: Io,
  visit: FileVisitor,
  open: EvtxFileOptions = {},
): Promise<ReadingRun> {
  return readEvtxInputs(await collectInputs(paths), io, visit, undefined, open);
}

/**
 * Reads inputs already collected (by collectInputs) with `visit`, reporting the paths that
 * could not be read; returns the worst exit status of any file and each input's account.
 * `visit` is called only for files that open as EVTX.
 */
export async function readEvtxInputs(
  inputs: Inputs,
  io: Io,
  visit: FileVisitor,
  observeAlso: FileObserver = () => undefined,
  open: EvtxFileOptions = {},
): Promise<ReadingRun> {
  const reporter = new Reporter(io);
  const accounts: FileAccount[] = [];
  const observe: FileObserver = (file, fileStatus, outcome) => {
    accounts.push(accountOf(file, fileStatus, outcome));
    observeAlso(file, fileStatus, outcome);
  };
  let status = EXIT_OK;

  for (const skipped of inputs.skipped) {
    await reporter.line(formatNote(skipped.path, `skipped: ${skipped.message}`));
  }
  for (const problem of inputs.problems) {
    await reporter.line(formatProblem(problem.path, problem.message));
    observe(problem.path, EXIT_FAILED, { problem: problem.message });
    status = EXIT_FAILED;
  }
  if (inputs.files.length === 0 && inputs.problems.length === 0) {
    await reporter.line('evtxhunt: no .evtx files or exports found under the paths given');
    status = EXIT_FAILED;
  }

  for (const [i, file] of inputs.files.entries()) {
    await reporter.startFile(i + 1, inputs.files.length, file);
    const read = { reporter, visit, observe, open };
    status = worstStatus(status, await readOneFile(file, read));
  }

  await reporter.clearProgress();
  return { status, accounts };
}

/**
 * The exit status one file earns: 2 when nothing in it could be read as EVTX, 1 when some of
 * it was lost (failed records, unreadable chunk slots, an unreadable header), else 0. A CRC
 * mismatch alone loses nothing: the chunk is still read, and the warning says so.
 */
export function fileStatus(summary: FileSummary, hasHeader: boolean): number {
  if (!hasHeader && summary.records.read === 0) return EXIT_FAILED;

  const lost =
    !hasHeader ||
    summary.lost ||
    summary.records.failed > 0 ||
    summary.chunks.unreadable > 0 ||
    summary.diagnostics.some((diagnostic) => diagnostic.severity === 'error');
  return lost ? EXIT_LOST : EXIT_OK;
}

/** How each file of a run is read and told about. */
interface FileReading {
  readonly reporter: Reporter;
  readonly visit: FileVisitor;
  readonly observe: FileObserver;
  readonly open: EvtxFileOptions;
}

async function readOneFile(file: string, read: FileReading): Promise<number> {
  const { reporter, observe } = read;
  let open;
  try {
    // By content: an export (XML, JSON, CSV, gzip of one) is read as records, a zip as its
    // members; EVTX, and anything named .evtx, goes to the parser, which reports what is wrong.
    const sniffed = await sniffFile(file).catch(() => undefined);
    const format = sniffed?.format;
    if (format === 'zip') return await readArchive(file, archiveReading(file, read));
    if (format === 'xml' || format === 'json' || format === 'csv') {
      return await readExport(file, read, exportReader(format));
    }
    if (sniffed?.format === undefined && sniffed !== undefined && !isEvtxName(file)) {
      return failed(file, `cannot read: ${sniffed.problem}`, reporter, observe);
    }
    open = sniffed?.format === 'evtx' && sniffed.gzipped ? gunzippedSource : onDiskSource;
  } catch (error) {
    return failed(file, `cannot open: ${describeError(error)}`, reporter, observe);
  }
  return readEvtxSource(file, () => open(file), read);
}

/** The file at `path`, read in place. */
async function onDiskSource(path: string): Promise<LogSource> {
  return { ...(await openFileSource(path)), onDisk: path };
}

/** How a zip archive's inputs are read: as this file's are. */
function archiveReading(file: string, read: FileReading) {
  return {
    readExports: (reader: ExportReader) => readExport(file, read, reader),
    readEvtx: (name: string, open: () => Promise<LogSource>) => readEvtxSource(name, open, read),
    worst: worstStatus,
  };
}

/** An EVTX log from the source `open` gives, named `file`. */
async function readEvtxSource(
  file: string,
  open: () => Promise<LogSource>,
  read: FileReading,
): Promise<number> {
  const { reporter, visit, observe } = read;
  let source;
  try {
    source = await open();
  } catch (error) {
    return failed(file, `cannot open: ${describeError(error)}`, reporter, observe);
  }

  try {
    const evtx = await EvtxFile.open(source, read.open);
    let status = await visitOpened(evtx, { file, onDisk: source.onDisk }, reporter, visit);
    status = worstStatus(status, await reportBreaks(file, source, reporter));
    observe(file, status, { summary: evtx.summary });
    return status;
  } catch (error) {
    return failed(file, `cannot read: ${describeError(error)}`, reporter, observe);
  } finally {
    await source.close();
  }
}

/**
 * A log unpacked out of gzip or zip whose compressed data broke off: the records before were
 * read, and the run says the rest is lost.
 */
async function reportBreaks(file: string, source: ByteSource, reporter: Reporter): Promise<number> {
  const breaks = 'breaks' in source ? (source as UnpackedSource).breaks : [];
  for (const problem of breaks) await reporter.line(formatDiagnostic(file, problem));
  return breaks.length > 0 ? EXIT_LOST : EXIT_OK;
}

async function failed(
  file: string,
  problem: string,
  reporter: Reporter,
  observe: FileObserver,
): Promise<number> {
  await reporter.line(formatProblem(file, problem));
  observe(file, EXIT_FAILED, { problem });
  return EXIT_FAILED;
}

async function visitOpened(
  evtx: EvtxFile,
  place: { readonly file: string; readonly onDisk: string | undefined },
  reporter: Reporter,
  visit: FileVisitor,
): Promise<number> {
  const { file, onDisk } = place;
  try {
    await visit(evtx, file, reporter, onDisk);
  } catch (error) {
    // The parser reports damage as diagnostics; a throw here is an IO failure or a parser bug.
    await reporter.diagnostics(evtx.summary);
    await reporter.line(formatProblem(file, `stopped reading: ${describeError(error)}`));
    return evtx.summary.records.read > 0 ? EXIT_LOST : EXIT_FAILED;
  }

  await reporter.diagnostics(evtx.summary);
  return fileStatus(evtx.summary, evtx.header !== undefined);
}

/**
 * An export read through @evtxhunt/formats. Commands read only an EvtxFile's summary and
 * record batches, which ForeignFile gives; its status is 2 when nothing could be read, 1
 * when some record could not be, else 0.
 */
async function readExport(file: string, read: FileReading, reader: ExportReader): Promise<number> {
  const { reporter, visit, observe } = read;
  const foreign = new ForeignFile(file, reader);
  const summary = foreign.summary;
  let status;
  try {
    await visit(foreign as unknown as EvtxFile, file, reporter, undefined);
    await reporter.diagnostics(summary);
    status =
      summary.records.read === 0 && summary.lost ? EXIT_FAILED : summary.lost ? EXIT_LOST : EXIT_OK;
  } catch (error) {
    await reporter.diagnostics(summary);
    await reporter.line(formatProblem(file, `stopped reading: ${describeError(error)}`));
    status = summary.records.read > 0 ? EXIT_LOST : EXIT_FAILED;
  }
  observe(file, status, { summary });
  return status;
}
