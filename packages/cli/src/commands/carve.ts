/**
 * `evtxhunt carve`: EVTX chunks and loose records found at any offset of any file (a disk
 * image, a memory dump, unallocated space), rebuilt into readable logs or JSON lines, with
 * what was found where on stderr and in a manifest.
 */
import { mkdir, open, readdir, stat, writeFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';

import { EvtxFile, openFileSource, type ByteSource } from '@evtxhunt/evtx/node';
import {
  planLogs,
  rebuiltSource,
  scanImage,
  type CarvedLog,
  type CarveScan,
  type LooseRecord,
} from '@evtxhunt/evtx/carve';

import { accountOf, endRun, STRICT_HELP, STRICT_OPTION, type FileAccount } from '../account.js';
import type { ParsedArgs } from '../args.js';
import {
  carveLines,
  carveManifest,
  carveSummary,
  LOOSE_RECORDS_FILE,
  placements,
} from '../carve-report.js';
import type { Command } from '../command.js';
import { formatProblem } from '../diagnostics.js';
import { EXIT_FAILED, EXIT_LOST, EXIT_OK, InputError, UsageError, worstStatus } from '../errors.js';
import { describeError } from '../inputs.js';
import type { Io } from '../io.js';
import { jsonText } from '../json.js';
import { fileStatus } from '../reading.js';
import { recordJsonLine } from '../record-lines.js';
import { Reporter } from '../reporter.js';

const HELP = `Usage: evtxhunt carve IMAGE --out DIR [--format evtx|jsonl]

Searches any file (a disk image, a memory dump, unallocated space) at every byte offset for
EVTX chunks (signature, header and data CRC checked) and for records outside them (signature,
size and its trailing copy, written time), and rebuilds what it finds. The image is read 4 MiB
at a time, never whole.

Chunks of the same channel and computer whose record ids follow on are put back together as
one log, in id order, with a new file header; a copy of a chunk is written once. Loose records
go to ${LOOSE_RECORDS_FILE}: a record can be read alone only when it carries its template (the
first of its kind in its chunk); the others are listed with their id, time and why.

Every chunk, rejected signature and loose record is reported on stderr with its byte offset;
DIR/manifest.json says the same, with each chunk's output file and slot.

Options:
  --out DIR       where to write: a new or empty folder
  --format evtx   a rebuilt .evtx file per log (default)
  --format jsonl  a .jsonl file per log instead: each record as dump writes it
  --strict        ${STRICT_HELP.replaceAll('\n', '\n                  ')}
  -h, --help      show this help

Exit status: 0 everything found was read, 1 something found could not be read (failed
records, a chunk cut off, a loose record without its template) or nothing was found,
2 usage error, or the image or DIR could not be used.`;

async function run(args: ParsedArgs, io: Io): Promise<number> {
  const [image, ...extra] = args.positionals;
  if (image === undefined || extra.length > 0) throw new UsageError('carve needs one image');
  const out = args.values.get('out');
  if (out === undefined) throw new UsageError("carve needs '--out DIR'");
  const jsonl = args.values.get('format') === 'jsonl';

  let source;
  try {
    await checkImage(image);
    source = await openFileSource(image);
  } catch (error) {
    const problem = `cannot open: ${describeError(error)}`;
    await io.err.write(formatProblem(image, problem) + '\n');
    const accounts = [accountOf(image, EXIT_FAILED, { problem })];
    return endRun(io, { status: EXIT_FAILED, accounts }, args.flags.has('strict'));
  }

  try {
    await prepareOut(out);
    const status = await carve(source, out, jsonl, io);
    return endRun(io, status, args.flags.has('strict'));
  } finally {
    await source.close();
  }
}

/**
 * Refuses an image that is not a regular file or a block device (a disk) before `--out` is
 * made: a folder or a pipe cannot be read at any offset.
 */
async function checkImage(image: string): Promise<void> {
  const info = await stat(image);
  if (info.isDirectory()) throw new Error('it is a folder; carve reads one file or disk');
  if (!info.isFile() && !info.isBlockDevice()) {
    throw new Error('not a regular file or a block device');
  }
}

/** Makes `out`, refusing one that holds anything: carved files must not mix with others. */
async function prepareOut(out: string): Promise<void> {
  try {
    await mkdir(out, { recursive: true });
    const entries = await readdir(out);
    if (entries.length > 0) throw new InputError(`refusing --out ${out}: it is not empty`);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot use --out ${out}: ${describeError(error)}`);
  }
}

async function carve(
  source: ByteSource,
  out: string,
  jsonl: boolean,
  io: Io,
): Promise<{ status: number; accounts: FileAccount[] }> {
  const reporter = new Reporter(io);
  const loose = new LooseRecordsFile(join(out, LOOSE_RECORDS_FILE), source.name);
  let scan: CarveScan;
  try {
    scan = await scanImage(source, {
      onProgress: ({ scanned, size, chunks, looseRecords }) =>
        void reporter.progress(
          `scanned ${percent(scanned, size)}: ${chunks} chunks, ${looseRecords} loose records`,
        ),
      onLooseRecord: (record) => loose.add(record),
    });
  } finally {
    await loose.close();
  }
  await reporter.clearProgress();

  const logs = planLogs(scan.chunks);
  const extension = jsonl ? '.jsonl' : '.evtx';
  const placed = placements(logs, extension);
  for (const line of carveLines(scan, placed)) await reporter.line(line);

  const logAccounts: FileAccount[] = [];
  for (const log of logs)
    logAccounts.push(await writeLog(source, log, join(out, log.name + extension), jsonl));
  const accounts = [...logAccounts];
  if (scan.looseRecords.length > 0) accounts.push(loose.account());
  const unwritten = unwrittenAccount(scan);
  if (unwritten !== undefined) accounts.push(unwritten);

  const manifest = carveManifest(scan, logs, placed, {
    format: jsonl ? 'jsonl' : 'evtx',
    accounts,
    logAccounts,
  });
  await writeOut(join(out, 'manifest.json'), jsonText(manifest, 2) + '\n');
  await reporter.line(carveSummary(scan, logs, out));
  return { status: carveStatus(scan, accounts), accounts };
}

/**
 * Writes one log, as rebuilt EVTX or as JSON lines, and reads it back with the parser for its
 * account: what the rebuilt file gives a reader, not what the scan hoped.
 */
async function writeLog(
  image: ByteSource,
  log: CarvedLog,
  path: string,
  jsonl: boolean,
): Promise<FileAccount> {
  const rebuilt = rebuiltSource(image, log, path);
  const handle = await openOut(path);
  try {
    const evtx = await EvtxFile.open(rebuilt);
    if (!jsonl) await copySource(rebuilt, handle);
    for await (const batch of evtx.recordBatches()) {
      if (!jsonl) continue;
      const lines = batch.map((record) => recordJsonLine(image.name, record.toStructured()) + '\n');
      await handle.write(lines.join(''));
    }
    return accountOf(path, fileStatus(evtx.summary, true), { summary: evtx.summary });
  } finally {
    await handle.close();
  }
}

async function copySource(source: ByteSource, handle: FileHandle): Promise<void> {
  const step = 1024 * 1024;
  for (let at = 0; at < source.size; at += step) await handle.write(await source.read(at, step));
}

/** The loose records' JSON lines, opened when the first one is found. */
class LooseRecordsFile {
  #handle: FileHandle | undefined;
  #read = 0;
  #unread = 0;

  constructor(
    private readonly path: string,
    private readonly image: string,
  ) {}

  async add(found: LooseRecord): Promise<void> {
    this.#handle ??= await openOut(this.path);
    const { record, ...facts } = found;
    if (record === undefined) this.#unread++;
    else this.#read++;

    const line =
      record === undefined
        ? { file: this.image, ...facts, read: false }
        : { file: this.image, carvedAt: found.offset, read: true, ...record };
    line.file = this.image;
    await this.#handle.write(jsonText(line) + '\n');
  }

  async close(): Promise<void> {
    await this.#handle?.close();
  }

  /** Loose records read count as recovered; those that could not be read, as failed. */
  account(): FileAccount {
    const state = this.#unread > 0 ? 'lost' : 'complete';
    return { ...NOTHING, file: this.path, state, recovered: this.#read, failed: this.#unread };
  }
}

/** An account row with every count zero. */
const NOTHING = {
  read: 0,
  recovered: 0,
  failed: 0,
  missing: 0,
  duplicates: 0,
  chunksDamaged: 0,
  chunksUnreadable: 0,
  limitsHit: 0,
} as const;

/**
 * The account row of chunks that were found but gave no record, so are in no output; undefined
 * when there are none.
 */
function unwrittenAccount(scan: CarveScan): FileAccount | undefined {
  const unwritten = scan.chunks.filter(
    (chunk) => chunk.duplicateOf === undefined && chunk.firstRecordId === undefined,
  );
  if (unwritten.length === 0) return undefined;

  const failed = unwritten.reduce((sum, chunk) => sum + chunk.failed, 0);
  const file = `${scan.image}: ${unwritten.length} chunks with no readable record, not written`;
  return { ...NOTHING, file, state: 'lost', failed, chunksUnreadable: unwritten.length };
}

/**
 * 1 when anything found could not be read, or when nothing was found at all; else 0. A CRC
 * mismatch alone loses nothing (--strict makes it count).
 */
function carveStatus(scan: CarveScan, accounts: readonly FileAccount[]): number {
  if (scan.chunks.length === 0 && scan.looseRecords.length === 0) return EXIT_LOST;
  const lost = accounts.some(
    (account) => account.state === 'lost' || account.state === 'unreadable',
  );
  return worstStatus(EXIT_OK, lost ? EXIT_LOST : EXIT_OK);
}

async function openOut(path: string): Promise<FileHandle> {
  try {
    return await open(path, 'wx');
  } catch (error) {
    throw new InputError(`cannot write ${path}: ${describeError(error)}`);
  }
}

async function writeOut(path: string, text: string): Promise<void> {
  try {
    await writeFile(path, text, { flag: 'wx' });
  } catch (error) {
    throw new InputError(`cannot write ${path}: ${describeError(error)}`);
  }
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '100%' : `${Math.floor((100 * part) / whole)}%`;
}

/** The carve command. */
export const carveCommand: Command = {
  name: 'carve',
  summary: 'find EVTX chunks and records in any file (disk image, memory dump) and rebuild logs',
  help: HELP,
  options: [
    { name: 'out', kind: 'value' },
    { name: 'format', kind: 'value', choices: ['evtx', 'jsonl'] },
    STRICT_OPTION,
  ],
  run,
};
